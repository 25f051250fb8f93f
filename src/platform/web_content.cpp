// The web platform's content (web_platform.h): the bundle's (or a published site's manifest's)
// download, the published site's files and the kiosk's checks handed over by JavaScript, the kiosk's settings and its retries without content; and the program's
// exports (web_bridge.h, MODV_EXPORTS), each handing over to the platform object.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <new>

#include "core/kiosk.h"
#include "core/published.h"
#include "platform/web_platform.h"
#include "version.h"

namespace platform {

// A kiosk whose content has not come (the server down, an error, a broken bundle) shows its
// waiting screen and downloads again after 5 s, 10 s, 20 s ... and at most one reload interval
// apart, so the content is there within one interval of the server's return.
void WebPlatform::ScheduleRetry() {
  if (!m_kiosk || m_app.HasContent()) return;
  m_retryDelay = m_retryDelay > 0 ? std::min(2 * m_retryDelay, m_reloadSeconds) : std::min(5.0, m_reloadSeconds);
  m_retryAt = Seconds() + m_retryDelay;
  Warn("kiosk: no content yet; trying again in " + std::to_string(std::lround(m_retryDelay)) + " s");
  app_js_wake_after(this, m_retryDelay);
}

// ?kiosk=1 with ?idle= ?reload= ?hours=: a setting that cannot be read is reported and its
// default kept (a kiosk must come up whatever is typed into its address).
void WebPlatform::StartKioskIfAsked() {
  if (Take(app_js_query("kiosk")) != "1") return;
  core::KioskSettings settings;
  for (const char* name : {"idle", "reload", "hours"}) {
    const std::string value = Take(app_js_query(name));
    if (value.empty()) continue;
    auto next = core::WithKioskParameter(settings, name, value);
    if (next) settings = std::move(*next);
    else Warn("kiosk: " + next.GetError() + "; keeping the default");
  }
  m_kiosk = true;
  m_reloadSeconds = settings.reloadSeconds;
  m_app.EnableKiosk(settings, Seconds(), app_js_reduced_motion() != 0);
  app_js_start_kiosk(this, settings.reloadSeconds);
  m_reportName = core::KioskName(Take(app_js_query("name")));
  m_facts.version = MODV_VERSION;
  m_facts.startTime = static_cast<double>(std::time(nullptr));
}

void WebPlatform::Report() {
  if (!m_kiosk) return;
  m_facts.reloads = static_cast<uint64_t>(std::max(app_js_reload_count(), 0));
  app_js_report(m_reportName.c_str(), m_app.KioskReport(m_facts).c_str());
}

void WebPlatform::OnCheckDone(bool ok) {
  m_facts.lastCheck = static_cast<double>(std::time(nullptr));
  if (!ok) ++m_facts.checkFailures;
  Report();
}

// Room for `size` bytes that JavaScript fills, then hands over (OnBundle, OnBundleUpdate,
// OnFile): what arrives keeps these bytes (core::Bundle::source), so they are not copied. The
// download (the first, or a retry), the kiosk's checks and the files each have their own room: a
// check can come while a slow download is still being written into its room.
char* WebPlatform::Room(size_t size, int kind) {
  if (kind < 0 || kind > kFileRoom) return nullptr;
  std::unique_ptr<char[]>& room = m_rooms[kind];
  room.reset(new (std::nothrow) char[std::max<size_t>(size, 1)]);
  return room.get();
}

// A bundle, or a published site's manifest (core::LoadContent).
core::ManifestResult WebPlatform::Load(const char* bytes, size_t size) {
  for (std::unique_ptr<char[]>& room : m_rooms)
    if (room && bytes == room.get()) return core::LoadContent(std::move(room), size);
  std::unique_ptr<char[]> copy(new char[std::max<size_t>(size, 1)]);
  std::copy(bytes, bytes + size, copy.get());
  return core::LoadContent(std::move(copy), size);
}

void WebPlatform::OnFile(const char* name, char* bytes, size_t size) {
  std::unique_ptr<char[]> file = std::move(m_rooms[kFileRoom]);
  if (file.get() != bytes) return;  // not the room it was asked for: nothing to take
  if (m_images.Awaits(name)) m_images.Deliver(name, reinterpret_cast<const unsigned char*>(file.get()), size);
  else m_app.Deliver(name, std::move(file), size);
  Wake();
}

void WebPlatform::OnFileFailed(const char* name, const char* why) {
  if (m_images.Awaits(name)) m_images.Fail(name);
  else m_app.FetchFailed(name, why);
  Wake();
}

// A kiosk keeps every image its content may show, not only those shown so far, and a published
// site's files (once all its headlines are in), so that it starts and goes on with no network at
// all (web/page/offline.mjs writes them into the content cache web/sw.js falls back to).
void WebPlatform::KeepForOffline() const {
  const core::Content* content = m_app.GetContent();
  if (!m_kiosk || !content) return;
  std::string paths;
  for (const std::string& file : content->OfflineFiles()) paths.append(file).push_back('\n');
  if (!paths.empty()) app_js_keep_files(paths.c_str());
}

void WebPlatform::RetryLoad() {
  m_app.ShowLoading();
  app_js_set_state(this, "loading");
  app_js_request_bundle(this);
}

bool WebPlatform::OnBundle(const char* bytes, size_t size) {
  m_images.Clear();
  core::ManifestResult result = Load(bytes, size);
  const bool loaded = result.published ? result.Ok() : result.load.Ok();
  for (const auto& d : result.load.diagnostics)
    Log(d.severity == core::Severity::Error ? kLogError : kLogWarning, "bundle: " + core::FormatDiagnostic(d));
  m_app.ShowPublished(std::move(result), Take(app_js_bundle_url()));
  // Content just downloaded is not checked again at once (a slow download may have taken
  // longer than the interval): the checks count from now.
  if (ui::KioskSession* kiosk = m_app.Kiosk()) kiosk->ReloadDue(Seconds());
  ShowNewContent();
  ScheduleRetry();
  KeepForOffline();
  if (loaded) m_facts.contentUpdated = static_cast<double>(std::time(nullptr));
  Report();
  return loaded;
}

// A changed bundle from the kiosk's check: taken when it loads, otherwise logged and ignored.
// A published site's manifest is taken once its newest headlines are in (IncomingSettled).
int WebPlatform::OnBundleUpdate(const char* bytes, size_t size) {
  const ui::App::UpdateAnswer answer = m_app.OfferUpdate(Load(bytes, size), Take(app_js_bundle_url()));
  if (answer.kind == ui::App::UpdateAnswer::Refused) {
    Warn("bundle update ignored, keeping the content shown: " + answer.why);
    return kUpdateRefused;
  }
  m_images.Clear();
  if (answer.kind == ui::App::UpdateAnswer::Pending) return kUpdatePending;
  KeepForOffline();
  m_facts.contentUpdated = static_cast<double>(std::time(nullptr));
  return kUpdateTaken;
}

void WebPlatform::IncomingSettled(bool taken) {
  if (taken) {
    KeepForOffline();
    m_facts.contentUpdated = static_cast<double>(std::time(nullptr));
  } else {
    ++m_facts.checkFailures;  // a manifest before its parts: fetched again at the next check
  }
  app_js_update_settled(taken ? 1 : 0);
  Report();
}

void WebPlatform::OnBundleFailure(const char* message) {
  m_rooms[kDownloadRoom].reset();  // room made for a download that then failed
  m_app.ShowLoadFailure(message, Take(app_js_bundle_url()));
  ShowNewContent();
  ScheduleRetry();
  Report();
}

}  // namespace platform

