// The content model: one API over a whole bundle and a published site that arrives a part at a
// time (core/published.h), as Tracy's Worker is one API over a live capture and a saved file. A
// whole bundle is an archive with every part present. Screens ask it (a filter's news list, an
// item, the directives, a search) and each answer says whether it is Ready, or Pending on a file
// (named) or Failed (the file and why); what is shown so far stays meanwhile. The content lists
// the files its answers wait for (TakeRequests); the platform fetches each through its one path
// and hands the bytes over once (Deliver or Fail).
//
// Items are named by a Handle: a news item's or directive's place in the content (for a
// published site, its ordinal: newest first). Handles stay valid while the content lives;
// pointers to items do not (parts arriving move them).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"
#include "core/published.h"
#include "core/published_archive.h"
#include "core/route.h"
#include "core/search.h"
#include "core/timeline.h"

namespace core {

using Handle = uint32_t;

// Where an answer stands.
struct Progress {
  enum State { Ready, Pending, Failed } state = Ready;
  std::string file;  // Pending: the file it waits for; Failed: the one that could not be had
  std::string why;   // Failed: "HTTP 404", "the bytes do not match their hash", ...

  bool IsReady() const { return state == Ready; }
  bool operator==(const Progress& o) const { return state == o.state && file == o.file && why == o.why; }
  bool operator!=(const Progress& o) const { return !(*this == o); }
};

// A list screen's items, in the order shown.
struct ItemList {
  std::vector<Handle> items;
  size_t in = 0, all = 0;  // of what the list is drawn from: items in so far, and all of them (progress)
  Progress rest;           // Ready when the list is whole; else what the rest waits for
  uint64_t version = 0;    // changes whenever `items` does
  bool extends = false;    // `items` begins with the previous version's items (older ones came)
};

struct NewsFilter {
  int year = 0;     // 0: every year
  std::string tag;  // "": every tag
  bool operator==(const NewsFilter& o) const { return year == o.year && tag == o.tag; }
};

struct DirectiveQuery {
  DirectiveSort sort = DirectiveSort::DateNewest;
  std::string lang;      // titles are sorted in it
  std::string category;  // "": every category
  bool operator==(const DirectiveQuery& o) const { return sort == o.sort && lang == o.lang && category == o.category; }
};

// An item looked up by its id.
struct Found {
  Progress progress;              // Pending / Failed while it is looked for (the id index, its headlines)
  std::optional<Handle> handle;   // once Ready: the item, or nothing (no such id)
  Progress body;                  // its body: Ready, or the full shard it waits for
};

struct SearchAnswer {
  std::vector<SearchHit> hits;  // best first; SearchHit::index is a Handle
  size_t total = 0;             // every item that matches
  Progress progress;            // Pending while the index or the hits' headlines come (hits then are the last shown)
  std::string query;            // what `hits` answer ("" before the first answer)
};

class Content {
 public:
  // A whole bundle: every part present.
  explicit Content(Bundle whole);
  // A published site: the manifest's bundle (languages, site, mission) and its parts; the
  // newest headlines are asked for at once (the first screen needs them).
  Content(Bundle manifest, PublishedSite site);
  ~Content();
  Content(Content&&) noexcept;
  Content& operator=(Content&&) noexcept;

  const std::vector<std::string>& Languages() const { return m_bundle->languages; }
  const std::string& DefaultLanguage() const { return m_bundle->DefaultLanguage(); }
  const Text& SiteTitle() const { return m_bundle->siteTitle; }
  const Mission& GetMission() const { return m_bundle->mission; }
  // The text in `lang`, else in the content's first language.
  std::string_view Get(const Text& t, std::string_view lang) const { return t.Get(lang, DefaultLanguage()); }
  // The items in so far (all of a whole bundle): for what goes through every item that is here
  // (the kiosk's playlist, its images).
  const Bundle& Loaded() const { return *m_bundle; }
  // A published site's parts and which are in (null for a whole bundle): for tests and reports;
  // screens ask the questions above instead.
  const PublishedArchive* Published() const { return m_archive ? &*m_archive : nullptr; }

