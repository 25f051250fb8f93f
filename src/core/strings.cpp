// The interface string table.
#include "core/strings.h"

#include <algorithm>

#include "core/text.h"

namespace core {

namespace {

struct Entry {
  const char* sq;
  const char* en;
};

// One row per Str, in enum order.
constexpr Entry kStrings[] = {
    {"Misioni", "Mission"},
    {"Lajme", "News"},
    {"Direktiva", "Directives"},
    {"Kërko", "Search"},
    {"Diagnostikim", "Diagnostics"},
    {"Gjuha", "Language"},
    {"Duke u ngarkuar…", "Loading…"},
    {"Provo përsëri", "Try again"},
    {"Përmbajtja nuk mund të ngarkohet", "The content could not be loaded"},
    {"Faqja nuk u gjet", "Page not found"},
    {"Kjo adresë nuk të çon në asnjë faqe të këtij botimi.", "This address does not lead to any page of this publication."},
    {"Kthehu", "Back"},
    {"Data", "Date"},
    {"Titulli", "Title"},
    {"Kategoria", "Category"},
    {"Rendit sipas", "Sort by"},
    {"Hap dokumentin", "Open the document"},
    {"Hap lidhjen", "Open the link"},
    {"Nuk ka lajme.", "There is no news."},
    {"Nuk ka direktiva.", "There are no directives."},
    {"Elementë të lënë jashtë për shkak të gabimeve", "Items left out because of errors"},
    {"Etiketa", "Tags"},
    {"Lexo më shumë", "Read more"},
    {"Ministria e Mbrojtjes", "Ministry of Defence"},
    {"Përmbledhje", "Summary"},
    {"Ku", "Where"},
    {"Më të rejat", "Newest first"},
    {"Më të vjetrat", "Oldest first"},
    {"Nuk u gjet asnjë problem.", "No problems were found."},
    {"gabim", "error"},
    {"paralajmërim", "warning"},
    {"Shiko diagnostikimin", "See the diagnostics"},
    {"Imazhi nuk mund të shfaqet", "The image cannot be shown"},
    {"Kërko lajme dhe direktiva…", "Search news and directives…"},
    {"Shkruani një fjalë për të kërkuar në lajme dhe direktiva.", "Type a word to search the news and directives."},
    {"Rezultate për", "Results for"},
    {"Asgjë nuk u gjet për", "Nothing was found for"},
    {"Lajm", "News"},
    {"Direktivë", "Directive"},
    {"Kopjo lidhjen", "Copy link"},
    {"Lidhja u kopjua", "Link copied"},
    {"Të gjitha vitet", "All years"},
    {"Të gjitha kategoritë", "All categories"},
    {"Prekni ekranin për të eksploruar", "Touch the screen to explore"},
    {"Skanojeni me telefonin për ta hapur", "Scan with your phone to open it"},
    {"(shfaqen {} të parat)", "(the first {} are shown)"},
    {"Në pritje të përmbajtjes", "Waiting for content"},
    {"Përmbajtja do të shfaqet sapo të mbërrijë.", "The content will appear as soon as it arrives."},
    // A published archive's parts on their way ({} is "1 234 nga 20 000" / "1,234 of 20,000").
    {"Duke ngarkuar lajmet më të vjetra… ({})", "Loading older news… ({})"},
    {"Duke ngarkuar lajmet e vitit {}…", "Loading the news of {}…"},
    {"Duke ngarkuar tekstin e plotë…", "Loading the full text…"},
    {"Duke kërkuar këtë faqe në arkiv…", "Looking for this page in the archive…"},
    {"Duke ngarkuar direktivat… ({})", "Loading the directives… ({})"},
    {"Duke kërkuar…", "Searching…"},
    {"Një pjesë e arkivit nuk mund të ngarkohet ({}). Gjithçka tjetër mbetet.", "A part of the archive could not be loaded ({}). Everything else stays."},
    {"Shfaq më shumë rezultate", "Show more results"},
    {"Dokumentet", "Documents"},
    {"Historia e ndryshimeve", "History of changes"},
    // The visitor's ways of reading: the screen as a page of text, its size ({} is "150%"), and
    // the kiosk's one control for visitors with low vision.
    {"Pamje me tekst", "Text view"},
    {"Madhësia e tekstit {}", "Text size {}"},
    {"Tekst i madh, kontrast i lartë", "Large text, high contrast"},
    {"Ndaj", "Share"},
    // A published list's pages: the links between them and where this one is ({}: "2 of 40").
    {"Më të rejat", "Newer"},
    {"Më të vjetrat", "Older"},
    {"Faqja {}", "Page {}"},
    // The news's tags, behind one control ({}: how many are chosen, "" when none).
    {"Filtrat{}", "Filters{}"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<size_t>(Str::Count), "one row per Str");

}  // namespace

const char* Tr(Str s, std::string_view lang) {
  const Entry& e = kStrings[static_cast<size_t>(s)];
  return lang == "sq" ? e.sq : e.en;
}

namespace {
constexpr const char* kKnownLanguages[] = {"sq", "en", "it", "fr", "de"};
}  // namespace

std::string FormatSize(uint64_t bytes, std::string_view lang) {
  if (bytes < 1000) return FormatCount(static_cast<size_t>(bytes), lang) + " B";
  if (bytes < 1000000) return FormatCount(static_cast<size_t>((bytes + 500) / 1000), lang) + " KB";
  const uint64_t tenths = (bytes + 50000) / 100000;  // of a megabyte
  return FormatCount(static_cast<size_t>(tenths / 10), lang) + (lang == "sq" ? "," : ".") + std::to_string(tenths % 10) + " MB";
}

std::string FormatCount(size_t n, std::string_view lang) {
  const std::string digits = std::to_string(n);
  const bool albanian = lang == "sq";
  if (digits.size() <= 3 || (albanian && digits.size() <= 4)) return digits;
  const std::string_view separator = albanian ? "\u00A0" : ",";
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string_view LanguageName(std::string_view code) {
  if (code == "sq") return "Shqip";
  if (code == "en") return "English";
  if (code == "it") return "Italiano";
  if (code == "fr") return "Français";
  if (code == "de") return "Deutsch";
  return code;
}

std::vector<char32_t> InterfaceCodePoints() {
  std::vector<char32_t> out;
  const auto add = [&](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const char32_t cp = DecodeUtf8(s, i);
      if (cp >= 0x80) out.push_back(cp);
    }
  };
  for (const Entry& e : kStrings) {
    add(e.sq);
    add(e.en);
  }
  for (const char* code : kKnownLanguages) add(LanguageName(code));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace core
