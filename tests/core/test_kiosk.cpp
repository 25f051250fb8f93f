// Kiosk timing on an accelerated clock: idle return, the attract loop and its cross-fades, the
// first touch that only wakes, opening hours, reloads, burn-in drift; settings and the playlist.
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "core/kiosk.h"

namespace {

using core::KioskMode;

core::KioskSettings Settings() {
  core::KioskSettings s;
  s.idleSeconds = 90;
  s.reloadSeconds = 60;
  s.slideSeconds = 8;
  s.fadeSeconds = 2;
  return s;
}

core::NewsItem News(const char* id, const char* date, const char* image) {
  core::NewsItem n;
  n.id = id;
  n.date = *core::ParseDate(date);
  n.image.src = image;
  return n;
}

}  // namespace

TEST_CASE("No touch for the idle timeout starts the attract loop; the first touch only wakes") {
  core::KioskClock k(Settings(), 1000);
  k.SetSlideCount(3);
  core::KioskState s = k.Update(1000);
  CHECK(s.mode == KioskMode::Interactive);
  CHECK_FALSE(s.entered);
  CHECK(s.wakeIn == doctest::Approx(60));  // the reload comes first
  CHECK_FALSE(k.Touch(1050));              // an ordinary touch reaches the interface
  CHECK(k.ReloadDue(1139));
  s = k.Update(1139);
  CHECK(s.mode == KioskMode::Interactive);
  CHECK(s.wakeIn == doctest::Approx(1));  // idle at 1140
  s = k.Update(1140);
  CHECK(s.mode == KioskMode::Attract);
  CHECK(s.entered);  // go to the start
  CHECK(s.slide == 0);
  CHECK(s.fade == 0);
  CHECK(k.Update(1141).entered == false);
  CHECK(k.Touch(1150));  // the screen showed the loop: this touch opens nothing
  CHECK(k.Touch(1150));  // nor does the rest of the same gesture before the next frame
  s = k.Update(1150);
  CHECK(s.mode == KioskMode::Interactive);
  CHECK(s.entered);
  CHECK_FALSE(k.Touch(1151));
  // idle again: the loop begins again from its first slide
  CHECK(k.Update(1251).mode == KioskMode::Attract);
  CHECK(k.Update(1251).slide == 0);
  CHECK(k.Update(1251 + 8).slide == 1);
}

TEST_CASE("Attract slides advance, wrap and cross-fade gently at the end of each") {
  core::KioskClock k(Settings(), 0);
  k.SetSlideCount(3);
  k.StartAttract(0);
  REQUIRE(k.Update(0).mode == KioskMode::Attract);
  core::KioskState s = k.Update(5.9);
  CHECK(s.slide == 0);
  CHECK(s.fade == 0);
  CHECK(s.wakeIn == doctest::Approx(0.1));  // the fade starts at 6 s
  float previous = -1;
  for (double t = 6.0; t < 8.0; t += 0.1) {  // the fade: 0 to 1, never backwards, eased at both ends
    s = k.Update(t);
    CHECK(s.slide == 0);
    CHECK(s.nextSlide == 1);
    CHECK(s.fade >= previous);
    CHECK(s.wakeIn == 0);  // animating: draw every frame
    previous = s.fade;
  }
  CHECK(k.Update(6.1).fade < 0.05f);
  CHECK(k.Update(7.0).fade == doctest::Approx(0.5));
  CHECK(k.Update(7.9).fade > 0.95f);
  s = k.Update(8.0);
  CHECK(s.slide == 1);
  CHECK(s.fade == 0);
  CHECK(k.Update(16.5).slide == 2);
  CHECK(k.Update(16.5).nextSlide == 0);
  CHECK(k.Update(24.5).slide == 0);                    // wraps
  CHECK(k.Update(8 * 3000 + 1).slide == 3000 % 3);     // a long run stays in range
  CHECK(k.Update(8 * 3000 + 1).attractSeconds == doctest::Approx(24001));
  k.SetSlideCount(1);                                  // one slide: nothing to fade to
  CHECK(k.Update(8 * 3000 + 7.5).fade == 0);
}