  // What the loader found wrong with the content (warnings; errors of items it left out), and
  // how many items it left out.
  void SetProblems(std::vector<Diagnostic> problems, int skipped) {
    m_problems = std::move(problems);
    m_skipped = skipped;
  }
  const std::vector<Diagnostic>& Problems() const { return m_problems; }
  int Skipped() const { return m_skipped; }

  size_t NewsCount() const;        // all of them, in or not
  size_t DirectiveCount() const;
  // The filters' counts, made when first asked for (or in an idle frame: Step), not while the
  // content loads: a whole archive's are a pass over every item.
  const std::vector<Tally>& Years() { return Tallies().years; }       // news per year ("2024"), newest first
  const std::vector<Tally>& Tags() { return Tallies().tags; }         // most used first
  const std::vector<Tally>& Categories() { return Tallies().categories; }
  using Words = std::map<std::string, std::map<std::string, std::string>>;  // key -> language -> word
  // The word of a tag's or a category's key (core::Label) in `lang`: its own, else the key.
  std::string_view TagWord(const std::string& key, const std::string& lang) { return Word(Tallies().tagWords, key, lang); }
  std::string_view CategoryWord(const std::string& key, const std::string& lang) {
    return Word(Tallies().categoryWords, key, lang);
  }

  // The item of a handle from a list, a hit or a look-up (it is in).
  const NewsItem& News(Handle h) const;
  const Directive& GetDirective(Handle h) const;

  // A year's tally (Years()), or null.
  const Tally* YearTally(int year);
  // The news of a filter, newest first; a published site's older parts come as the list is
  // read toward its end (WantMoreNews); a year's whole as soon as it is asked for when the
  // manifest does not give its months' counts, or a tag is chosen too.
  const ItemList& NewsList(const NewsFilter& filter);
  // The list of `year` (0: all) was shown near its end: its next parts are wanted, `ahead` of
  // them on their way at most.
  void WantMoreNews(int year = 0, size_t ahead = 3);
  // `choices` are shown whole (a row of chips in view): each year among them has its newest
  // headlines asked for, so that it opens at once when chosen. Only once the first screen is
  // shown and the shard tables are in; a year's other shards wait until it is chosen.
  void ChoicesInView(const std::vector<Route>& choices);
  // The directives of a category in an order; all of them must be in (sorting by title needs
  // every title): until then the list is empty and Pending.
  const ItemList& DirectiveList(const DirectiveQuery& query);
  Found FindNews(const std::string& id);
  Found FindDirective(const std::string& id);

  // The best `wanted` hits of `query` in `lang` (at most SearchIndex's 500).
  const SearchAnswer& Search(const std::string& query, const std::string& lang, size_t wanted);
  // How many more hits a visitor's "more" asks for; the letters a query needs before it is run
  // (a published site's hits cost a part each: one letter matches most of an archive).
  size_t SearchBatch() const;
  size_t SearchMinLetters() const;

  // The files answers wait for that have not been asked for yet (each once, until it fails and
  // Retry): the platform fetches them and calls Deliver or Fail.
  std::vector<std::string> TakeRequests();
  bool Wants(const std::string& file) const { return m_asked.count(file) != 0; }
  // A file asked for: read, checked against the manifest and taken. False when it changed
  // nothing (not asked for, or unreadable: then it failed, and says why).
  bool Deliver(const std::string& file, std::unique_ptr<char[]> bytes, size_t size);
  void Fail(const std::string& file, std::string why);
  // "Try again": the files that failed are asked for again when an answer needs them.
  void Retry();
  const std::string* Failure(const std::string& file) const;
  bool AnyFailed() const { return !m_failed.empty(); }

  // The first screen can be shown: the newest headlines are in (or could not be had).
  bool FirstPartIn() const;
  // The first screen has been drawn: what is wanted after it (a version 2 manifest's shard
  // tables) may be asked for now without sharing the link with that screen's parts.
  void FirstScreenShown() { m_shown = true; }
  // Every item is in (a published site fetched whole, as a kiosk does).
  bool Complete() const;
  // A kiosk never waits for a part: every headline is fetched in the background.
  void WantEverything() { m_everything = true; }
  // What a kiosk keeps for starts without network: every image of the items, and a published
  // site's every file in the order a visitor needs them (headlines, the id index, full shards,
  // the search index); nothing until a published site's items are all in (their images are
  // known then).
  std::vector<std::string> OfflineFiles() const;

