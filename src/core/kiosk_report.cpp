// The kiosk's metrics; see kiosk_report.h.
#include "core/kiosk_report.h"

#include <cmath>
#include <cstdio>

namespace core {

void KioskCounts::Screen(const Route& route) {
  switch (route.screen) {
    case Screen::Mission: ++screens["mission"]; break;
    case Screen::News: ++screens["news"]; break;
    case Screen::Directives: ++screens["directives"]; break;
    case Screen::Search: ++screens["search"]; break;
    case Screen::NewsDetail:
      ++screens["news_item"];
      ++itemViews[{"news", route.id}];
      break;
    case Screen::DirectiveDetail:
      ++screens["directive"];
      ++itemViews[{"directive", route.id}];
      break;
    default: break;  // diagnostics, not found: nothing a museum learns from
  }
}

namespace {

// A label value as the format writes it: backslash, double quote and line feed escaped.
std::string Label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string Number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char out[32];
  std::snprintf(out, sizeof out, "%.3f", v);
  return out;
}

class Writer {
 public:
  void Family(const char* name, const char* type, const char* help) {
    m_name = name;
    m_out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
  }
  void Sample(double value, const std::string& labels = "") {
    m_out += m_name + (labels.empty() ? "" : "{" + labels + "}") + " " + Number(value) + "\n";
  }
  std::string Take() { return std::move(m_out); }

 private:
  std::string m_out, m_name;
};

}  // namespace

std::string KioskMetrics(const KioskFacts& f, const KioskCounts& c) {
  Writer w;
  w.Family("mod_kiosk_up", "gauge", "1 while the kiosk runs.");
  w.Sample(1);
  w.Family("mod_kiosk_build_info", "gauge", "The kiosk's build, as a label.");
  w.Sample(1, "version=\"" + Label(f.version) + "\"");
  w.Family("mod_kiosk_start_time_seconds", "gauge", "When the kiosk started, seconds since the epoch.");
  w.Sample(f.startTime);
  w.Family("mod_kiosk_content_items", "gauge", "Items of the content shown.");
  w.Sample(static_cast<double>(f.news), "kind=\"news\"");
  w.Sample(static_cast<double>(f.directives), "kind=\"directives\"");
  w.Family("mod_kiosk_content_updated_timestamp_seconds", "gauge", "When the content shown was taken, seconds since the epoch.");
  w.Sample(f.contentUpdated);
  w.Family("mod_kiosk_last_check_timestamp_seconds", "gauge", "When the content was last checked for a new edition.");
  w.Sample(f.lastCheck);
  w.Family("mod_kiosk_check_failures_total", "counter", "Content checks that failed (network, server, a broken edition).");
  w.Sample(static_cast<double>(f.checkFailures));
  w.Family("mod_kiosk_reloads_total", "counter", "Times the kiosk reloaded itself after a fault.");
  w.Sample(static_cast<double>(f.reloads));
  w.Family("mod_kiosk_visits_total", "counter", "Visits: wakes from the attract loop.");
  w.Sample(static_cast<double>(c.visits));
  w.Family("mod_kiosk_screens_total", "counter", "Screens visitors went to.");
  for (const char* screen : {"mission", "news", "news_item", "directives", "directive", "search"}) {
    const auto it = c.screens.find(screen);
    w.Sample(it == c.screens.end() ? 0 : static_cast<double>(it->second), std::string("screen=\"") + screen + "\"");
  }
  w.Family("mod_kiosk_item_views_total", "counter", "Items visitors opened.");
  for (const auto& [item, n] : c.itemViews)
    w.Sample(static_cast<double>(n), "kind=\"" + Label(item.first) + "\",id=\"" + Label(item.second) + "\"");
  w.Family("mod_kiosk_searches_total", "counter", "Searches visitors began.");
  w.Sample(static_cast<double>(c.searches));
  w.Family("mod_kiosk_language_switches_total", "counter", "Times visitors switched the language, by the language chosen.");
  for (const auto& [lang, n] : c.languageSwitches) w.Sample(static_cast<double>(n), "lang=\"" + Label(lang) + "\"");
  return w.Take();
}

std::string KioskName(std::string_view asked) {
  if (asked.empty() || asked.size() > 64) return "kiosk";
  for (char c : asked)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return "kiosk";
  return std::string(asked);
}

}  // namespace core
