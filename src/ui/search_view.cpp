// The search screen; see search_view.h.
#include "ui/search_view.h"

#include <algorithm>
#include <optional>

#include "core/date.h"
#include "ui/archive_note.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// A hit's item: in the bundle, or (a published archive's hit, by ordinal) kept aside by the
// archive until its turn; the app gives hits only once their headlines are in.
const core::NewsItem& NewsOf(const ViewContext& ctx, const core::SearchHit& hit) {
  return ctx.archive ? *ctx.archive->NewsAt(ctx.bundle, hit.index) : ctx.bundle.news[hit.index];
}
const core::Directive& DirectiveOf(const ViewContext& ctx, const core::SearchHit& hit) {
  return ctx.archive ? *ctx.archive->DirectiveAt(ctx.bundle, hit.index) : ctx.bundle.directives[hit.index];
}

constexpr size_t kSnippetBytes = 220;

// What tells the visitor why this result is here: the summary when it matches, else the part
// of the body around the first match, else the summary; a summary goes on into the body, so
// that a card's three lines of snippet are filled whenever there is a body.
std::string Snippet(std::string_view summary, std::string_view body, const std::string& query) {
  const auto withBody = [&] {
    std::string out(summary);
    if (body.empty()) return out;
    const size_t end = std::min(body.size(), kSnippetBytes);
    size_t cut = end;
    while (cut < body.size() && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) ++cut;  // whole code points
    if (!out.empty()) out += " — ";
    out += body.substr(0, cut);
    if (cut < body.size()) out += "…";
    return out;
  };
  if (!summary.empty() && !core::FindMatches(summary, query).empty()) return withBody();
  const auto inBody = core::FindMatches(body, query);
  if (!inBody.empty()) {
    size_t start = inBody.front().first > 60 ? inBody.front().first - 60 : 0;
    while (start > 0 && (static_cast<unsigned char>(body[start]) & 0xC0) == 0x80) --start;  // whole code points
    size_t end = std::min(body.size(), start + kSnippetBytes);
    while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) ++end;
    std::string out = start > 0 ? "…" : "";
    out += body.substr(start, end - start);
    if (end < body.size()) out += "…";
    return out;
  }
  return withBody();
}

using Result = SearchView::Result;

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
  return hit.news ? CardHeight(ctx, NewsOf(ctx, hit)) : CardHeight(ctx, DirectiveOf(ctx, hit));
}

// Draws one result card at `pos`, `height` high; returns true when it was activated.
bool ResultCard(const ViewContext& ctx, const Result& r, const std::string& query, ImVec2 pos, float height) {
  const float pad = ctx.Px(14);
  const float width = ctx.measure;
  const float textW = width - 2 * pad;
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(core::FormatRoute(r.route).c_str());
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

template <class Item>
Result MakeResult(const ViewContext& ctx, const Item& item, core::Route route, core::Str kind, const std::string& query) {
  Result r;
  r.route = std::move(route);
  r.kind = std::string(ctx.Tr(kind)) + " · " + core::FormatDate(item.date, ctx.Lang());
  r.title = ctx.Get(item.title);
  r.snippet = Snippet(ctx.Get(item.summary), ctx.Get(item.body), query);
  return r;
}

Result MakeResult(const ViewContext& ctx, const core::SearchHit& hit, const std::string& query) {
  if (hit.news) return MakeResult(ctx, NewsOf(ctx, hit), core::Route::NewsDetail(NewsOf(ctx, hit).id), core::Str::NewsItem, query);
  return MakeResult(ctx, DirectiveOf(ctx, hit), core::Route::DirectiveDetail(DirectiveOf(ctx, hit).id), core::Str::DirectiveItem, query);
}

}  // namespace

bool SearchView::StepIndex(const core::Bundle& bundle, const std::string& lang, size_t bytes) {
  if (IndexReady(lang)) return false;
  if (!m_builder || m_builder->Language() != lang) m_builder.emplace(bundle, lang);
  if (!m_builder->Step(bytes)) return true;
  m_index = m_builder->Take();
  m_builder.reset();
  m_indexLang = lang;
  m_hitsFor.reset();
  return false;
}

// The hits of the last query asked for (the best kShownHits); made again only when the query
// (or the index) changes.
void SearchView::SetPublishedPending(const std::string&, const std::string& file) {
  m_pendingFile = file;  // the hits shown stay while a part of the next ones comes
}

