// The detail screens; see detail_view.h.
#include "ui/detail_view.h"

#include <algorithm>

#include "core/date.h"
#include "core/links.h"
#include "ui/archive_note.h"
#include "ui/kiosk_view.h"
#include "ui/widgets.h"

namespace ui {

namespace {

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
// are files of the bundle's folder. In the kiosk nothing leads out of the app: the visitor
// takes the address along as a code to scan.
void OpenButton(const ViewContext& ctx, const char* id, core::Str label, const std::string& target) {
  const std::string url = core::IsSafeExternalUrl(target) ? target : ctx.host.BundleFileUrl(target);
  if (ctx.kiosk) {
    ScanCode(ctx, url);
    return;
  }
  ExternalLink(ctx, id, ctx.Tr(label), url);
  Gap(ctx, 8);
}

// The top of both screens: the way back, the title, the date line and "Copy link".
void Top(const ViewContext& ctx, const core::Route& list, core::Str listName, std::string_view title, const std::string& meta) {
  Link(ctx, "##back", std::string("‹ ") + ctx.Tr(listName), list);
  Gap(ctx, 8);
  Heading(ctx, 1, title);
  Paragraph(ctx, meta, TextStyle::Note);
  Gap(ctx, 12);
}

// The summary as a lead paragraph, then the body; of a published archive, the body once its
// full shard is in (a line says it is loading, or why not, meanwhile).
template <class Item>
void Text(const ViewContext& ctx, const Item& item, bool news, size_t index) {
  const std::string_view summary = ctx.Get(item.summary);
  if (!summary.empty()) {
    Paragraph(ctx, summary, TextStyle::Lead);
    Gap(ctx, 12);
  }
  if (ctx.archive && !ctx.archive->BodyLoaded(news, index)) {
    const auto shard = ctx.archive->FullOf(news, index);
    ArchiveNote(ctx, core::Str::LoadingText, shard ? ctx.archive->List(news).full[*shard].file : "");
    Gap(ctx, 12);
    return;
  }
  Paragraphs(ctx, ctx.Get(item.body));
}

}  // namespace

// "Copy link": the full address of this screen on the system clipboard, to share it.
void DetailView::CopyLink(const ViewContext& ctx, const core::Route& route) {
  if (ctx.kiosk) return;  // a shared kiosk has no clipboard worth filling
  if (Button(ctx, "##copy", ctx.Tr(m_linkCopied ? core::Str::LinkCopied : core::Str::CopyLink))) {
    ctx.host.CopyToClipboard(ctx.host.AddressOf(core::FormatRoute(route)));
    m_linkCopied = true;
  }
  Gap(ctx, 4);
}

void DetailView::DrawNews(const ViewContext& ctx, const core::NewsItem& item, size_t ordinal, const core::Route& route) {
  Top(ctx, core::Route::News(), core::Str::News, ctx.Get(item.title), core::FormatDate(item.date, ctx.Lang()));
  CopyLink(ctx, route);
  if (!item.image.empty()) Image(ctx, item.image);
  Text(ctx, item, true, ordinal);
  if (!item.tags.empty()) {
    std::string tags = std::string(ctx.Tr(core::Str::Tags)) + ": ";
    for (size_t i = 0; i < item.tags.size(); ++i) tags += (i ? ", " : "") + item.tags[i];
    Paragraph(ctx, tags, TextStyle::Note);
    Gap(ctx, 12);
  }
  if (!item.link.empty()) OpenButton(ctx, "##link", core::Str::OpenLink, item.link);
}

void DetailView::DrawDirective(const ViewContext& ctx, const core::Directive& item, size_t ordinal, const core::Route& route) {
  std::string meta = core::FormatDate(item.date, ctx.Lang());
  if (!item.category.empty()) meta += " · " + item.category;
  Top(ctx, core::Route::Directives(), core::Str::Directives, ctx.Get(item.title), meta);
  CopyLink(ctx, route);
  Text(ctx, item, false, ordinal);
  if (!item.document.empty()) OpenButton(ctx, "##doc", core::Str::OpenDocument, item.document);
  if (!item.link.empty()) OpenButton(ctx, "##link", core::Str::OpenLink, item.link);
}

}  // namespace ui