TEST_CASE("Outside opening hours the screen is blank; staff can still wake it") {
  core::KioskSettings settings = Settings();
  settings.reloadSeconds = 3600;
  settings.hours = *core::ParseOpeningHours("Mon-Fri 09:00-18:00");
  REQUIRE(settings.hours);
  core::KioskClock k(settings, 0);
  const int saturday = core::MinuteOfWeek(5, 12, 0), tuesday = core::MinuteOfWeek(1, 10, 30);
  CHECK(k.Update(10, saturday).mode == KioskMode::Interactive);  // someone is using it: no blanking yet
  core::KioskState s = k.Update(100, saturday);
  CHECK(s.mode == KioskMode::Blank);
  CHECK(s.entered);
  CHECK(s.wakeIn > 0);
  CHECK(k.Update(100).mode == KioskMode::Attract);  // no local time: never blank
  CHECK(k.Update(101, saturday).mode == KioskMode::Blank);
  CHECK(k.Touch(110));  // wakes the screen, opens nothing
  CHECK(k.Update(111, saturday).mode == KioskMode::Interactive);
  CHECK(k.Update(200, saturday).mode == KioskMode::Blank);  // idle again while closed
  CHECK(k.Update(201, tuesday).mode == KioskMode::Attract);
  CHECK(k.Update(201, tuesday).wakeIn <= 60);  // looks again in time for closing
}

TEST_CASE("A simulated week on an accelerated clock: reloads on time, touches wake, modes stay sane") {
  core::KioskSettings settings = Settings();
  settings.hours = *core::ParseOpeningHours("Tue-Sun 09:00-17:00");
  core::KioskClock k(settings, 0);
  k.SetSlideCount(6);
  int reloads = 0, attracts = 0, blanks = 0, woken = 0;
  bool sane = true;
  for (int t = 0; t < 7 * 24 * 3600; t += 5) {
    const int minute = core::MinuteOfWeek(0, 0, t / 60);
    if (t % 3600 == 1800 && k.Touch(t)) ++woken;  // a visitor every hour
    const core::KioskState s = k.Update(t, minute);
    sane = sane && s.slide < 6 && s.fade >= 0 && s.fade <= 1 && s.wakeIn >= 0;
    if (s.entered && s.mode == KioskMode::Attract) ++attracts;
    if (s.entered && s.mode == KioskMode::Blank) ++blanks;
    if (k.ReloadDue(t)) ++reloads;
  }
  CHECK(sane);
  CHECK(reloads == 7 * 24 * 60 - 1);  // one a minute (the first at 60 s, the last before the week ends)
  CHECK(woken == 7 * 24);             // every visit came after the idle timeout: each first touch woke it
  CHECK(attracts == 6 * 9);           // each open day: at 09:00, and after each of its 8 visits
  CHECK(blanks > 100);
}

TEST_CASE("The reload check is due once per interval, also after a long pause") {
  core::KioskClock k(Settings(), 100);
  CHECK(k.NextReload() == doctest::Approx(160));
  CHECK_FALSE(k.ReloadDue(159.9));
  CHECK(k.ReloadDue(160));
  CHECK_FALSE(k.ReloadDue(160));
  CHECK(k.NextReload() == doctest::Approx(220));
  CHECK(k.ReloadDue(5000));  // the machine slept: one check, not a burst
  CHECK_FALSE(k.ReloadDue(5001));
  CHECK(k.Update(5001).wakeIn <= 59.0 + 1e-9);
}