// The exports (web_bridge.h, MODV_EXPORTS): each hands over to the platform object.
namespace {
platform::WebPlatform& P(void* p) { return *static_cast<platform::WebPlatform*>(p); }
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE char* app_room(void* p, int size, int kind) { return P(p).Room(static_cast<size_t>(size), kind); }
EMSCRIPTEN_KEEPALIVE int app_on_bundle(void* p, const char* bytes, int size) {
  return P(p).OnBundle(bytes, static_cast<size_t>(size)) ? 1 : 0;
}
EMSCRIPTEN_KEEPALIVE void app_on_bundle_failure(void* p, const char* message) { P(p).OnBundleFailure(message); }
EMSCRIPTEN_KEEPALIVE int app_on_bundle_update(void* p, const char* bytes, int size) {
  return P(p).OnBundleUpdate(bytes, static_cast<size_t>(size));
}
EMSCRIPTEN_KEEPALIVE void app_on_check_done(void* p, int ok) { P(p).OnCheckDone(ok != 0); }
EMSCRIPTEN_KEEPALIVE void app_on_hash_change(void* p) { P(p).OnHashChange(); }
EMSCRIPTEN_KEEPALIVE void app_on_file(void* p, const char* name, char* bytes, int size) {
  P(p).OnFile(name, bytes, static_cast<size_t>(size));
}
EMSCRIPTEN_KEEPALIVE void app_on_file_failed(void* p, const char* name, const char* why) { P(p).OnFileFailed(name, why); }
EMSCRIPTEN_KEEPALIVE void app_on_mirror_activate(void* p, int index) { P(p).App().ActivateMirrorNode(static_cast<size_t>(index)); }
EMSCRIPTEN_KEEPALIVE void app_on_mirror_focus(void* p, int index) {
  P(p).App().FocusMirrorNode(index >= 0 ? std::optional<size_t>(static_cast<size_t>(index)) : std::nullopt);
}
EMSCRIPTEN_KEEPALIVE void app_on_appearance(void* p) { P(p).OnAppearance(); }
EMSCRIPTEN_KEEPALIVE void app_on_print(void* p, int printing) { P(p).OnPrint(printing != 0); }
EMSCRIPTEN_KEEPALIVE void app_on_search_input(void* p, const char* text) { P(p).OnSearchInput(text); }
EMSCRIPTEN_KEEPALIVE void app_on_touch(void* p, int phase, float x, float y, double ms) { P(p).OnTouch(phase, x, y, ms); }
EMSCRIPTEN_KEEPALIVE void app_on_back(void* p) { P(p).App().GoBack(); }
EMSCRIPTEN_KEEPALIVE void app_wake(void* p) { P(p).Wake(); }
EMSCRIPTEN_KEEPALIVE void app_on_context_lost(void* p) { P(p).OnContextLost(); }
EMSCRIPTEN_KEEPALIVE void app_on_context_restored(void* p) { P(p).OnContextRestored(); }
EMSCRIPTEN_KEEPALIVE void app_on_reading_mode(void* p) { P(p).EnterReadingMode(); }
EMSCRIPTEN_KEEPALIVE void app_on_shown(void* p) { P(p).App().ScreenShown(); }
EMSCRIPTEN_KEEPALIVE void app_on_mouse(void* p, int kind, float x, float y, int button) { P(p).OnMouse(kind, x, y, button); }
EMSCRIPTEN_KEEPALIVE void app_on_wheel(void* p, double dx, double dy, int mode) { P(p).OnWheel(dx, dy, mode); }
EMSCRIPTEN_KEEPALIVE void app_frame(void* p) { P(p).Loop(); }
EMSCRIPTEN_KEEPALIVE void app_build_fonts(void* p) { P(p).BuildFonts(); }
}

