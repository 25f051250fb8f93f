// Museum kiosk timing: interactive, attract loop or blank; when to check the bundle again; how
// far to shift static parts against burn-in; the attract playlist; the kiosk's settings. Pure
// logic on times the caller passes in (seconds), so tests and soak runs use an accelerated clock.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bundle.h"
#include "core/parsed.h"
#include "core/route.h"

namespace core {

constexpr int kMinutesPerWeek = 7 * 24 * 60;

// Minute of the local week, Monday 00:00 = 0. `weekday`: 0 Monday ... 6 Sunday (from a
// struct tm: (tm_wday + 6) % 7). The caller does the time zone; core never reads a clock.
int MinuteOfWeek(int weekday, int hour, int minute);

// When the museum is open: the kiosk shows a blank screen outside these hours.
struct OpeningHours {
  std::vector<std::pair<int, int>> open;  // [start, end) in minutes of the week, sorted

  bool IsOpen(int minuteOfWeek) const;
  int MinutesUntilOpen(int minuteOfWeek) const;  // 0 when open now; -1 when never open
};

// "Mon-Fri 09:00-18:00; Sat-Sun 10:00-13:00,14:00-16:00": rules separated by ';', each a list
// of days (Mon Tue Wed Thu Fri Sat Sun, any case; ranges such as Mon-Fri or Sat-Mon wrap
// around the week) separated by ',', spaces, and time spans HH:MM-HH:MM separated by ','.
// A span ends after it starts, on the same day (24:00 allowed); days not named stay closed.
Parsed<OpeningHours> ParseOpeningHours(std::string_view text);

struct KioskSettings {
  double idleSeconds = 90;            // no touch for this long: the attract loop (10..3600)
  double reloadSeconds = 60;          // the bundle is checked this often (10..86400)
  double slideSeconds = 8;            // each attract slide, its cross-fade included (3..600)
  double fadeSeconds = 1.5;           // the cross-fade at the end of each slide
  double burnInStepSeconds = 180;     // the burn-in offset moves by at most 1 px this often
  int burnInPixels = 4;               // and stays within +-this many CSS px (0..4)
  std::optional<OpeningHours> hours;  // blank outside these; none: always on
};

// Bounds and parsing of one kiosk setting from the page's query (?idle=120) or the command
// line (--idle 120). Seconds are whole numbers.
// `name`: "idle", "reload" or "slide" (a leading "--" is ignored). The error names the
// parameter: `idle: "abc" is not a whole number of seconds`.
Parsed<double> ParseKioskSeconds(std::string_view name, std::string_view value);
// `settings` with idle, reload, slide or hours set from text, or the message saying why not.
Parsed<KioskSettings> WithKioskParameter(KioskSettings settings, std::string_view name, std::string_view value);

enum class KioskMode { Interactive, Attract, Blank };

struct KioskState {
  KioskMode mode = KioskMode::Interactive;
  bool entered = false;       // the mode differs from the previous Update's (Attract: go to the start)
  size_t slide = 0;           // Attract: the playlist entry shown
  size_t nextSlide = 0;       // Attract: the entry fading in over `slide`
  float fade = 0;             // Attract: 0..1, eased, how far the cross-fade has gone
  double attractSeconds = 0;  // Attract: time since the loop began (for the invitation's pulse)
  double wakeIn = 0;          // seconds until something changes without input; 0 while fading
};

struct PixelOffset {
  float x = 0, y = 0;  // CSS px, whole numbers
};

class KioskClock {
 public:
  // Starts interactive, as if touched at `now`.
  explicit KioskClock(KioskSettings settings = {}, double now = 0);

  const KioskSettings& Settings() const { return m_settings; }
  // The attract playlist's length (at least 1; slides wrap around).
  void SetSlideCount(size_t count) { m_slides = count ? count : 1; }

  // Any input. Returns true when the screen showed the attract loop or was blank at the last
  // Update: the touch only wakes the kiosk and must not reach the interface.
  bool Touch(double now);
  // What the kiosk does at `now`. `minuteOfWeek` (MinuteOfWeek) applies the opening hours;
  // without it the screen is never blanked.
  KioskState Update(double now, std::optional<int> minuteOfWeek = std::nullopt);
  // Goes idle at once, as if the idle timeout had passed.
  void StartAttract(double now) { m_lastTouch = now - m_settings.idleSeconds; }

  // The bundle check: due once per reload interval (a call that says so schedules the next).
  double NextReload() const { return m_nextReload; }
  bool ReloadDue(double now);

  // A deterministic drift of static parts against burn-in: within +-burnInPixels, moving at
  // most 1 px on each axis per step, through many positions over a day.
  PixelOffset BurnInOffset(double now) const;

 private:
  KioskSettings m_settings;
  size_t m_slides = 1;
  double m_lastTouch = 0;
  double m_attractStart = 0;
  double m_nextReload = 0;
  KioskMode m_mode = KioskMode::Interactive;  // as reported by the last Update
};

// How much larger the kiosk draws everything than a desktop page, for reading at arm's
// length: 1 at 720 CSS px of height, 1.5 on a 1080p screen, up to 3.
float KioskTextZoom(float cssHeight);

// The attract loop's screens: the mission, then the newest `newsCount` news items, preferring
// items with images (newest first among those, filled up with the newest without).
std::vector<Route> AttractPlaylist(const Bundle& bundle, size_t newsCount = 5);

}  // namespace core