TEST_CASE("Burn-in: a slow deterministic drift of a few pixels") {
  core::KioskSettings settings = Settings();
  settings.burnInStepSeconds = 180;
  settings.burnInPixels = 4;
  const core::KioskClock k(settings), other(settings, 12345);
  std::set<std::pair<int, int>> seen;
  core::PixelOffset previous = k.BurnInOffset(0);
  for (int step = 0; step < 24 * 20; ++step) {  // a day of 3-minute steps
    const double t = step * 180.0;
    const core::PixelOffset o = k.BurnInOffset(t);
    CHECK(o.x == k.BurnInOffset(t + 179).x);  // still within the step
    CHECK(o.y == k.BurnInOffset(t + 179).y);
    CHECK(o.x == other.BurnInOffset(t).x);  // depends on the time only
    CHECK(std::abs(o.x) <= 4);
    CHECK(std::abs(o.y) <= 4);
    CHECK(o.x == std::round(o.x));
    CHECK(std::abs(o.x - previous.x) <= 1);  // slow: one pixel at a time
    CHECK(std::abs(o.y - previous.y) <= 1);
    seen.insert({static_cast<int>(o.x), static_cast<int>(o.y)});
    previous = o;
  }
  CHECK(seen.size() >= 40);  // it wanders over the square, not along one line
  settings.burnInPixels = 0;
  CHECK(core::KioskClock(settings).BurnInOffset(5000).x == 0);
}

TEST_CASE("Opening hours: the documented format, and clear errors") {
  auto hours = core::ParseOpeningHours("mon-FRI 09:00-12:30, 13:30-18:00; Sat-Mon 10:00-24:00 ;");
  REQUIRE_MESSAGE(hours, hours.GetError());
  const core::OpeningHours& h = *hours;
  CHECK(h.IsOpen(core::MinuteOfWeek(0, 9, 0)));
  CHECK_FALSE(h.IsOpen(core::MinuteOfWeek(0, 8, 59)));
  CHECK(h.IsOpen(core::MinuteOfWeek(0, 23, 59)));  // Monday is also in Sat-Mon
  CHECK_FALSE(h.IsOpen(core::MinuteOfWeek(2, 13, 0)));
  CHECK(h.IsOpen(core::MinuteOfWeek(4, 17, 59)));
  CHECK_FALSE(h.IsOpen(core::MinuteOfWeek(4, 18, 0)));
  CHECK(h.IsOpen(core::MinuteOfWeek(6, 10, 0)));
  CHECK(h.MinutesUntilOpen(core::MinuteOfWeek(2, 12, 40)) == 50);
  CHECK(h.MinutesUntilOpen(core::MinuteOfWeek(6, 0, 0)) == 600);
  CHECK(h.MinutesUntilOpen(core::MinuteOfWeek(1, 0, 0)) == 9 * 60);  // Monday's spans merged up to 24:00
  CHECK(core::ParseOpeningHours("Sun 09:00-17:00")->MinutesUntilOpen(core::MinuteOfWeek(6, 18, 0)) ==
        6 * 24 * 60 + 15 * 60);  // next Sunday, across the week's end
  CHECK(core::MinuteOfWeek(7, 0, 0) == 0);
  CHECK(core::MinuteOfWeek(0, 0, -1) == core::kMinutesPerWeek - 1);

  auto error = [](const char* text) { return core::ParseOpeningHours(text).GetError(); };
  CHECK(error("").find("no opening hours") != std::string::npos);
  CHECK(error("Mon-Sun").find("needs days and times") != std::string::npos);
  CHECK(error("Mnd 09:00-18:00") == "hours: \"Mnd\" is not a day or a range of days (Mon Tue Wed Thu Fri Sat Sun)");
  CHECK(error("Mon 9-18") == "hours: \"9-18\" is not a time span HH:MM-HH:MM");
  CHECK(error("Mon 09:60-10:00").find("not a time span") != std::string::npos);
  CHECK(error("Mon 24:30-25:00").find("not a time span") != std::string::npos);
  CHECK(error("Mon 18:00-09:00").find("ends before it starts") != std::string::npos);
  CHECK_FALSE(core::ParseOpeningHours("Mon 18:00-09:00"));
}

