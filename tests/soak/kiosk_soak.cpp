// Soak test of the kiosk on an accelerated clock: a simulated week of opening hours, attract
// loops, touches, searches, bundle reloads (changed, unchanged, broken) and blank nights, in
// the desktop build's code (headless ImGui). Prints memory, textures and mirror size at the
// start and the end, and fails when anything grows. Run it under LeakSanitizer too
// (scripts/sanitize). Usage: kiosk_soak [DAYS]   (default 7)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/kiosk.h"
#include "platform/resident_memory.h"
#include "ui/app.h"
#include "ui/fake_host.h"
#include "ui/fonts.h"
#include "ui/frame_driver.h"
#include "ui/imgui_context.h"
#include "ui/theme.h"

namespace {

std::string Bundle(int version) {
  std::ostringstream b;
  b << R"({"format":"publication-bundle","version":1,"languages":["sq","en"],)"
    << R"("mission":{"title":"Misioni","paragraphs":[{"number":"1","text":"Ministria e Mbrojtjes mbështet Ministrin."}]},"news":[)";
  for (int i = 0; i < 60; ++i) {
    if (i) b << ",";
    b << R"({"id":"n)" << i << R"(","date":"2024-)" << (i % 12 < 9 ? "0" : "") << (i % 12 + 1)
      << R"(","title":"Lajmi )" << i << " botimi " << version << R"( për Bërzhitën","summary":"Përmbledhje )" << i
      << R"(.")" << (i % 3 == 0 ? R"(,"image":"images/n)" + std::to_string(i) + R"(.png")" : std::string()) << "}";
  }
  b << R"(],"directives":[{"id":"d1","date":"2024","title":"Direktiva","link":"https://www.mod.gov.al/"}]})";
  return b.str();
}

struct Figures {
  long rssKiB = 0;
  size_t mirrorNodes = 0, textures = 0;
  int vertices = 0;
};

}  // namespace

int main(int argc, char** argv) {
  const double days = argc > 1 ? std::atof(argv[1]) : 7;
  ui::Fonts fonts;
  test::StartImGui(1920, 1080, 1.5f, fonts);
  test::FakeHost host;  // as the platform: a texture per image (dropped with the old bundle, below)
  host.imagesReady = true;
  Figures start, end, peak;
  long frames = 0, reloads = 0, accepted = 0, touches = 0;
  {
    ui::App app(host);
    app.SetFonts(fonts);
    app.SetScale(1.5f);
    ui::ApplyTheme(app.GetPalette(), 1.5f);
    app.ShowLoadResult(core::LoadBundle(Bundle(0)), "soak.json");
    core::KioskSettings settings;
    settings.hours = *core::ParseOpeningHours("Mon-Sun 09:00-18:00");
    app.EnableKiosk(settings, 0, false);
    ui::HeadlessPlatform platform;
    ui::FrameDriver driver(app, platform, ui::ReadFontFile(MODV_FONT_FILE));
    const auto frame = [&](double now) {
      platform.now = now;
      platform.minuteOfWeek = static_cast<int>(now / 60) % core::kMinutesPerWeek;
      driver.Frame();
      ++frames;
    };
    const auto measure = [&] {
      Figures f;
      f.rssKiB = platform::ResidentKiB();
      f.mirrorNodes = app.Mirror().nodes.size();
      f.textures = host.requestedImages.size();
      f.vertices = ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
      return f;
    };
    int version = 0;
    const double endTime = days * 86400;
    double nextVisit = 0;
    for (double now = 0; now < endTime;) {
      // A visitor every 40 minutes, day and night: wake, look around, search, scroll, leave.
      if (now >= nextVisit) {
        nextVisit = now + 2400;
        ++touches;
        app.KioskInput(now);
        frame(now);
        for (const char* route : {"#/news", "#/news/n3", "#/directives/d1", "#/search?q=berzh", "#/mission"}) {
          app.KioskInput(now);
          app.GoTo(core::ParseRoute(route), ui::How::Address);
          app.ScrollBy(400);
          for (int i = 0; i < 3; ++i) frame(now += 0.5);
        }
      }
      if (app.Kiosk()->ReloadDue(now)) {
        ++reloads;
        // every hour new content; now and then a half-written file; otherwise unchanged
        const long hour = static_cast<long>(now / 3600);
        std::string text = Bundle(static_cast<int>(hour));
        if (hour % 5 == 0) text = text.substr(0, text.size() / 2);
        if (hour != version || hour % 5 == 0) {
          core::LoadResult result = core::LoadBundle(text);
          if (result.Ok()) {
            ++accepted;
            version = static_cast<int>(hour);
            host.requestedImages.clear();  // the platform drops its textures with the old bundle
            app.ShowLoadResult(std::move(result), "soak.json");
          }
        }
      }
      frame(now);
      // next event: what the kiosk asks for, sampling fades coarsely (accelerated clock)
      const double wake = app.Kiosk()->WakeIn();
      now += std::max(wake <= 0 ? 0.5 : std::min(wake, 60.0), 0.25);  // never a step too small to count
      if (start.rssKiB == 0 && frames >= 2000) start = measure();  // after warming up (fonts, first layouts)
      const Figures f = measure();
      peak.mirrorNodes = std::max(peak.mirrorNodes, f.mirrorNodes);
      peak.textures = std::max(peak.textures, f.textures);
    }
    end = measure();
  }
  ImGui::DestroyContext();
  std::printf("kiosk soak: %.1f simulated days, %ld frames, %ld touches, %ld reload checks, %ld bundles taken\n", days,
              frames, touches, reloads, accepted);
  std::printf("memory: %ld KiB after warm-up, %ld KiB at the end (%+ld KiB)\n", start.rssKiB, end.rssKiB,
              end.rssKiB - start.rssKiB);
  std::printf("textures: %zu at warm-up, %zu at the end, %zu at most; mirror nodes: %zu at most; opened links: %zu\n",
              start.textures, end.textures, peak.textures, peak.mirrorNodes, host.opened.size());
  bool ok = true;
  if (end.rssKiB - start.rssKiB > 16 * 1024) ok = false, std::printf("FAIL: memory grew\n");
  if (peak.textures > 25) ok = false, std::printf("FAIL: textures grew\n");
  if (peak.mirrorNodes > 400) ok = false, std::printf("FAIL: the mirror grew\n");
  if (touches < days * 30) ok = false, std::printf("FAIL: too few visits simulated\n");
  if (!host.opened.empty()) ok = false, std::printf("FAIL: the kiosk opened a link\n");
  if (accepted < days * 15) ok = false, std::printf("FAIL: too few reloads taken\n");
  std::printf("%s\n", ok ? "soak: ok" : "soak: FAILED");
  return ok ? 0 : 1;
}