  // Work for idle frames, about `bytes` of text at a time: the news order, then the search
  // index of `lang`. True while some is left.
  bool Step(const std::string& lang, size_t bytes);
  bool SearchReady(const std::string& lang) const;
  bool NewsOrdered() const { return m_newestMade || m_archive; }  // Step's first part is done
  bool Indexing() const { return m_builder.has_value(); }

  // Changes whenever text arrives (glyphs to add, answers to make again).
  uint64_t Generation() const { return m_generation; }
  const std::vector<char32_t>& CodePoints() const { return m_bundle->codePoints; }

 private:
  struct FileRole;
  // Headline shards asked for at once where they come in an order (a year's): the first ones
  // come, and are read, sooner than with all at once.
  static constexpr size_t kShardsAhead = 4;
  // A search's hits' headline shards, each asked for one hit or two: as many at once as a browser
  // opens connections to one host over HTTP/1.1, so that none waits in its queue, where the best
  // hits' could no longer come first. (The best 12 shown whole wait for all of theirs.)
  static constexpr size_t kHitShardsAhead = 6;

  void ListRoles();
  bool Listed() const;
  Progress AskTables();
  void Ask(const std::string& file);
  Progress Waiting(const std::string& file) const;
  const std::vector<size_t>& NewestFirst();
  void AskHeadlines(bool news, size_t shard);
  void AskNextHeadlines(bool news, size_t ahead);
  std::optional<size_t> OrdinalOf(bool news, const std::string& id);
  Found Find(bool news, const std::string& id);
  struct TallySet {
    std::vector<Tally> years, tags, categories;
    Words tagWords, categoryWords;  // of the labels that have words of their own
  };
  const TallySet& Tallies();
  std::string_view Word(const Words& words, const std::string& key, const std::string& lang) const;
  bool Take(const FileRole& role, const std::string& file, std::unique_ptr<char[]> bytes, size_t size);
  // content_search.cpp: a whole bundle's index, a published site's chunks.
  void SearchWhole(SearchAnswer& answer, const std::string& lang, size_t wanted);
  void SearchChunks(SearchAnswer& answer, const std::string& lang, size_t wanted);
  std::string TakeChunk(size_t lang, size_t chunk, std::string_view text);

  // Behind a pointer: the search index's builder reads it while the content may be moved.
  std::unique_ptr<Bundle> m_bundle;
  std::optional<PublishedArchive> m_archive;  // a published site's parts and their state
  std::map<std::string, std::vector<FileRole>> m_roles;  // a published site's files: what each holds
  std::optional<TallySet> m_tallies;
  std::vector<Diagnostic> m_problems;
  int m_skipped = 0;
  std::vector<size_t> m_newest;          // a whole bundle's news, newest first (made once)
  bool m_newestMade = false;
  std::map<std::string, Handle> m_newsIds, m_directiveIds;  // a whole bundle's ids (made once)
  std::set<std::string> m_asked;         // asked for, not in yet
  std::vector<std::string> m_requests;   // asked for, not yet taken by the platform
  std::map<std::string, std::string> m_failed;  // file -> why
  bool m_everything = false;
  bool m_shown = false;  // FirstScreenShown
  size_t m_wantedAhead[2] = {0, 0};  // [news?1:0]: headline shards wanted before the tables were in
  uint64_t m_generation = 1;
  uint64_t m_listVersions = 0;
  // The last answers, made again only when what they depend on changes.
  struct NewsCache {
    std::optional<NewsFilter> filter;
    uint64_t generation = 0;
    ItemList list;
  } m_news;
  struct DirectiveCache {
    std::optional<DirectiveQuery> query;
    uint64_t generation = 0;
    ItemList list;
  } m_directives;
  // Search: a whole bundle's index, built in idle frames (or at once when somebody searches
  // first); a published site's index chunks that are in; the last answer and what it answers.
  std::optional<SearchIndex> m_index;
  std::string m_indexLang;
  std::optional<SearchIndexBuilder> m_builder;
  std::map<std::string, SearchChunk> m_chunks;
  struct SearchCache {
    std::string query, lang;
    size_t wanted = 0;
    uint64_t generation = 0;
    SearchAnswer answer;
  } m_searched;
};

}  // namespace core
