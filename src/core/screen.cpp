// The screens' descriptions; see screen.h. Their lists' rows are in screen_rows.cpp.
#include "core/screen.h"

#include <cstdlib>

#include "core/date.h"
#include "core/page.h"
#include "core/links.h"
#include "core/text.h"

namespace core {

namespace {

constexpr size_t kMostHits = 500;  // the best are listed; all are counted (SearchIndex's limit)

// A description: the text's first sentences, cut at a word within `limit` characters.
std::string Summarize(std::string_view text, size_t limit = 200) {
  std::string s = CollapseWhitespace(text);
  if (CountCodePoints(s) <= limit) return s;
  size_t bytes = 0;
  for (size_t n = 0; n < limit - 1 && bytes < s.size(); ++n) DecodeUtf8(s, bytes);
  const size_t space = s.rfind(' ', bytes);
  s.resize(space != std::string::npos && space > bytes / 2 ? space : bytes);
  return s + "…";
}

// Builds one screen's description.
class Describer {
 public:
  Describer(Content& c, const std::string& lang) : m_c(c), m_lang(lang) {}

  const char* Tr(Str s) const { return core::Tr(s, m_lang); }
  std::string Get(const Text& t) const { return std::string(m_c.Get(t, m_lang)); }
  std::string Count(size_t n) const { return " (" + FormatCount(n, m_lang) + ")"; }
  std::string Site() const { return m_c.SiteTitle().Empty() ? Tr(Str::SiteTitleFallback) : Get(m_c.SiteTitle()); }

  Block& Add(Block::Kind kind, std::string text = {}) {
    Block b;
    b.kind = kind;
    b.text = std::move(text);
    m_doc.blocks.push_back(std::move(b));
    return m_doc.blocks.back();
  }
  void Heading(int level, std::string text) { Add(Block::Heading, std::move(text)).level = level; }
  void Paragraph(std::string text, TextStyle style = TextStyle::Body) { Add(Block::Paragraph, std::move(text)).style = style; }
  void Link(std::string text, Route target) { Add(Block::Link, std::move(text)).target = std::move(target); }
  void External(Str label, const std::string& url) {
    if (!url.empty()) Add(Block::External, Tr(label)).url = url;
  }
  void Waiting(Str what, const core::Progress& p, const std::string& value = "") {
    Add(Block::Progress, Fill(Tr(what), value)).progress = p;
  }
  Block& Chips(Block::Kind kind, std::vector<Chip> chips) {
    Block& b = Add(kind);
    b.chips = std::move(chips);
    return b;
  }
  Block& List(ListBlock::Kind kind) {
    Block& b = Add(Block::List);
    b.list.kind = kind;
    return b;
  }
  ScreenDoc& Doc() { return m_doc; }

  void Mission();
  void News(const Route& r);
  std::vector<Chip> Months(const Route& r, const std::vector<Handle>& items);
  void NewsDetail(const Route& r);
  void Directives(const Route& r, DirectiveSort sort);
  void DirectiveDetail(const Route& r);
  void Search(const Route& r, size_t wanted);
  void NotFound();
  void Problems();
  std::string DocumentNote(const Document& doc) const;

 private:
  bool Shown(const Found& found);
  template <class Item>
  void Detail(const Item& item, const Route& list, Str listName, std::string meta);

