// The run loop written once (ui::Runner) and the kiosk's new content offered in one place
// (App::OfferUpdate): what the desktop, the soak run and the browser all drive.
#include <doctest/doctest.h>

#include "core/bundle_loader.h"
#include "core/published.h"
#include "headless.h"
#include "ui/runner.h"

namespace {

// A platform of the loop whose hooks count what the loop asked of them.
class CountingPlatform : public ui::RunnerPlatform {
 public:
  double now = 0;
  bool hold = false;
  int checks = 0, before = 0, after = 0;
  void BeginFrame() override { ImGui::GetIO().DeltaTime = 1.0f / 60; }
  double Now() override { return now; }
  void CheckForUpdate() override { ++checks; }
  bool HoldFrame() override { return hold; }
  void BeforeFrame() override { ++before; }
  void AfterFrame() override { ++after; }
};

core::ManifestResult Read(const std::string& json) {
  std::unique_ptr<char[]> text(new char[std::max<size_t>(json.size(), 1)]);
  std::copy(json.begin(), json.end(), text.get());
  return core::LoadContent(std::move(text), json.size());
}

const char* kBundle = R"({"format":"publication-bundle","version":1,"languages":["sq"],"mission":{"title":"Misioni","paragraphs":[]},"news":[{"id":"a","date":"2024-01","title":"E para"}],"directives":[]})";

}  // namespace

TEST_CASE("The loop draws only while frames are owed, settles new content undrawn, and sleeps") {
  test::Headless h;
  CountingPlatform platform;
  ui::FrameDriver driver(h.app, platform, ui::ReadFontFile(MODV_FONT_FILE));
  ui::Runner runner(h.app, driver, platform);
  h.Load(kBundle);
  CHECK(runner.NextWake() == 0);  // new content owes frames
  CHECK(runner.Tick());
  // The first frame of the content: two undrawn frames settle it, then it is drawn once.
  CHECK(driver.FramesDrawn() == 3);
  CHECK(platform.after == 1);
  int turns = 0;
  while (runner.Tick() && turns < 50) ++turns;
  CHECK(turns < 50);
  CHECK_FALSE(runner.Tick());  // nothing owed: no frame
  CHECK(runner.NextWake() < 0);  // and nothing due: wait for input
  CHECK(platform.checks == 0);   // not a kiosk
  // A held frame waits.
  h.app.RequestFrames(1);
  platform.hold = true;
  CHECK_FALSE(runner.Tick());
  platform.hold = false;
  CHECK(runner.Tick());
  CHECK(platform.before == platform.after);
}

TEST_CASE("A kiosk's loop checks its content once per interval and wakes for it") {
  test::Headless h;
  CountingPlatform platform;
  ui::FrameDriver driver(h.app, platform, ui::ReadFontFile(MODV_FONT_FILE));
  ui::Runner runner(h.app, driver, platform);
  h.Load(kBundle);
  core::KioskSettings settings;
  settings.reloadSeconds = 30;
  h.app.EnableKiosk(settings, 0, true);
  while (runner.Tick()) {
  }
  const double wake = runner.NextWake();
  CHECK(wake > 0);
  CHECK(wake <= 30);
  platform.now = 31;
  runner.Tick();
  CHECK(platform.checks == 1);
  runner.Tick();
  CHECK(platform.checks == 1);  // once per interval
  platform.now = 62;
  runner.Tick();
  CHECK(platform.checks == 2);
}

TEST_CASE("New content from a kiosk's check: a broken one is refused with why, a good one taken, a site's pending") {
  test::Headless h;
  h.Load(kBundle);
  h.Frames();
  ui::App::UpdateAnswer a = h.app.OfferUpdate(Read("{\"format\": \"publication-bundle\", "), "bundle.json");
  CHECK(a.kind == ui::App::UpdateAnswer::Refused);
  CHECK_MESSAGE(a.why.find("line 1") != std::string::npos, a.why);
  h.Frames();
  CHECK(h.MirrorText().find("E para") == std::string::npos);  // the mission is shown, unchanged
  std::string next = kBundle;
  next.replace(next.find("E para"), 6, "E dyta");
  a = h.app.OfferUpdate(Read(next), "bundle.json");
  CHECK(a.kind == ui::App::UpdateAnswer::Taken);
  h.Go("#/news");
  CHECK(h.MirrorText().find("E dyta") != std::string::npos);
}
