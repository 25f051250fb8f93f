// Kiosk timing, opening hours, settings and the attract playlist; see kiosk.h.
#include "core/kiosk.h"

#include <algorithm>
#include <cmath>

#include "core/timeline.h"

namespace core {
namespace {

constexpr const char* kDays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits at `sep`, trimming each part.
std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    const size_t end = s.find(sep, at);
    parts.push_back(Trim(s.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at)));
    if (end == std::string_view::npos) return parts;
    at = end + 1;
  }
}

// Quoted for a message, cut short so that a hostile parameter cannot flood a log.
std::string Quote(std::string_view s) {
  return "\"" + std::string(s.substr(0, 40)) + (s.size() > 40 ? "...\"" : "\"");
}

int ParseDay(std::string_view s) {
  if (s.size() != 3) return -1;
  for (int d = 0; d < 7; ++d) {
    bool same = true;
    for (int i = 0; i < 3; ++i) same = same && (s[i] | 0x20) == kDays[d][i];
    if (same) return d;
  }
  return -1;
}

// "9:30" or "09:30" to minutes of the day; 24:00 is the end of the day. -1 when malformed.
int ParseTime(std::string_view s) {
  const size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return -1;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != colon && (s[i] < '0' || s[i] > '9')) return -1;
  const int hour = colon == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
  const int minute = (s[colon + 1] - '0') * 10 + (s[colon + 2] - '0');
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return -1;
  return hour * 60 + minute;
}

float Smoothstep(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return static_cast<float>(t * t * (3 - 2 * t));
}

}  // namespace

int MinuteOfWeek(int weekday, int hour, int minute) {
  const int m = (weekday * 24 + hour) * 60 + minute;
  return ((m % kMinutesPerWeek) + kMinutesPerWeek) % kMinutesPerWeek;
}

bool OpeningHours::IsOpen(int minuteOfWeek) const {
  const int m = MinuteOfWeek(0, 0, minuteOfWeek);
  for (const auto& span : open)
    if (m >= span.first && m < span.second) return true;
  return false;
}

int OpeningHours::MinutesUntilOpen(int minuteOfWeek) const {
  if (open.empty()) return -1;
  const int m = MinuteOfWeek(0, 0, minuteOfWeek);
  if (IsOpen(m)) return 0;
  for (const auto& span : open)
    if (span.first > m) return span.first - m;
  return open.front().first + kMinutesPerWeek - m;
}

Parsed<OpeningHours> ParseOpeningHours(std::string_view text) {
  const std::string example = " (as in \"Mon-Fri 09:00-18:00; Sat 10:00-14:00\")";
  std::vector<std::pair<int, int>> spans;
  for (std::string_view rule : Split(text, ';')) {
    if (rule.empty()) continue;
    const size_t space = rule.find_first_of(" \t");
    if (space == std::string_view::npos)
      return Parsed<OpeningHours>::Fail("hours: " + Quote(rule) + " needs days and times" + example);
    bool days[7] = {};
    for (std::string_view part : Split(rule.substr(0, space), ',')) {
      const size_t dash = part.find('-');
      const int first = ParseDay(part.substr(0, dash));
      const int last = dash == std::string_view::npos ? first : ParseDay(part.substr(dash + 1));
      if (first < 0 || last < 0)
        return Parsed<OpeningHours>::Fail("hours: " + Quote(part) + " is not a day or a range of days (Mon Tue Wed Thu Fri Sat Sun)");
      for (int d = first;; d = (d + 1) % 7) {  // Sat-Mon wraps around the week
        days[d] = true;
        if (d == last) break;
      }
    }
    for (std::string_view span : Split(Trim(rule.substr(space)), ',')) {
      const size_t dash = span.find('-');
      const int start = ParseTime(span.substr(0, dash));
      const int end = dash == std::string_view::npos ? -1 : ParseTime(span.substr(dash + 1));
      if (start < 0 || end < 0) return Parsed<OpeningHours>::Fail("hours: " + Quote(span) + " is not a time span HH:MM-HH:MM");
      if (end <= start)
        return Parsed<OpeningHours>::Fail("hours: " + Quote(span) + " ends before it starts (hours past midnight belong to the next day)");
      for (int d = 0; d < 7; ++d)
        if (days[d]) spans.emplace_back(d * 24 * 60 + start, d * 24 * 60 + end);
    }
  }
  if (spans.empty()) return Parsed<OpeningHours>::Fail("hours: no opening hours given" + example);
  std::sort(spans.begin(), spans.end());
  OpeningHours hours;
  for (const auto& span : spans) {  // merge overlapping and touching spans
    if (!hours.open.empty() && span.first <= hours.open.back().second)
      hours.open.back().second = std::max(hours.open.back().second, span.second);
    else
      hours.open.push_back(span);
  }
  return Parsed<OpeningHours>::Ok(std::move(hours));
}

Parsed<double> ParseKioskSeconds(std::string_view name, std::string_view value) {
  if (name.substr(0, 2) == "--") name.remove_prefix(2);
  int low = 0, high = 0;
  if (name == "idle") {
    low = 10, high = 3600;
  } else if (name == "reload") {
    low = 10, high = 86400;
  } else if (name == "slide") {
    low = 3, high = 600;
  } else {
    return Parsed<double>::Fail(Quote(name) + " is not a kiosk setting in seconds (idle, reload, slide)");
  }
  const std::string prefix = std::string(name) + ": ";
  bool digits = !value.empty() && value.size() <= 9;
  long long n = 0;
  for (char c : value) {
    digits = digits && c >= '0' && c <= '9';
    if (digits) n = n * 10 + (c - '0');
  }
  if (!digits) return Parsed<double>::Fail(prefix + Quote(value) + " is not a whole number of seconds");
  if (n < low || n > high)
    return Parsed<double>::Fail(prefix + std::to_string(n) + " seconds is out of range (" + std::to_string(low) + " to " +
                   std::to_string(high) + ")");
  return Parsed<double>::Ok(static_cast<double>(n));
}