TEST_CASE("Kiosk settings from the page's query or the command line") {
  CHECK(core::ParseKioskSeconds("idle", "abc").GetError() == "idle: \"abc\" is not a whole number of seconds");
  CHECK(*core::ParseKioskSeconds("idle", "120") == 120);
  CHECK(core::ParseKioskSeconds("--reload", "86400").Ok());
  CHECK(core::ParseKioskSeconds("reload", "86401").GetError() == "reload: 86401 seconds is out of range (10 to 86400)");
  CHECK(core::ParseKioskSeconds("idle", "9").GetError() == "idle: 9 seconds is out of range (10 to 3600)");
  CHECK(core::ParseKioskSeconds("idle", "10").Ok());
  CHECK(core::ParseKioskSeconds("idle", "3600").Ok());
  for (const char* bad : {"", "-5", "1e3", "90s", " 90", "9999999999999", "90.5"})
    CHECK(core::ParseKioskSeconds("idle", bad).GetError().find("is not a whole number") != std::string::npos);
  CHECK(core::ParseKioskSeconds("slide", "2").GetError() == "slide: 2 seconds is out of range (3 to 600)");
  CHECK(core::ParseKioskSeconds("speed", "5").GetError().find("\"speed\" is not a kiosk setting") != std::string::npos);
  CHECK(core::ParseKioskSeconds("idle", std::string(500, 'x')).GetError().size() < 100);  // no flooding a log

  core::KioskSettings s;
  CHECK(s.idleSeconds == 90);
  CHECK(s.reloadSeconds == 60);
  // Each setting in turn; a mistake leaves the settings as they were and says why.
  const auto set = [&s](const char* name, const char* value) {
    auto next = core::WithKioskParameter(s, name, value);
    if (next) s = *next;
    return next ? std::string() : next.GetError();
  };
  CHECK(set("--idle", "300") == "");
  CHECK(set("reload", "30") == "");
  CHECK(set("slide", "12") == "");
  CHECK(set("idle", "zero") != "");
  CHECK(set("hours", "Tue-Sun 09:00-17:00") == "");
  CHECK(set("hours", "Tue-Sun 9") != "");
  CHECK(s.idleSeconds == 300);  // unchanged by the mistakes
  CHECK(s.reloadSeconds == 30);
  CHECK(s.slideSeconds == 12);
  REQUIRE(s.hours);
  CHECK_FALSE(s.hours->IsOpen(core::MinuteOfWeek(0, 12, 0)));
  CHECK(set("hours", "always") == "");
  CHECK_FALSE(s.hours);
}

TEST_CASE("The attract playlist: the mission, then the newest news, those with images first") {
  core::Bundle b;
  b.languages = {"sq"};
  b.mission.paragraphs.resize(1);
  b.news = {News("old-img", "2020-01-01", "a.jpg"), News("new-text", "2024-05-01", ""),
            News("mid-img", "2023-03-01", "b.jpg"), News("newest-img", "2024-06-01", "c.png"),
            News("older-text", "2021-01-01", "")};
  auto ids = [](const std::vector<core::Route>& routes) {
    std::string s;
    for (const auto& r : routes) s += (r.screen == core::Screen::Mission ? "mission" : r.id) + " ";
    return s;
  };
  CHECK(ids(core::AttractPlaylist(b, 2)) == "mission newest-img mid-img ");
  CHECK(ids(core::AttractPlaylist(b, 4)) == "mission newest-img new-text mid-img old-img ");  // newest first
  CHECK(ids(core::AttractPlaylist(b, 10)) == "mission newest-img new-text mid-img older-text old-img ");
  const auto playlist = core::AttractPlaylist(b, 1);
  REQUIRE(playlist.size() == 2);
  CHECK(core::FormatRoute(playlist[1]) == "#/news/newest-img");
  CHECK(core::FormatRoute(playlist[0]) == "#/mission");
  CHECK(ids(core::AttractPlaylist(core::Bundle{}, 5)) == "mission ");  // never empty
}
