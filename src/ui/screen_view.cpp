// A screen's description drawn; see screen_view.h.
#include "ui/screen_view.h"

#include <algorithm>

#include "core/links.h"
#include "ui/kiosk_view.h"
#include "ui/widgets.h"

namespace ui {

void ScreenView::Reset() {
  m_timeline.Reset();
  m_directives.Reset();
  m_results.Reset();
}

core::ScreenChoices ScreenView::Choices(const core::Route& route) const {
  core::ScreenChoices c;
  c.sort = m_directives.Sort();
  if (route.screen == core::Screen::Search) c.searchWanted = m_results.Wanted(route.query);
  return c;
}

bool ScreenView::Draw(const ViewContext& ctx, const core::ScreenDoc& doc, const core::Route& route) {
  bool more = false;
  bool timeline = false;
  size_t strips = 0;
  m_bars.BeginFrame(ctx.focusNode);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const core::Block& b = doc.blocks[i];
    timeline = timeline || (b.kind == core::Block::List && b.list.kind == core::ListBlock::Timeline);
    ImGui::PushID(static_cast<int>(i));
    Block(ctx, b, route, more, strips);
    ImGui::PopID();
  }
  // The news of a published archive whose first items do not match the filter: the note that
  // says older ones are coming is on screen, so they are wanted.
  if (route.screen == core::Screen::News && !timeline) ctx.content.WantMoreNews(route.year);
  return more;
}

// An image of the bundle's folder at the measure's width (its own, when narrower), its caption
// and credit under it; in the mirror, a figure with its alt text.
void ScreenView::Image(const ViewContext& ctx, const core::Block& b) {
  const float width = ctx.measure;
  const ImageView img = ctx.host.Image(b.url);
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
      dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(pos.x + ctx.Px(12), pos.y + ctx.Px(12)), ctx.palette.muted,
                  ctx.Tr(core::Str::ImageUnavailable));
  }
  const std::string caption = core::Caption(b);
  if (!caption.empty()) {
    Gap(ctx, 6);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    TextBlock(ctx.fonts.small, ctx.palette.muted, caption);
    ImGui::PopTextWrapPos();
  }
  const ImVec2 end = ImGui::GetItemRectMax();
  ctx.mirror.Figure(b.text, ctx.host.BundleFileUrl(b.url), caption);
  ctx.mirror.Last().rect = {pos.x, pos.y, std::max(w, end.x - pos.x), end.y - pos.y};
  Gap(ctx, 12);
}

// A directive's documents: each its title (a link out of the app; a code to scan in the kiosk)
// and what it is ("PDF, 147 KB, English").
void ScreenView::Documents(const ViewContext& ctx, const core::Block& b) {
  if (!ctx.kiosk) ctx.mirror.ListBegin();
  for (size_t i = 0; i < b.links.size(); ++i) {
    const core::Block::DocumentLink& d = b.links[i];
    const std::string url = core::IsSafeExternalUrl(d.url) ? d.url : ctx.host.BundleFileUrl(d.url);
    if (ctx.kiosk) {
      Paragraph(ctx, d.title, TextStyle::Lead);
      if (!d.note.empty()) Paragraph(ctx, d.note, TextStyle::Note);
      ScanCode(ctx, url);
      continue;
    }
    ImGui::PushID(static_cast<int>(i));
    ExternalItem(ctx, "##document", d.title, url, d.note);
    ImGui::PopID();
    Gap(ctx, 10);
  }
  if (!ctx.kiosk) ctx.mirror.ListEnd();
  Gap(ctx, 6);
}

// "Open the document" / "Open the link": external addresses open in a new tab; relative
// documents are files of the bundle's folder. In the kiosk nothing leads out of the app: the
// visitor takes the address along as a code to scan.
void ScreenView::OpenButton(const ViewContext& ctx, const core::Block& b) {
  const std::string url = core::IsSafeExternalUrl(b.url) ? b.url : ctx.host.BundleFileUrl(b.url);
  if (ctx.kiosk) {
    ScanCode(ctx, url);
    return;
  }
  ExternalLink(ctx, "##open", b.text, url);
  Gap(ctx, 8);
}

void ScreenView::Block(const ViewContext& ctx, const core::Block& b, const core::Route& route, bool& more, size_t& strips) {
  using K = core::Block;
  switch (b.kind) {
    case K::Heading: Heading(ctx, b.level, b.text); break;
    case K::Paragraph:
      Paragraph(ctx, b.text, b.style);
      Gap(ctx, b.style == TextStyle::Body ? 14 : b.style == TextStyle::Error || b.style == TextStyle::ErrorNote ? 8 : 12);
      break;
    case K::Paragraphs: Paragraphs(ctx, b.text); break;
    case K::Numbered:
      NumberedParagraph(ctx, b.number, b.text);
      Gap(ctx, 14);
      break;
    case K::Lettered:
      LetteredList(ctx, b.entries);
      Gap(ctx, 14);
      break;
    case K::Items:
      ctx.mirror.ListBegin();
      for (const auto& [text, style] : b.lines) {
        ListItem(ctx, text, style);
        Gap(ctx, 6);
      }
      ctx.mirror.ListEnd();
      break;
    case K::Link:
      Link(ctx, "##link", b.text, b.target);
      Gap(ctx, 8);
      break;
    case K::External: OpenButton(ctx, b); break;
    case K::Image: Image(ctx, b); break;
    case K::Documents: Documents(ctx, b); break;
    case K::Chips:
      ChipRow(ctx, b.chips);
      Gap(ctx, 10);
      break;
    case K::Strip:
      m_bars.Strip(ctx, strips++, b.chips);
      Gap(ctx, 4);
      break;
    case K::Filters:
      m_bars.Filters(ctx, b.text, b.chips);
      Gap(ctx, 10);
      break;
    case K::Sort: m_directives.SortControls(ctx, b.text); break;
    case K::CopyLink:
      // The full address of this screen on the system clipboard, to share it; a shared kiosk
      // has no clipboard worth filling.
      if (ctx.kiosk) break;
      if (ctx.host.CanShare()) {  // a phone's share sheet
        if (Button(ctx, "##share", ctx.Tr(core::Str::Share)))
          ctx.host.Share(ctx.host.AddressOf(core::FormatRoute(route)), ctx.mirror.Current().title);
        Gap(ctx, 4);
        break;
      }
      if (Button(ctx, "##copy", ctx.Tr(m_linkCopied ? core::Str::LinkCopied : core::Str::CopyLink))) {
        ctx.host.CopyToClipboard(ctx.host.AddressOf(core::FormatRoute(route)));
        m_linkCopied = true;
      }
      Gap(ctx, 4);
      break;
    case K::More:
      // A published archive's next hits: each may cost a headline shard, so they come when asked.
      Gap(ctx, 8);
      if (Button(ctx, "##more-results", b.text)) m_results.AskMore(route.query, m_results.Layout().Count(), ctx.content.SearchBatch());
      break;
    case K::Progress:
      Gap(ctx, 8);
      ProgressNote(ctx, b.text, b.progress);
      Gap(ctx, 12);
      break;
    case K::List:
      switch (b.list.kind) {
        case core::ListBlock::Timeline: more = m_timeline.Draw(ctx, b.list, route) || more; break;
        case core::ListBlock::Directives: more = m_directives.Draw(ctx, b.list, route) || more; break;
        case core::ListBlock::Results: more = m_results.Draw(ctx, b.list) || more; break;
      }
      break;
  }
}

}  // namespace ui
