// The kiosk's metrics (core/kiosk_report.h): the Prometheus text format, the visitors' counts,
// the names a kiosk may report as.
#include <doctest/doctest.h>

#include <string>

#include "core/kiosk_report.h"

namespace {

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Kiosk metrics: every family with its HELP and TYPE, the facts and the counts as samples") {
  core::KioskFacts facts;
  facts.version = "v1.2-3-gabc";
  facts.startTime = 1765000000;
  facts.news = 7;
  facts.directives = 3;
  facts.contentUpdated = 1765000100;
  facts.lastCheck = 1765000160;
  facts.checkFailures = 2;
  facts.reloads = 1;
  core::KioskCounts counts;
  ++counts.visits;
  counts.Screen(core::Route::News());
  counts.Screen(core::Route::NewsDetail("museum-berzhite"));
  counts.Screen(core::Route::NewsDetail("museum-berzhite"));
  counts.Screen(core::Route::DirectiveDetail("strategy-2024"));
  counts.Screen(core::Route::NotFound("x"));  // not a screen a museum learns from
  ++counts.searches;
  counts.LanguageSwitch("en");
  const std::string m = core::KioskMetrics(facts, counts);
  for (const char* family : {"mod_kiosk_up", "mod_kiosk_build_info", "mod_kiosk_start_time_seconds", "mod_kiosk_content_items",
                             "mod_kiosk_content_updated_timestamp_seconds", "mod_kiosk_last_check_timestamp_seconds",
                             "mod_kiosk_check_failures_total", "mod_kiosk_reloads_total", "mod_kiosk_visits_total",
                             "mod_kiosk_screens_total", "mod_kiosk_item_views_total", "mod_kiosk_searches_total",
                             "mod_kiosk_language_switches_total"}) {
    CHECK_MESSAGE(Has(m, std::string("# HELP ") + family + " "), family);
    CHECK_MESSAGE(Has(m, std::string("# TYPE ") + family + " "), family);
  }
  CHECK(Has(m, "# TYPE mod_kiosk_check_failures_total counter\n"));
  CHECK(Has(m, "\nmod_kiosk_up 1\n"));
  CHECK(Has(m, "\nmod_kiosk_build_info{version=\"v1.2-3-gabc\"} 1\n"));
  CHECK(Has(m, "\nmod_kiosk_start_time_seconds 1765000000\n"));
  CHECK(Has(m, "\nmod_kiosk_content_items{kind=\"news\"} 7\n"));
  CHECK(Has(m, "\nmod_kiosk_content_items{kind=\"directives\"} 3\n"));
  CHECK(Has(m, "\nmod_kiosk_check_failures_total 2\n"));
  CHECK(Has(m, "\nmod_kiosk_visits_total 1\n"));
  CHECK(Has(m, "\nmod_kiosk_screens_total{screen=\"news_item\"} 2\n"));
  CHECK(Has(m, "\nmod_kiosk_screens_total{screen=\"search\"} 0\n"));  // every screen, counted or not
  CHECK(Has(m, "\nmod_kiosk_item_views_total{kind=\"news\",id=\"museum-berzhite\"} 2\n"));
  CHECK(Has(m, "\nmod_kiosk_item_views_total{kind=\"directive\",id=\"strategy-2024\"} 1\n"));
  CHECK(Has(m, "\nmod_kiosk_language_switches_total{lang=\"en\"} 1\n"));
  CHECK(m.back() == '\n');
}

TEST_CASE("Kiosk metrics: label values are escaped, names are checked") {
  core::KioskFacts facts;
  facts.version = "a\"b\\c\nd";
  core::KioskCounts counts;
  counts.Screen(core::Route::NewsDetail("quote\"id"));
  const std::string m = core::KioskMetrics(facts, counts);
  CHECK(Has(m, "version=\"a\\\"b\\\\c\\nd\""));
  CHECK(Has(m, "id=\"quote\\\"id\""));
  CHECK(core::KioskName("museum-1_A") == "museum-1_A");
  for (const char* bad : {"", "a b", "museum/1", "ë", "x\"y"}) CHECK(core::KioskName(bad) == "kiosk");
  CHECK(core::KioskName(std::string(64, 'k')) == std::string(64, 'k'));
  CHECK(core::KioskName(std::string(65, 'k')) == "kiosk");
}
