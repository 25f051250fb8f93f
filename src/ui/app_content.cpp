// App: the content shown (core::Content), new content, the files it asks for and those that
// arrive. A published site's parts are asked for as its screens need them (core::Describe asks
// the content, the content lists the files): the first screen the newest headlines, the news
// list the next ones as it is read toward its end, a year its own, a detail its item's, the
// directives all of theirs, a search the index chunks of its words and the headlines of its
// hits; a kiosk every headline, in the background. A part that fails is not asked for again
// until "Try again" (RetryContent).
#include <algorithm>

#include "ui/app.h"

namespace ui {

// `content` is what was loaded (nullopt: nothing could be; `result` says why).
void App::Show(std::optional<core::Content> content, core::LoadResult& result, std::string source) {
  if (!content && m_content) return;  // a failed reload keeps the content (and its problems) we had
  ++m_contentGeneration;
  RequestFrames(3);
  if (!content) {
    const core::Diagnostic* first = result.FirstError();
    std::string location = source;
    if (first && first->line > 0)
      location += ", line " + std::to_string(first->line) + ", column " + std::to_string(first->column);
    if (first && !first->path.empty()) location += " — " + first->path;
    m_errorMessage = first ? first->message : "unknown problem";
    m_errorLocation = location;
    m_phase = Phase::Error;
    return;
  }
  const bool replacing = m_content.has_value();
  m_content = std::move(content);
  m_incoming.reset();
  m_completeTold = false;
  m_docFor.reset();
  m_phase = m_content->FirstPartIn() ? Phase::Ready : Phase::Loading;
  m_screen.Reset();
  ChooseContentLanguage();
  if (m_kiosk) m_content->WantEverything();  // a kiosk never waits for a part
  if (!replacing) m_state.resetScroll = true;
  // New content while somebody reads (the kiosk's check): stay where they are when it still
  // exists, else go to its list; keep the scroll position on list screens. (An item a published
  // site's id index is still to say is kept meanwhile.)
  const core::Route& r = m_state.route;
  const bool detail = r.screen == core::Screen::NewsDetail || r.screen == core::Screen::DirectiveDetail;
  if (replacing && detail) {
    const core::Found found = r.screen == core::Screen::NewsDetail ? m_content->FindNews(r.id) : m_content->FindDirective(r.id);
    if (found.progress.IsReady() && !found.handle) GoTo(core::ParentRoute(r), How::Replace);
  }
  SendRequests();
}

void App::ShowPublished(core::ManifestResult manifest, std::string source) {
  if (!manifest.published || !manifest.Ok()) {
    if (manifest.published) manifest.load.bundle.reset();  // a bundle whose "published" section is unsound is no content
    ShowLoadResult(std::move(manifest.load), std::move(source));
    return;
  }
  core::Content content(std::move(*manifest.load.bundle), std::move(*manifest.site));
  content.SetProblems(std::move(manifest.load.diagnostics), manifest.load.skippedItems);
  if (m_content && m_phase == Phase::Ready) {
    // New content while some is shown (a kiosk's check): taken once its newest headlines are in
    // (TakeIncoming), so that a manifest published before its shards changes nothing.
    m_incoming = std::move(content);
    RequestFrames(1);
    ContentChanged();
    return;
  }
  Show(std::move(content), manifest.load, std::move(source));
}

App::UpdateAnswer App::OfferUpdate(core::ManifestResult result, std::string source) {
  if (!(result.published ? result.Ok() : result.load.Ok())) {
    const core::Diagnostic* e = result.load.FirstError();
    return {UpdateAnswer::Refused, e ? core::FormatDiagnostic(*e) : std::string("unknown problem")};
  }
  ShowPublished(std::move(result), std::move(source));
  return {HasIncoming() ? UpdateAnswer::Pending : UpdateAnswer::Taken, ""};
}

void App::RetryContent() {
  if (m_content) m_content->Retry();
  RequestFrames(3);
}

// The files the content (and a new site on its way) wait for, to the platform. A platform may
// deliver at once (the desktop reads its files), and a delivery asks for more: those are sent by
// the loop here, not by a call inside the delivery (a kiosk reads a whole archive so).
void App::SendRequests() {
  if (m_sending) {
    m_sendAgain = true;
    return;
  }
  m_sending = true;
  do {
    m_sendAgain = false;
    for (core::Content* c : {m_content ? &*m_content : nullptr, m_incoming ? &*m_incoming : nullptr})
      if (c)
        for (const std::string& file : c->TakeRequests()) m_host.Fetch(file);
  } while (m_sendAgain);
  m_sending = false;
}

void App::Deliver(const std::string& file, std::unique_ptr<char[]> bytes, size_t size) {
  const bool incoming = m_incoming && m_incoming->Wants(file);
  if (m_content && m_content->Wants(file)) {
    std::unique_ptr<char[]> copy;
    if (incoming) {  // both want it (a shard the new manifest names too): each takes its own
      copy.reset(new char[std::max<size_t>(size, 1)]);
      std::copy(bytes.get(), bytes.get() + size, copy.get());
    }
    m_content->Deliver(file, std::move(bytes), size);
    bytes = std::move(copy);
  }
  if (incoming) m_incoming->Deliver(file, std::move(bytes), size);
  ContentChanged();
}

void App::FetchFailed(const std::string& file, std::string why) {
  if (m_content && m_content->Wants(file)) m_content->Fail(file, why);
  if (m_incoming && m_incoming->Wants(file)) m_incoming->Fail(file, why);
  ContentChanged();
}

// After a part came or failed: a new site whose first part is in replaces the content shown (one
// whose first part failed is dropped, the content shown staying); a first screen waiting for
// its part shows; the platform hears of an archive now whole; the parts asked next go out.
void App::ContentChanged() {
  if (m_incoming && m_incoming->FirstPartIn()) TakeIncoming();
  if (m_content && m_phase == Phase::Loading && m_content->FirstPartIn()) {
    m_phase = Phase::Ready;
    m_state.resetScroll = true;
  }
  if (m_content && m_content->Complete() && m_content->Published() && !m_completeTold) {
    m_completeTold = true;
    m_host.ArchiveComplete();
  }
  RequestFrames(1);
  SendRequests();
}

void App::TakeIncoming() {
  core::Content in = std::move(*m_incoming);
  m_incoming.reset();
  const bool taken = !in.AnyFailed();
  if (taken) {
    core::LoadResult none;
    Show(std::move(in), none, "");
  }
  m_host.IncomingSettled(taken);
}

}  // namespace ui
