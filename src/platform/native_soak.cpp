// SoakDriver; see native_soak.h.
#include "platform/native_soak.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/kiosk.h"
#include "platform/native_session.h"
#include "platform/native_window.h"
#include "platform/resident_memory.h"

namespace platform {

SoakDriver::SoakDriver(double days, std::filesystem::path bundle) : m_bundle(std::move(bundle)), m_end(days * 86400) {
  std::ifstream in(m_bundle, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  m_original = ss.str();
}

int SoakDriver::MinuteOfWeek() const { return static_cast<int>(m_now / 60) % core::kMinutesPerWeek; }

void SoakDriver::Before(ui::App& app) {
  // A visitor every 40 minutes: wake the kiosk, look around, scroll, leave.
  if (m_now >= m_nextVisit) {
    m_nextVisit = m_now + 2400;
    ++m_visits;
    app.KioskInput(m_now);
    static constexpr const char* kRoutes[] = {"#/news", "#/news/museum-berzhite", "#/directives/strategy-2024",
                                              "#/search?q=berzh", "#/mission"};
    const char* route = kRoutes[m_visits % 5];
    app.KioskInput(m_now);
    app.GoTo(core::ParseRoute(route), ui::How::Address);
    app.ScrollBy(300);
  }
  // The editors publish every hour; one publication in five is caught half-written.
  const long hour = static_cast<long>(m_now / 3600);
  if (hour != m_lastHour) {
    m_lastHour = hour;
    ++m_rewrites;
    std::string text = m_original;
    const size_t at = text.find("\"news\": [");
    if (at != std::string::npos)
      text.insert(at + 9, "{\"id\": \"soak-" + std::to_string(hour) + "\", \"date\": \"2024-02\", \"title\": \"Botimi " +
                              std::to_string(hour) + "\"},");
    if (hour % 5 == 0) text.resize(text.size() / 2);
    std::ofstream(m_bundle, std::ios::binary | std::ios::trunc) << text;
  }
}

SoakDriver::Figures SoakDriver::Measure(const ui::App& app, size_t textures) const {
  Figures f;
  f.rssKiB = ResidentKiB();
  f.textures = textures;
  f.mirrorNodes = app.Mirror().nodes.size();
  return f;
}

void SoakDriver::After(ui::App& app, size_t textures) {
  ++m_frames;
  m_last = Measure(app, textures);
  if (m_frames == 2000) m_warm = m_last;  // after fonts, first layouts and first textures
  m_peak.textures = std::max(m_peak.textures, m_last.textures);
  m_peak.mirrorNodes = std::max(m_peak.mirrorNodes, m_last.mirrorNodes);
  // Fades are sampled coarsely (the clock is accelerated), and every step moves the clock by
  // at least a quarter second: a wake-up due in a rounding error's time would otherwise add
  // nothing to a large time value and the simulation would stand still.
  const double wake = app.Kiosk()->WakeIn();
  m_now += std::max(wake <= 0 ? 0.5 : std::min(wake, 60.0), 0.25);
}

int SoakDriver::Report() const {
  std::printf("desktop kiosk soak: %.1f simulated days, %ld frames, %ld visits, %ld bundle rewrites\n", m_end / 86400,
              m_frames, m_visits, m_rewrites);
  std::printf("memory: %ld KiB after warm-up, %ld KiB at the end (%+ld KiB)\n", m_warm.rssKiB, m_last.rssKiB,
              m_last.rssKiB - m_warm.rssKiB);
  std::printf("textures: %zu at warm-up, %zu at the end, %zu at most; mirror nodes: %zu at warm-up, %zu at most\n",
              m_warm.textures, m_last.textures, m_peak.textures, m_warm.mirrorNodes, m_peak.mirrorNodes);
  const bool grew = m_last.rssKiB - m_warm.rssKiB > 32 * 1024 || m_peak.textures > 16 || m_peak.mirrorNodes > 400;
  std::printf("%s\n", grew || m_frames < 2000 ? "soak: FAILED (something grew)" : "soak: ok");
  return grew || m_frames < 2000 ? 1 : 0;
}

namespace {

// The real window, on the soak's simulated clock.
class SoakWindow : public NativeWindow {
 public:
  SoakWindow(const NativeOptions& options, const SoakDriver& soak) : NativeWindow(options), m_soak(soak) {}
  double Now() override { return m_soak.Now(); }
  std::optional<int> MinuteOfWeek() override { return m_soak.MinuteOfWeek(); }

 private:
  const SoakDriver& m_soak;
};

}  // namespace

int RunSoak(const NativeOptions& o, NativeHost& host) {
  SoakDriver soak(o.soakDays, host.BundlePath());
  SoakWindow window(o, soak);
  if (!window.Ok()) return 2;
  host.SetRenderer(window.GetRenderer());
  int exitCode = 1;
  {
    NativeSession s(host, window, o, window.Window(), 0);  // the simulated clock starts at 0
    window.Attach(s.app, s.driver, host, s.scale, true);
    ui::Runner runner(s.app, s.driver, window);
    while (!window.ShouldClose() && !soak.Done()) {
      window.WaitEvents(0);
      soak.Before(s.app);
      s.app.RequestFrames(1);  // a frame at every step of the simulated clock, owed or not
      if (runner.Tick()) window.Swap();
      soak.After(s.app, host.ImageCount());
    }
    window.Detach();
    exitCode = soak.Done() ? soak.Report() : 1;
  }
  host.ReleaseImages();  // textures go while the GL context still exists
  return exitCode;
}

}  // namespace platform