Parsed<KioskSettings> WithKioskParameter(KioskSettings settings, std::string_view name, std::string_view value) {
  if (name.substr(0, 2) == "--") name.remove_prefix(2);
  if (name == "hours") {
    if (Trim(value).empty() || Trim(value) == "always") {
      settings.hours.reset();
      return Parsed<KioskSettings>::Ok(std::move(settings));
    }
    Parsed<OpeningHours> hours = ParseOpeningHours(value);
    if (!hours) return Parsed<KioskSettings>::Fail(hours.GetError());
    settings.hours = std::move(*hours);
    return Parsed<KioskSettings>::Ok(std::move(settings));
  }
  const Parsed<double> s = ParseKioskSeconds(name, value);
  if (!s) return Parsed<KioskSettings>::Fail(s.GetError());
  if (name == "idle") settings.idleSeconds = *s;
  if (name == "reload") settings.reloadSeconds = *s;
  if (name == "slide") settings.slideSeconds = *s;
  return Parsed<KioskSettings>::Ok(std::move(settings));
}

KioskClock::KioskClock(KioskSettings settings, double now)
    : m_settings(std::move(settings)), m_lastTouch(now), m_nextReload(now + m_settings.reloadSeconds) {}

bool KioskClock::Touch(double now) {
  m_lastTouch = std::max(m_lastTouch, now);
  return m_mode != KioskMode::Interactive;
}

KioskState KioskClock::Update(double now, std::optional<int> minuteOfWeek) {
  KioskState s;
  const bool open = !m_settings.hours || !minuteOfWeek || m_settings.hours->IsOpen(*minuteOfWeek);
  const double idleAt = m_lastTouch + m_settings.idleSeconds;
  s.mode = now < idleAt ? KioskMode::Interactive : open ? KioskMode::Attract : KioskMode::Blank;
  s.entered = s.mode != m_mode;
  m_mode = s.mode;
  if (s.mode == KioskMode::Interactive) {
    s.wakeIn = idleAt - now;
  } else if (s.mode == KioskMode::Blank) {
    s.wakeIn = 60;  // minutes of the week are whole: look again in a minute
  } else {
    if (s.entered) m_attractStart = now;  // the loop starts from its first slide
    const double slide = std::max(m_settings.slideSeconds, 0.1);
    const double fade = std::clamp(m_settings.fadeSeconds, 0.0, slide / 2);
    s.attractSeconds = now - m_attractStart;
    const double index = std::floor(s.attractSeconds / slide);
    const double within = s.attractSeconds - index * slide;
    s.slide = static_cast<size_t>(std::fmod(index, static_cast<double>(m_slides)));
    s.nextSlide = (s.slide + 1) % m_slides;
    if (m_slides > 1 && fade > 0 && within >= slide - fade) {
      s.fade = Smoothstep((within - (slide - fade)) / fade);
      s.wakeIn = 0;
    } else {
      s.wakeIn = (m_slides > 1 ? slide - fade : slide) - within;
    }
  }
  if (m_settings.hours && s.mode != KioskMode::Blank) s.wakeIn = std::min(s.wakeIn, 60.0);  // closing time
  s.wakeIn = std::max(0.0, std::min(s.wakeIn, m_nextReload - now));
  return s;
}

bool KioskClock::ReloadDue(double now) {
  if (now < m_nextReload) return false;
  m_nextReload = now + m_settings.reloadSeconds;
  return true;
}

PixelOffset KioskClock::BurnInOffset(double now) const {
  // Two sines of periods 29 and 37 steps trace a Lissajous figure that visits most of the
  // square before it repeats (1073 steps); amplitude * 2 pi / 29 < 1 keeps each move to 1 px.
  const double step = std::floor(now / std::max(m_settings.burnInStepSeconds, 1.0));
  const double a = std::clamp(m_settings.burnInPixels, 0, 4);
  const double twoPi = 6.283185307179586;
  return {static_cast<float>(std::round(a * std::sin(twoPi * std::fmod(step, 29.0) / 29))),
          static_cast<float>(std::round(a * std::cos(twoPi * std::fmod(step, 37.0) / 37)))};
}

float KioskTextZoom(float cssHeight) { return std::clamp(cssHeight / 720.0f, 1.0f, 3.0f); }

std::vector<Route> AttractPlaylist(const Bundle& bundle, size_t newsCount) {
  std::vector<Route> playlist;
  if (!bundle.mission.paragraphs.empty() || !bundle.mission.title.Empty()) playlist.push_back(Route::Mission());
  const std::vector<size_t> newest = NewsNewestFirst(bundle.news);
  std::vector<bool> chosen(bundle.news.size(), false);
  size_t count = 0;
  for (int withImage = 1; withImage >= 0; --withImage)
    for (size_t i : newest)
      if (count < newsCount && !chosen[i] && bundle.news[i].image.Empty() != (withImage == 1)) {
        chosen[i] = true;
        ++count;
      }
  for (size_t i : newest) {
    if (!chosen[i]) continue;
    playlist.push_back(Route::NewsDetail(bundle.news[i].id));
  }
  if (playlist.empty()) playlist.push_back(Route::Mission());  // something to show, even for an empty bundle
  return playlist;
}

}  // namespace core
