// App: the parts of a published archive (core/published_archive.h) that the screen needs,
// asked of the host and taken as they come. The first screen needs the newest headlines; the
// news list the next ones as it is scrolled toward its end; a year on the rail its own
// headline shards; a detail its item's headlines and then its full shard; the directives all
// of theirs (sorting by title needs every title); a search the index chunks of its words and
// then the headlines of its hits. A kiosk takes every headline in the background, so that it
// never waits. A part that fails is not asked for again until "Try again" (RetryContent).
#include <algorithm>

#include "core/published_search.h"
#include "core/search.h"
#include "ui/app.h"

namespace ui {

void App::RetryContent() {
  if (m_archive) m_archive->ClearFailures();
  RequestFrames(3);
}

// `file` once it is in (`took` then says something changed); nothing while it is on its way,
// or when it failed (the failure is kept: it is not asked for again until "Try again").
std::optional<Host::ContentFile> App::Arrived(const std::string& file, bool& took) {
  if (m_archive->Failure(file)) return std::nullopt;
  Host::ContentFile f = m_host.FetchContent(file);
  if (f.status == ImageStatus::Loading) return std::nullopt;
  took = true;
  if (f.status == ImageStatus::Failed) {
    m_archive->SetFailed(file, f.error);
    return std::nullopt;
  }
  return f;
}

void App::FetchShard(const core::ShardRef& ref, bool news, bool full, size_t index, bool& took) {
  core::PublishedArchive& a = *m_archive;
  std::optional<Host::ContentFile> f = Arrived(ref.file, took);
  if (!f) return;
  core::LoadResult loaded = core::LoadPublishedShard(std::move(f->bytes), f->size, ref, news, m_bundle->languages);
  if (!loaded.Ok()) {
    const core::Diagnostic* d = loaded.FirstError();
    a.SetFailed(ref.file, d ? d->message : "unreadable");
  } else if (full) {
    a.TakeFull(*m_bundle, news, index, std::move(loaded));
  } else {
    a.TakeHeadlines(*m_bundle, news, index, std::move(loaded));
  }
}

// The chunks of the query's words; then, with the hits' scores, the headlines of the hits
// shown (their dates order news and directives that score the same), then the hits.
void App::PumpSearch(const core::Route& r, bool& took) {
  const core::PublishedArchive& a = *m_archive;
  const auto& languages = a.Site().search;
  if (languages.empty() || core::QueryTerms(r.query).empty() || core::CountCodePoints(r.query) < SearchView::kPublishedMinLetters) return;
  const auto lang = std::find_if(languages.begin(), languages.end(), [&](const auto& l) { return l.language == m_state.lang; });
  const core::SearchLanguage& index = lang != languages.end() ? *lang : languages.front();
  const size_t shown = std::min(SearchView::kShownHits, m_views.search.PublishedWanted(r.query));
  if (m_searchedFor == std::make_tuple(r.query, index.language, shown)) return;  // its hits are shown
  const size_t items = a.List(true).count + a.List(false).count;
  std::vector<const core::SearchChunk*> chunks;
  std::string missing;  // the first chunk not in yet
  for (size_t i : core::ChunksForQuery(index, r.query)) {
    const core::SearchChunkRef& ref = index.chunks[i];
    if (const auto it = m_chunks.find(ref.file); it != m_chunks.end()) {
      chunks.push_back(&it->second);
      continue;
    }
    if (const auto f = Arrived(ref.file, took)) {
      auto chunk = core::LoadSearchChunk(std::string_view(f->bytes.get(), f->size), ref, items);
      if (chunk) {
        chunks.push_back(&m_chunks.emplace(ref.file, std::move(*chunk)).first->second);
        continue;
      }
      m_archive->SetFailed(ref.file, chunk.GetError());
    }
    if (missing.empty()) missing = ref.file;
  }
  if (!missing.empty()) {
    m_views.search.SetPublishedPending(r.query, missing);
    return;
  }
  const core::PublishedMatches matches = core::MatchPublished(chunks, r.query, a.List(true).count, a.List(false).count);
  // The headlines of the hits shown: fetched by their shards, kept aside until their turn.
  std::string waiting;
  for (const bool news : {true, false}) {
    const auto& hits = news ? matches.news : matches.directives;
    for (size_t k = 0; k < hits.size() && k < shown; ++k) {
      const auto shard = a.HeadlinesOf(news, hits[k].ordinal);
      if (!shard || a.HeadlinesIn(*m_bundle, news, *shard)) continue;
      const core::ShardRef& ref = a.List(news).headlines[*shard];
      if (waiting.empty()) waiting = ref.file;
      FetchShard(ref, news, false, *shard, took);
    }
  }
  const auto at = [&](const core::PublishedHit& h) -> const core::Date* {
    if (h.news) {
      const core::NewsItem* n = m_archive->NewsAt(*m_bundle, h.ordinal);
      return n ? &n->date : nullptr;
    }
    const core::Directive* d = m_archive->DirectiveAt(*m_bundle, h.ordinal);
    return d ? &d->date : nullptr;
  };
  for (const bool news : {true, false}) {
    const auto& hits = news ? matches.news : matches.directives;
    for (size_t k = 0; k < hits.size() && k < shown; ++k)
      if (!at(hits[k])) {
        m_views.search.SetPublishedPending(r.query, waiting);
        return;
      }
  }
  const auto ranked = core::RankPublished(matches, shown, [&](const core::PublishedHit& h) { return *at(h); });
  m_views.search.SetPublishedHits(r.query, ranked, matches.Total());
  m_searchedFor = {r.query, index.language, shown};
}

// The ordinal of the item `id` names: in the bundle's headlines, or by the id index.
std::optional<size_t> App::DetailOrdinal(bool news, const std::string& id) const {
  const core::Bundle& b = *m_bundle;
  if (news) {
    if (const core::NewsItem* n = b.FindNews(id)) return static_cast<size_t>(n - b.news.data());
  } else if (const core::Directive* d = b.FindDirective(id)) {
    return static_cast<size_t>(d - b.directives.data());
  }
  return m_archive ? m_archive->OrdinalOf(news, id) : std::nullopt;
}

// A new manifest while content is shown: its newest headline shard is fetched first, and only
// once it is in does the new content replace the old; one that cannot be had (a manifest
// uploaded before its shards, a damaged shard) leaves the content shown as it is.
void App::PumpIncoming() {
  if (!m_incoming) return;
  const core::PublishedSite& site = *m_incoming->manifest.site;
  core::LoadResult first;
  if (!site.news.headlines.empty()) {
    const core::ShardRef& ref = site.news.headlines.front();
    Host::ContentFile f = m_host.FetchContent(ref.file);
    if (f.status == ImageStatus::Loading) return;
    const std::vector<std::string>& languages = m_incoming->manifest.load.bundle->languages;
    if (f.status == ImageStatus::Ready) first = core::LoadPublishedShard(std::move(f.bytes), f.size, ref, true, languages);
    if (!first.Ok()) {
      m_incoming.reset();  // the content shown stays
      m_host.IncomingSettled(false);
      return;
    }
  }
  Incoming in = std::move(*m_incoming);
  m_incoming.reset();
  Show(std::move(in.manifest.load), std::move(in.source), true);
  m_archive.emplace(std::move(*in.manifest.site));
  if (first.Ok()) m_archive->TakeHeadlines(*m_bundle, true, 0, std::move(first));
  m_host.IncomingSettled(true);
}

bool App::PumpArchive() {
  PumpIncoming();
  if (!m_archive || !m_bundle) return false;
  core::PublishedArchive& a = *m_archive;
  core::Bundle& b = *m_bundle;
  const core::Route& r = m_state.route;
  const size_t newsBefore = b.news.size(), directivesBefore = b.directives.size();
  bool took = false;
  bool wantNews = b.news.empty() && a.List(true).count > 0;  // the first screen
  // A year chosen on the rail whose news are not all in yet: its own headline shards, wherever
  // they are in the archive (they wait aside until the newer ones come, if ever).
  const bool ofYear = m_phase == Phase::Ready && r.screen == core::Screen::News && r.year != 0;
  if (ofYear)
    for (size_t s : a.HeadlinesOfYear(true, r.year))
      if (!a.HeadlinesIn(b, true, s)) FetchShard(a.List(true).headlines[s], true, false, s, took);
  bool wantDirectives = false;
  const auto body = [&](bool news, size_t ordinal) {
    if (a.BodyLoaded(news, ordinal)) return;
    if (const auto shard = a.FullOf(news, ordinal)) FetchShard(a.List(news).full[*shard], news, true, *shard, took);
  };
  // A detail: its item's headlines (found through the id index), then its body.
  const auto detail = [&](bool news) {
    if (const auto ordinal = DetailOrdinal(news, r.id)) {
      if (const auto shard = a.HeadlinesOf(news, *ordinal); shard && !a.HeadlinesIn(b, news, *shard))
        FetchShard(a.List(news).headlines[*shard], news, false, *shard, took);
      else body(news, *ordinal);
      return;
    }
    const core::FileRef* bucket = a.Site().IdBucketOf(r.id);
    if (!bucket || a.IdsIn(bucket->file)) return;  // its bucket is in and does not name it: "not found"
    if (const auto f = Arrived(bucket->file, took)) {
      auto ids = core::LoadIdBucket(std::string_view(f->bytes.get(), f->size), *bucket, a.List(true).count, a.List(false).count);
      if (ids) a.TakeIds(bucket->file, std::move(*ids));
      else a.SetFailed(bucket->file, ids.GetError());
    }
  };
  if (m_phase == Phase::Ready) {
    switch (r.screen) {
      case core::Screen::News:
        // Toward the end of what is in (a year's list is whole with its own shards).
        wantNews = wantNews || m_views.news.WantsMore();
        break;
      case core::Screen::NewsDetail: detail(true); break;
      case core::Screen::Directives: wantDirectives = true; break;
      case core::Screen::DirectiveDetail: detail(false); break;
      case core::Screen::Search: PumpSearch(r, took); break;
      default: break;
    }
    if (m_kiosk) wantNews = wantDirectives = true;  // a kiosk never waits for a part
  }
  // The next headline shard; while the list is scrolled toward its end, the two after it too
  // (they wait aside if they come first), so that the end seldom waits in view.
  const size_t ahead = r.screen == core::Screen::News && m_views.news.WantsMore() ? 3 : 1;
  for (const bool news : {true, false}) {
    const auto next = (news ? wantNews : wantDirectives) ? a.NextHeadlines(b, news) : std::nullopt;
    for (size_t s = next ? *next : 0; next && s < *next + ahead && s < a.List(news).headlines.size(); ++s)
      if (!a.HeadlinesIn(b, news, s)) FetchShard(a.List(news).headlines[s], news, false, s, took);
  }
  if (!took) return false;
  ++m_contentGeneration;  // the glyphs the new text needs
  if (b.news.size() != newsBefore) m_views.news.Grew(b);
  if (b.directives.size() != directivesBefore) m_views.directives.Reset();
  const bool grew = b.news.size() != newsBefore || b.directives.size() != directivesBefore;
  if (grew && a.Complete(b, true) && a.Complete(b, false)) m_host.ArchiveComplete();
  if (m_phase == Phase::Loading && (!b.news.empty() || a.AnyFailed())) {
    m_phase = Phase::Ready;
    m_state.resetScroll = true;
  }
  RequestFrames(1);
  return true;
}

}  // namespace ui
