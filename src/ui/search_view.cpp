// The search screen; see search_view.h.
#include "ui/search_view.h"

#include <algorithm>
#include <optional>

#include "core/date.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// Snippets are cut after this many lines, so a card's height is known without making its
// snippet: a keystroke lays out hundreds of results by their titles alone.
constexpr int kSnippetLines = 3;

template <class Item>
float CardHeight(const ViewContext& ctx, const Item& item) {
  const float pad = ctx.Px(14), textW = ctx.measure - 2 * pad;
  const float maxSnippet = kSnippetLines * ctx.fonts.body->FontSize;
  // As Snippet(): with a body there is text for all three lines; without, the summary's own.
  const float snippetH = !ctx.Get(item.body).empty()
                             ? maxSnippet
                             : std::min(maxSnippet, WrappedHeight(ctx.fonts.body, ctx.Get(item.summary), textW));
  return pad + ctx.fonts.small->FontSize + ctx.Px(4) + WrappedHeight(ctx.fonts.bold, ctx.Get(item.title), textW) +
         (snippetH > 0 ? ctx.Px(6) + snippetH : 0) + pad;
}

float CardHeight(const ViewContext& ctx, const core::SearchHit& hit) {
  const auto h = static_cast<core::Handle>(hit.index);
  return hit.news ? CardHeight(ctx, ctx.content.News(h)) : CardHeight(ctx, ctx.content.GetDirective(h));
}

// Draws one result card at `pos`, `height` high; returns true when it was activated.
bool ResultCard(const ViewContext& ctx, const core::ResultRow& r, const std::string& query, ImVec2 pos, float height) {
  const float pad = ctx.Px(14);
  const float width = ctx.measure;
  const float textW = width - 2 * pad;
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(core::FormatRoute(r.target).c_str());
  const bool pressed = ImGui::InvisibleButton("##result", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), hovered ? ctx.palette.surfaceHover : ctx.palette.surface,
                    ctx.Px(8));
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), ctx.palette.axis, ctx.Px(8), 0, ctx.Px(1));
  float y = pos.y + pad;
  dl->AddText(ctx.fonts.small, ctx.fonts.small->FontSize, ImVec2(pos.x + pad, y), ctx.palette.muted, r.kind.c_str(), nullptr,
              textW);
  y += ctx.fonts.small->FontSize + ctx.Px(4);
  y += DrawMarkedText(dl, ctx.fonts.bold, ImVec2(pos.x + pad, y), textW, r.title, core::FindMatches(r.title, query),
                      ctx.palette.link, ctx.palette.mark);
  y += ctx.Px(6);
  DrawMarkedText(dl, ctx.fonts.body, ImVec2(pos.x + pad, y), textW, r.snippet, core::FindMatches(r.snippet, query),
                 ctx.palette.text, ctx.palette.mark, kSnippetLines);
  return pressed;
}

}  // namespace

const core::ResultRow& SearchView::RowAt(const ViewContext& ctx, const core::ListBlock& list, size_t i) {
  if (!m_rows[i]) m_rows[i] = core::SearchRow(ctx.content, list.hits[i], list.query, ctx.lang);
  return *m_rows[i];
}

bool SearchView::Draw(const ViewContext& ctx, const core::ListBlock& list) {
  const std::string& query = list.query;
  const auto& hits = list.hits;
  // Results are made lazily and kept per query, language and hits, laid out once per width too;
  // only the visible cards are drawn and a window of them goes to the mirror.
  const std::pair<std::string, std::string> resultsKey(query, ctx.lang);
  const bool sameHits = m_hitsFor.size() == hits.size() &&
                        std::equal(hits.begin(), hits.end(), m_hitsFor.begin(), [](const auto& a, const auto& b) {
                          return a.news == b.news && a.index == b.index;
                        });
  if (m_resultsFor != resultsKey || !sameHits) {
    m_resultsFor = resultsKey;
    m_hitsFor = hits;
    m_rows.assign(hits.size(), std::nullopt);
    m_layout.Invalidate();
  }
  const LayoutKey key{LayoutBasis{ctx.measure, ctx.scale, ctx.lang, ctx.fonts.generation, false}, query};
  const float left = ImGui::GetCursorScreenPos().x, originY = ImGui::GetCursorScreenPos().y;
  const float clipTop = ImGui::GetWindowPos().y, clipBottom = clipTop + ImGui::GetWindowHeight();
  // Measured as the timeline is (news_view.cpp), in smaller slices: a typed letter lays out the
  // cards on screen and the mirror's window, not all of the (up to 500) listed results.
  constexpr size_t kSlice = 100;
  const bool pending = m_layout.Measure(key, hits.size(), [&](size_t i) { return CardHeight(ctx, hits[i]) + ctx.Px(6); },
                                        clipBottom - originY, kMirrorRows + kSlice);
  const auto visible = m_layout.Visible(clipTop - originY, clipBottom - originY);
  for (size_t i = visible.first; i < visible.second; ++i) {
    const core::ResultRow& r = RowAt(ctx, list, i);
    if (ResultCard(ctx, r, query, ImVec2(left, originY + m_layout.Y(i)), m_layout.H(i) - ctx.Px(6)))
      ctx.nav.GoTo(r.target, How::Push);
  }
  ctx.mirror.ListBegin();
  const auto window = m_layout.MirrorRows(visible, 30, 10, ctx.mirrorIsPage);
  for (size_t i = window.first; i < window.second; ++i) {
    const core::ResultRow& r = RowAt(ctx, list, i);
    ctx.mirror.Item(std::string(r.title), core::FormatRoute(r.target), r.kind + (r.snippet.empty() ? "" : " — " + r.snippet),
                    core::FindMatches(r.title, query)).rect = {left, originY + m_layout.Y(i), ctx.measure, m_layout.H(i)};
  }
  ImGui::SetCursorScreenPos(ImVec2(left, originY + m_layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
  ctx.mirror.ListEnd();
  PageCutNote(ctx, window.second, hits.size());
  return pending;
}

}  // namespace ui
