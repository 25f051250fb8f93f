// What an unattended kiosk tells the people responsible for it, in the Prometheus text format
// (version 0.0.4): that it is up, its build, its content (how much, when it was taken, when it
// was last checked, how often checks failed), how often it reloaded itself after a fault, and
// what visitors did: visits, screens, items read, searches, language switches. Counts only: no
// search text, no time of any touch. The browser pushes it to a Pushgateway, the desktop writes
// it for node_exporter's textfile collector (README, "The kiosk reports in").
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/route.h"

namespace core {

// The visitors' counts, kept by the app while the kiosk runs.
struct KioskCounts {
  uint64_t visits = 0;    // wakes from the attract loop (or the blank screen)
  uint64_t searches = 0;  // searches begun (not each keystroke)
  std::map<std::string, uint64_t> screens;                             // "mission", "news", "news_item", ...
  std::map<std::pair<std::string, std::string>, uint64_t> itemViews;  // ("news" | "directive", id)
  std::map<std::string, uint64_t> languageSwitches;                    // language chosen -> times

  // A screen the visitor went to (not the kiosk's own return to its start).
  void Screen(const Route& route);
  void LanguageSwitch(const std::string& lang) { ++languageSwitches[lang]; }
};

// What the platform knows: times are seconds since the Unix epoch (0: not yet).
struct KioskFacts {
  std::string version;  // the build's
  double startTime = 0;
  size_t news = 0, directives = 0;  // items of the content shown (all of them, in or not)
  double contentUpdated = 0;        // when the content shown was taken
  double lastCheck = 0;             // when the content was last checked
  uint64_t checkFailures = 0;       // checks that failed (network, server, a broken edition)
  uint64_t reloads = 0;             // the kiosk reloaded itself after a fault
};

// The metrics, HELP and TYPE lines included, each line ending in '\n'.
std::string KioskMetrics(const KioskFacts& facts, const KioskCounts& counts);

// A kiosk's name as its metrics' instance: [A-Za-z0-9_-]{1,64}; anything else gives "kiosk".
std::string KioskName(std::string_view asked);

}  // namespace core
