// Detail screens of a news item and of a directive: title, date, image, summary, body, and
// the document or link, with a way back to the list.
#include <algorithm>

#include "core/date.h"
#include "core/links.h"
#include "ui/kiosk_view.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void BackLink(const ViewContext& ctx, core::Screen list, core::Str label) {
  core::Route back;
  back.screen = list;
  const std::string text = std::string("‹ ") + ctx.Tr(label);
  if (LinkButton(ctx, "##back", text)) ctx.Go(back);
  ctx.mirror.Link(text, core::FormatRoute(back));
  Gap(ctx, 8);
}

// "Copy link": the full address of this screen on the system clipboard, to share it.
void CopyLink(const ViewContext& ctx) {
  if (ctx.state.kiosk) return;  // a shared kiosk has no clipboard worth filling
  const char* label = ctx.Tr(ctx.state.linkCopied ? core::Str::LinkCopied : core::Str::CopyLink);
  const bool clicked = LinkButton(ctx, "##copy", label);
  if (ctx.mirror.Button(label) || clicked) {
    ctx.host.CopyToClipboard(ctx.host.AddressOf(core::FormatRoute(ctx.state.route)));
    ctx.state.linkCopied = true;
  }
  Gap(ctx, 4);
}

void Meta(const ViewContext& ctx, const std::string& text) {
  TextBlock(ctx.fonts.small, ctx.palette.muted, text);
  ctx.mirror.Paragraph(text);
  Gap(ctx, 12);
}

void Image(const ViewContext& ctx, const std::string& path) {
  const float width = ctx.measure;
  const ImageView img = ctx.host.Image(path);
  float w = width, h = width * 0.5f;
  if (img.status == ImageStatus::Ready && img.width > 0) {
    w = std::min(width, img.width);
    h = w * img.height / img.width;
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, h));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (img.status == ImageStatus::Ready && img.texture) {
    dl->AddImageRounded(img.texture, pos, ImVec2(pos.x + w, pos.y + h), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, ctx.Px(6));
  } else {
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), ctx.palette.surfaceHover, ctx.Px(6));
    if (img.status == ImageStatus::Failed)
      dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(pos.x + ctx.Px(12), pos.y + ctx.Px(12)),
                  ctx.palette.muted, ctx.Tr(core::Str::ImageUnavailable));
  }
  Gap(ctx, 12);
}

// "Open the document" / "Open the link": external URLs open in a new tab; relative documents
// are files of the bundle's folder.
void OpenButton(const ViewContext& ctx, const char* id, core::Str label, const std::string& target) {
  const char* text = ctx.Tr(label);
  const std::string url = core::IsSafeExternalUrl(target) ? target : ctx.host.BundleFileUrl(target);
  if (ctx.state.kiosk) {  // nothing leads out of the kiosk: the visitor takes the address along
    ScanCode(ctx, url);
    return;
  }
  if (ActionButton(ctx, id, text)) ctx.host.OpenUrl(url);
  ctx.mirror.Link(text, url, true);
  Gap(ctx, 8);
}

}  // namespace

void DrawNewsDetail(const ViewContext& ctx, const core::NewsItem& item) {
  BackLink(ctx, core::Screen::News, core::Str::News);
  Heading(ctx, 1, ctx.Get(item.title));
  Meta(ctx, core::FormatDate(item.date, ctx.Lang()));
  CopyLink(ctx);
  if (!item.image.empty()) Image(ctx, item.image);
  const std::string_view summary = ctx.Get(item.summary);
  if (!summary.empty()) {
    TextBlock(ctx.fonts.bold, ctx.palette.text, summary);
    ctx.mirror.Paragraph(summary);
    Gap(ctx, 12);
  }
  Paragraphs(ctx, ctx.Get(item.body));
  if (!item.tags.empty()) {
    std::string tags = std::string(ctx.Tr(core::Str::Tags)) + ": ";
    for (size_t i = 0; i < item.tags.size(); ++i) tags += (i ? ", " : "") + item.tags[i];
    Meta(ctx, tags);
  }
  if (!item.link.empty()) OpenButton(ctx, "##link", core::Str::OpenLink, item.link);
}

void DrawDirectiveDetail(const ViewContext& ctx, const core::Directive& item) {
  BackLink(ctx, core::Screen::Directives, core::Str::Directives);
  Heading(ctx, 1, ctx.Get(item.title));
  std::string meta = core::FormatDate(item.date, ctx.Lang());
  if (!item.category.empty()) meta += " · " + item.category;
  Meta(ctx, meta);
  CopyLink(ctx);
  const std::string_view summary = ctx.Get(item.summary);
  if (!summary.empty()) {
    TextBlock(ctx.fonts.bold, ctx.palette.text, summary);
    ctx.mirror.Paragraph(summary);
    Gap(ctx, 12);
  }
  Paragraphs(ctx, ctx.Get(item.body));
  if (!item.document.empty()) OpenButton(ctx, "##doc", core::Str::OpenDocument, item.document);
  if (!item.link.empty()) OpenButton(ctx, "##link", core::Str::OpenLink, item.link);
}

}  // namespace ui