  Content& m_c;
  const std::string& m_lang;
  ScreenDoc m_doc;
};

void Describer::Mission() {
  const core::Mission& m = m_c.GetMission();
  m_doc.title = Get(m.title);
  Heading(1, m_doc.title);
  for (const MissionParagraph& p : m.paragraphs) {
    const std::string text = Get(p.text);
    if (m_doc.description.empty()) m_doc.description = Summarize(text);
    if (p.number.empty()) Paragraph(text);
    else Add(Block::Numbered, text).number = p.number;
    if (p.items.empty()) continue;
    Block& list = Add(Block::Lettered);
    for (const MissionItem& item : p.items) list.entries.emplace_back(item.label, Get(item.text));
  }
}

// The news: the years (with their counts) in one row, a chosen year's months in a second, the
// tags folded behind "Filters"; then the timeline. Of a published archive, what is still to
// come is said after it.
void Describer::News(const Route& r) {
  m_doc.title = Tr(Str::News) + (r.year ? " " + std::to_string(r.year) : std::string());
  m_doc.description = m_doc.title + " — " + Site();
  Heading(1, Tr(Str::News));
  if (m_c.NewsCount() == 0) {
    Add(Block::Paragraphs, Tr(Str::NoNews));
    return;
  }
  std::vector<Chip> years{{Tr(Str::AllYears) + Count(m_c.NewsCount()), Route::News(0, r.tag), r.year == 0}};
  for (const Tally& y : m_c.Years()) {
    const int year = std::atoi(y.name.c_str());
    years.push_back({y.name + Count(y.count), Route::News(year, r.tag), r.year == year});
  }
  Chips(Block::Strip, std::move(years));
  const ItemList& list = m_c.NewsList({r.year, r.tag});
  if (r.year != 0)  // (the manifest's, of a published archive; else of the year's items in so far)
    if (std::vector<Chip> months = Months(r, list.items); !months.empty()) Chips(Block::Strip, std::move(months));
  std::vector<Chip> tags;
  size_t chosen = 0;
  for (const Tally& t : m_c.Tags()) {
    const bool active = r.tag == t.name;  // a second press lifts the filter
    chosen += active;
    tags.push_back({"#" + std::string(m_c.TagWord(t.name, m_lang)) + Count(t.count), Route::News(r.year, active ? "" : t.name), active});
  }
  if (!tags.empty()) Chips(Block::Filters, std::move(tags)).text = Fill(Tr(Str::Filters), chosen ? Count(chosen) : "");
  if (!list.items.empty()) {
    Block& b = List(ListBlock::Timeline);
    b.list.items = list.items;
    b.list.version = list.version;
    b.list.extends = list.extends;
    b.list.complete = list.rest.IsReady();
  }
  if (!list.rest.IsReady()) {
    if (r.year != 0 && list.items.empty()) Waiting(Str::LoadingNewsOfYear, list.rest, std::to_string(r.year));
    else Waiting(Str::LoadingOlderNews, list.rest, OfCount(list.in, list.all, m_lang));
  } else if (list.items.empty()) {
    Add(Block::Paragraphs, Tr(Str::NoNews));
  }
}

// The months of a year's news `items` (newest first), each with its count, leading to the page
// of the year's list that holds its first item, opened at it. A published archive's manifest
// gives a year's months (Tally::months): then they are known before the year's items are in.
std::vector<Chip> Describer::Months(const Route& r, const std::vector<Handle>& items) {
  const auto month = [&](int m, size_t index) {
    Route to = Route::News(r.year, r.tag);
    to.month = m;
    to.page = index >= kListPageItems ? static_cast<int>(index / kListPageItems) + 1 : 0;
    return Chip{MonthName(m, m_lang), std::move(to), r.month == m};
  };
  std::vector<Chip> months;
  if (const Tally* year = m_c.YearTally(r.year); year && !year->months.empty() && r.tag.empty()) {
    size_t index = 0;  // the month's first item's place in the list: the newer months' before it
    for (int m = 12; m >= 1; --m) {
      const size_t n = year->months[static_cast<size_t>(m - 1)];
      if (n == 0) continue;
      months.push_back(month(m, index));
      months.back().label += Count(n);
      index += n;
    }
    return months;
  }
  // The month headings of the year's timeline, as the list draws them and opens at them.
  std::vector<size_t> counts;
  size_t index = 0;  // the next item's place in the list
  for (const TimelineEntry& e : Timeline(m_c, items)) {
    if (e.kind == TimelineEntry::Month) {
      months.push_back(month(e.month, index));
      counts.push_back(0);
    } else if (e.kind == TimelineEntry::Item) {
      if (!months.empty() && months.back().target.month == e.month) ++counts.back();  // (not a date of a year alone)
      ++index;
    }
  }
  for (size_t m = 0; m < months.size(); ++m) months[m].label += Count(counts[m]);
  return months;
}

// An item's screen, when its item is in; else the screen it has instead (loading, or not
// found), and false.
bool Describer::Shown(const Found& found) {
  if (!found.progress.IsReady()) {
    m_doc.title = Tr(Str::Loading);
    Heading(1, m_doc.title);
    Waiting(Str::LoadingItem, found.progress);
    return false;
  }
  if (found.handle) return true;
  NotFound();
  return false;
}

// The top of a detail (the way back, the title, the date line, "Copy link"), its text, and
// what it leads to.
template <class Item>
void Describer::Detail(const Item& item, const Route& list, Str listName, std::string meta) {
  m_doc.title = Get(item.title);
  const std::string summary = Get(item.summary);
  m_doc.description = Summarize(!summary.empty() ? summary : Get(item.body));
  if (m_doc.description.empty()) m_doc.description = m_doc.title;
  Link(std::string("‹ ") + Tr(listName), list);
  Heading(1, m_doc.title);
  Paragraph(std::move(meta), TextStyle::Note);
  Add(Block::CopyLink, Tr(Str::CopyLink));
}

void Describer::NewsDetail(const Route& r) {
  const Found found = m_c.FindNews(r.id);
  if (!Shown(found)) return;
  const NewsItem& n = m_c.News(*found.handle);
  Detail(n, Route::News(), Str::News, FormatDate(n.date, m_lang));
  if (!n.image.Empty()) {
    Block& image = Add(Block::Image, Get(n.image.alt));
    image.url = n.image.src;
    image.caption = Get(n.image.caption);
    image.credit = n.image.credit;
    image.width = n.image.width;
    image.height = n.image.height;
  }
  const std::string summary = Get(n.summary);
  if (!summary.empty()) Paragraph(summary, TextStyle::Lead);
  if (found.body.IsReady()) Add(Block::Paragraphs, Get(n.body));
  else Waiting(Str::LoadingText, found.body);
  if (!n.tags.empty()) {
    std::string tags = std::string(Tr(Str::Tags)) + ": ";
    for (size_t i = 0; i < n.tags.size(); ++i) tags += (i ? ", " : "") + std::string(n.tags[i].Get(m_lang, m_c.DefaultLanguage()));
    Paragraph(tags, TextStyle::Note);
  }
  External(Str::OpenLink, n.link);
}

// The archive: its categories as filters, the order, the rows. A published archive's
// directives come first, all of them (sorting by title needs every title).
void Describer::Directives(const Route& r, DirectiveSort sort) {
  m_doc.title = Tr(Str::Directives);
  m_doc.description = m_doc.title + " — " + Site();
  Heading(1, m_doc.title);
  const ItemList& list = m_c.DirectiveList({sort, m_lang, r.category});
  if (!list.rest.IsReady()) {
    Waiting(Str::LoadingDirectives, list.rest, OfCount(list.in, list.all, m_lang));
    return;
  }
  if (m_c.DirectiveCount() == 0) {
    Add(Block::Paragraphs, Tr(Str::NoDirectives));
    return;
  }
  if (!m_c.Categories().empty()) {
    std::vector<Chip> chips{{Tr(Str::AllCategories) + Count(m_c.DirectiveCount()), Route::Directives(), r.category.empty()}};
    for (const Tally& c : m_c.Categories())
      chips.push_back({std::string(m_c.CategoryWord(c.name, m_lang)) + Count(c.count), Route::Directives(c.name), r.category == c.name});
    Chips(Block::Chips, std::move(chips));
  }
  if (list.items.empty()) {
    Add(Block::Paragraphs, Tr(Str::NoDirectives));
    return;
  }
  Add(Block::Sort, Tr(Str::SortBy));
  Block& b = List(ListBlock::Directives);
  b.list.items = list.items;
  b.list.version = list.version;
}

void Describer::DirectiveDetail(const Route& r) {
  const Found found = m_c.FindDirective(r.id);
  if (!Shown(found)) return;
  const Directive& d = m_c.GetDirective(*found.handle);
  std::string meta = FormatDate(d.date, m_lang);
  if (!d.category.Empty()) meta += " · " + std::string(d.category.Get(m_lang, m_c.DefaultLanguage()));
  if (!d.number.empty()) meta += " · " + d.number;
  Detail(d, Route::Directives(), Str::Directives, std::move(meta));
  const std::string summary = Get(d.summary);
  if (!summary.empty()) Paragraph(summary, TextStyle::Lead);
  const bool full = found.body.IsReady();  // its documents and history come with its body
  if (full) Add(Block::Paragraphs, Get(d.body));
  else Waiting(Str::LoadingText, found.body);
  External(Str::OpenDocument, d.document);
  if (full && !d.documents.empty()) {
    Heading(2, Tr(Str::Documents));
    Block& docs = Add(Block::Documents);
    for (const Document& doc : d.documents) docs.links.push_back({Get(doc.title), doc.src, DocumentNote(doc)});
  }
  if (full && !d.changes.empty()) {
    Heading(2, Tr(Str::Changes));
    Block& list = Add(Block::Items);
    for (const Change& c : d.changes) list.lines.emplace_back(FormatDate(c.date, m_lang) + " — " + Get(c.note), TextStyle::Body);
  }
  External(Str::OpenLink, d.link);
}

// "PDF, 147 KB, English": what a document is before it is opened.
std::string Describer::DocumentNote(const Document& doc) const {
  const std::string type = doc.type.empty() ? FileTypeOf(doc.src) : doc.type;  // not published yet: its name says
  std::string note = type;
  if (doc.bytes > 0) note += (note.empty() ? "" : ", ") + FormatSize(doc.bytes, m_lang);
  if (!doc.lang.empty()) note += (note.empty() ? "" : ", ") + std::string(LanguageName(doc.lang));
  return note;
}

void Describer::Search(const Route& r, size_t wanted) {
  m_doc.title = r.query.empty() ? std::string(Tr(Str::Search)) : std::string(Tr(Str::Search)) + ": " + r.query;
  Heading(1, Tr(Str::Search));
  if (QueryTerms(r.query).empty() || CountCodePoints(r.query) < m_c.SearchMinLetters()) {
    Add(Block::Paragraphs, Tr(Str::SearchPrompt));
    return;
  }
  const SearchAnswer& a = m_c.Search(r.query, m_lang, wanted ? wanted : m_c.SearchBatch());
  if (a.query != r.query) {  // its index or its hits on their way
    Waiting(Str::Searching, a.progress);
    return;
  }
  std::string summary = a.hits.empty() ? std::string(Tr(Str::NoResults)) + " “" + r.query + "”."
                                       : std::string(Tr(Str::Results)) + " “" + r.query + "”: " + FormatCount(a.total, m_lang);
  if (a.total > a.hits.size()) summary += " " + Fill(Tr(Str::FirstShown), FormatCount(a.hits.size(), m_lang));
  Paragraph(summary, TextStyle::Note);
  if (!a.hits.empty()) {
    Block& b = List(ListBlock::Results);
    b.list.hits = a.hits;
    b.list.query = r.query;
  }
  // More hits: asked for (on their way), or to ask for. (A whole bundle gives its best 500 at once.)
  if (a.total > a.hits.size() && a.hits.size() < kMostHits) {
    if (!a.progress.IsReady()) Waiting(Str::Searching, a.progress);
    else Add(Block::More, Tr(Str::MoreResults));
  }
}

// What the loader found wrong with the content, and how many items it left out.
void Describer::Problems() {
  m_doc.title = Tr(Str::Diagnostics);
  Heading(1, m_doc.title);
  if (m_c.Skipped() > 0)
    Paragraph(std::string(Tr(Str::SkippedItems)) + ": " + FormatCount(static_cast<size_t>(m_c.Skipped()), m_lang), TextStyle::Error);
  if (m_c.Problems().empty()) {
    Add(Block::Paragraphs, Tr(Str::NoProblems));
    return;
  }
  Block& list = Add(Block::Items);
  for (const Diagnostic& d : m_c.Problems()) {
    const bool error = d.severity == Severity::Error;
    const std::string text = std::string(Tr(error ? Str::ErrorWord : Str::WarningWord)) + ": " +
                             (d.path.empty() ? std::string() : d.path + ": ") + d.message;
    list.lines.emplace_back(text, error ? TextStyle::Error : TextStyle::Body);
  }
}

void Describer::NotFound() {
  m_doc.title = Tr(Str::NotFoundTitle);
  Heading(1, m_doc.title);
  Add(Block::Paragraphs, Tr(Str::NotFoundText));
  Link(Tr(Str::Mission), Route::Mission());
}

}  // namespace

std::string Fill(std::string text, const std::string& value) {
  const size_t at = text.find("{}");
  if (at != std::string::npos) text.replace(at, 2, value);
  return text;
}

std::string Caption(const Block& image) {
  if (image.caption.empty() || image.credit.empty()) return image.caption + image.credit;
  return image.caption + " — " + image.credit;
}

std::string OfCount(size_t done, size_t all, const std::string& lang) {
  return FormatCount(done, lang) + (lang == "sq" ? " nga " : " of ") + FormatCount(all, lang);
}

ScreenDoc Describe(Content& content, const Route& route, const std::string& lang, const ScreenChoices& choices) {
  Describer d(content, lang);
  switch (route.screen) {
    case Screen::Mission: d.Mission(); break;
    case Screen::News: d.News(route); break;
    case Screen::NewsDetail: d.NewsDetail(route); break;
    case Screen::Directives: d.Directives(route, choices.sort); break;
    case Screen::DirectiveDetail: d.DirectiveDetail(route); break;
    case Screen::Search: d.Search(route, choices.searchWanted); break;
    case Screen::Diagnostics: d.Problems(); break;
    case Screen::NotFound: d.NotFound(); break;
  }
  return std::move(d.Doc());
}

}  // namespace core