void SearchView::SetPublishedHits(const std::string& query, const std::vector<core::PublishedHit>& hits, size_t total) {
  m_hits.clear();
  for (const core::PublishedHit& h : hits) m_hits.push_back({h.news, h.ordinal, h.score});
  m_total = total;
  m_hitsFor = query;
  m_results.clear();
  m_resultsFor.reset();
  m_layout.Invalidate();
}

const std::vector<core::SearchHit>& SearchView::HitsFor(const std::string& query) {
  if (m_hitsFor != query) {
    m_hits = m_index->Search(query, kShownHits, &m_total);
    m_hitsFor = query;
  }
  return m_hits;
}

const SearchView::Result& SearchView::ResultAt(const ViewContext& ctx, size_t i, const std::string& query) {
  if (!m_results[i]) m_results[i] = MakeResult(ctx, m_hits[i], query);
  return *m_results[i];
}

bool SearchView::Draw(const ViewContext& ctx, const core::Route& route) {
  const std::string& query = route.query;
  if (!ctx.archive) StepIndex(ctx.bundle, ctx.lang, SIZE_MAX);  // somebody searches before the index is finished
  Heading(ctx, 1, ctx.Tr(core::Str::Search));
  if (core::QueryTerms(query).empty() || (ctx.archive && core::CountCodePoints(query) < kPublishedMinLetters)) {
    Paragraphs(ctx, ctx.Tr(core::Str::SearchPrompt));
    return false;
  }
  if (ctx.archive && m_hitsFor != query) {  // a published archive's index chunks or hits on their way
    ArchiveNote(ctx, core::Str::Searching, m_pendingFile);
    return false;
  }
  const std::vector<core::SearchHit>& hits = ctx.archive ? m_hits : HitsFor(query);
  std::string summary = hits.empty() ? std::string(ctx.Tr(core::Str::NoResults)) + " “" + query + "”."
                                     : std::string(ctx.Tr(core::Str::Results)) + " “" + query + "”: " +
                                           core::FormatCount(m_total, ctx.Lang());
  if (m_total > hits.size()) {  // "(the first 500 are shown)"
    std::string shown = ctx.Tr(core::Str::FirstShown);
    shown.replace(shown.find("{}"), 2, core::FormatCount(hits.size(), ctx.Lang()));
    summary += " " + shown;
  }
  Paragraph(ctx, summary, TextStyle::Note);
  Gap(ctx, 8);
  // Results are made lazily and kept per query and language, laid out once per width too;
  // only the visible cards are drawn and a window of them goes to the mirror.
  const std::pair<std::string, std::string> resultsKey(query, ctx.lang);
  if (m_resultsFor != resultsKey || m_results.size() != hits.size()) {
    m_resultsFor = resultsKey;
    m_results.assign(hits.size(), std::nullopt);
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
    const Result& r = ResultAt(ctx, i, query);
    if (ResultCard(ctx, r, query, ImVec2(left, originY + m_layout.Y(i)), m_layout.H(i) - ctx.Px(6)))
      ctx.nav.GoTo(r.route, How::Push);
  }
  ctx.mirror.ListBegin();
  const auto window = m_layout.MirrorRows(visible, 30, 10, ctx.mirrorIsPage);
  for (size_t i = window.first; i < window.second; ++i) {
    const Result& r = ResultAt(ctx, i, query);
    ctx.mirror.Item(std::string(r.title), core::FormatRoute(r.route), r.kind + (r.snippet.empty() ? "" : " — " + r.snippet),
                    core::FindMatches(r.title, query)).rect = {left, originY + m_layout.Y(i), ctx.measure, m_layout.H(i)};
  }
  ImGui::SetCursorScreenPos(ImVec2(left, originY + m_layout.Total()));
  ImGui::Dummy(ImVec2(1, 0));
  ctx.mirror.ListEnd();
  PageCutNote(ctx, window.second, hits.size());
  // A published archive's next hits: each may cost a headline shard, so they come when asked.
  if (ctx.archive && m_total > hits.size() && hits.size() < kShownHits) {
    Gap(ctx, 8);
    if (PublishedWanted(query) > hits.size()) {
      ArchiveNote(ctx, core::Str::Searching, m_pendingFile);
    } else if (Button(ctx, "##more-results", ctx.Tr(core::Str::MoreResults))) {
      m_moreFor = query;
      m_wanted = std::min(hits.size() + kPublishedShown, kShownHits);
    }
  }
  return pending;
}

}  // namespace ui
