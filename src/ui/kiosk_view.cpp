// The attract loop and the scan-to-open codes of the kiosk.
#include "ui/kiosk_view.h"

#include <algorithm>
#include <cmath>

#include "core/date.h"
#include "core/qr.h"
#include "ui/qr_view.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// A news slide's item (the playlist names items that are in).
const core::NewsItem* SlideItem(const ViewContext& ctx, const core::Route& route) {
  if (route.screen != core::Screen::NewsDetail) return nullptr;
  const auto h = ctx.content.FindNews(route.id).handle;
  return h ? &ctx.content.News(*h) : nullptr;
}

// One slide: a news item (image, date, title, summary) or the mission (title, first paragraphs).
void DrawSlide(const ViewContext& ctx, const core::Route& route, ImVec2 min, ImVec2 max) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = ctx.Px(48);
  const float width = std::min(max.x - min.x - 2 * pad, ctx.Px(1400));
  const float x = min.x + (max.x - min.x - width) * 0.5f;
  float y = min.y + pad;
  if (route.screen == core::Screen::NewsDetail) {
    const core::NewsItem* item = SlideItem(ctx, route);
    if (!item) return;
    if (!item->image.Empty()) {
      const ImageView img = ctx.host.Image(item->image.src);
      if (img.status == ImageStatus::Ready && img.texture && img.width > 0) {
        const float h = std::min((max.y - min.y) * 0.5f, width * img.height / img.width);
        const float w = h * img.width / img.height;
        dl->AddImageRounded(img.texture, ImVec2(x, y), ImVec2(x + w, y + h), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE,
                            ctx.Px(12));
        y += h + ctx.Px(32);
      }
    }
    const std::string date = core::FormatDate(item->date, ctx.Lang());
    dl->AddText(ctx.fonts.h2, ctx.fonts.h2->FontSize, ImVec2(x, y), ctx.palette.muted, date.c_str());
    y += ctx.fonts.h2->FontSize + ctx.Px(16);
    y += DrawMarkedText(dl, ctx.fonts.h1, ImVec2(x, y), width, ctx.Get(item->title), {}, ctx.palette.text, 0) + ctx.Px(24);
    DrawMarkedText(dl, ctx.fonts.body, ImVec2(x, y), width, ctx.Get(item->summary), {}, ctx.palette.text, 0);
    return;
  }
  const core::Mission& m = ctx.content.GetMission();
  y += DrawMarkedText(dl, ctx.fonts.h1, ImVec2(x, y), width, ctx.Get(m.title), {}, ctx.palette.text, 0) + ctx.Px(32);
  for (const auto& p : m.paragraphs) {
    if (y > max.y - ctx.Px(200)) break;
    const std::string text = (p.number.empty() ? "" : p.number + ". ") + std::string(ctx.Get(p.text));
    y += DrawMarkedText(dl, ctx.fonts.body, ImVec2(x, y), width, text, {}, ctx.palette.text, 0) + ctx.Px(20);
  }
}

void RecordSlide(const ViewContext& ctx, const core::Route& route) {
  if (const core::NewsItem* item = SlideItem(ctx, route)) {
    ctx.mirror.Heading(1, ctx.Get(item->title));
    ctx.mirror.Paragraph(core::FormatDate(item->date, ctx.Lang()));
    if (!ctx.Get(item->summary).empty()) ctx.mirror.Paragraph(ctx.Get(item->summary));
  } else {
    ctx.mirror.Heading(1, ctx.Get(ctx.content.GetMission().title));
  }
}

}  // namespace

void DrawAttract(const ViewContext& ctx, const std::vector<core::Route>& playlist, const core::KioskState& state,
                 bool reducedMotion) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), size, ctx.palette.background);
  if (playlist.empty()) return;
  // A gentle cross-fade through the background: the slide fades out, the next fades in.
  const bool second = !reducedMotion && state.fade >= 0.5f;
  const core::Route& route = playlist[(second ? state.nextSlide : state.slide) % playlist.size()];
  const float invite = ctx.Px(120);
  DrawSlide(ctx, route, ImVec2(0, 0), ImVec2(size.x, size.y - invite));
  RecordSlide(ctx, route);
  if (!reducedMotion && state.fade > 0) {
    const float veil = 1.0f - std::fabs(2.0f * state.fade - 1.0f);
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(ctx.palette.background);
    c.w = veil;
    dl->AddRectFilled(ImVec2(0, 0), size, ImGui::ColorConvertFloat4ToU32(c));
  }
  // The invitation, in both languages: a visitor may read either.
  dl->AddRectFilled(ImVec2(0, size.y - invite), size, ctx.palette.accent);
  const std::string text = std::string(core::Tr(core::Str::TouchToExplore, "sq")) + "  ·  " +
                           core::Tr(core::Str::TouchToExplore, "en");
  const ImVec2 t = ctx.fonts.h1->CalcTextSizeA(ctx.fonts.h1->FontSize, FLT_MAX, 0, text.c_str());
  dl->AddText(ctx.fonts.h1, ctx.fonts.h1->FontSize, ImVec2((size.x - t.x) * 0.5f, size.y - invite + (invite - t.y) * 0.5f),
              ctx.palette.accentText, text.c_str());
  ctx.mirror.Paragraph(text);
}

void ScanCode(const DrawContext& ctx, const std::string& url) {
  Paragraph(ctx, ctx.Tr(core::Str::ScanToOpen), TextStyle::Lead);
  if (const auto qr = core::EncodeQr(url)) {
    ImGui::PushID(url.c_str());
    DrawQr(*qr, std::max(ctx.Px(4), 2.0f));
    ImGui::PopID();
  }
  Paragraph(ctx, url, TextStyle::Note);
  Gap(ctx, 12);
}

}  // namespace ui
