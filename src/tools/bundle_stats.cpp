// Counting and listing for `mod-bundle stats`. Lists are sorted (counts first, then names in the
// bundle's default language's order) so that the output can be compared between runs.
#include "tools/bundle_stats.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/collate.h"

namespace tools {

namespace {

template <class Item>
std::string DateRange(const std::vector<Item>& items) {
  if (items.empty()) return "none";
  const auto [first, last] =
      std::minmax_element(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.date < b.date; });
  return core::FormatIsoDate(first->date) + " to " + core::FormatIsoDate(last->date);
}

void PrintCounts(std::ostream& out, const char* heading, const std::map<std::string, int>& counts,
                 const std::string& lang) {
  out << heading << ": " << (counts.empty() ? "none" : std::to_string(counts.size())) << "\n";
  std::vector<std::pair<std::string, int>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return core::CollationKey(a.first, lang) < core::CollationKey(b.first, lang);
  });
  const size_t width = sorted.empty() ? 0 : std::to_string(sorted.front().second).size();
  for (const auto& [name, count] : sorted) {
    const std::string n = std::to_string(count);
    out << "  " << std::string(width - n.size(), ' ') << n << "  " << name << "\n";
  }
}

// "title, body" for the texts of `item` that exist but have nothing in `lang`.
template <class Item>
std::string MissingFields(const Item& item, const std::string& lang) {
  std::string out;
  const std::pair<const char*, const core::Text*> fields[] = {
      {"title", &item.title}, {"summary", &item.summary}, {"body", &item.body}};
  for (const auto& [name, text] : fields) {
    if (text->Empty() || text->Has(lang)) continue;
    out += (out.empty() ? "" : ", ") + std::string(name);
  }
  return out;
}

void PrintMissingTranslations(std::ostream& out, const core::Bundle& bundle) {
  out << "missing translations:\n";
  for (const auto& lang : bundle.languages) {
    std::vector<std::string> lines;
    for (const auto& n : bundle.news)
      if (auto fields = MissingFields(n, lang); !fields.empty()) lines.push_back("news " + n.id + ": " + fields);
    for (const auto& d : bundle.directives)
      if (auto fields = MissingFields(d, lang); !fields.empty()) lines.push_back("directive " + d.id + ": " + fields);
    const std::string count = std::to_string(lines.size()) + (lines.size() == 1 ? " item" : " items");
    out << "  " << lang << ": " << (lines.empty() ? "none" : count) << "\n";
    for (const auto& line : lines) out << "    " << line << "\n";
  }
}

}  // namespace

void PrintStats(std::ostream& out, const BundleFile& file) {
  const core::Bundle& bundle = *file.result.bundle;
  out << "bundle: " << file.path << "\n";
  out << "languages:";
  for (size_t i = 0; i < bundle.languages.size(); ++i)
    out << (i ? ", " : " ") << bundle.languages[i] << (i == 0 ? " (default)" : "");
  out << "\n";

  size_t missionItems = 0;
  for (const auto& p : bundle.mission.paragraphs) missionItems += p.items.size();
  out << "mission: " << bundle.mission.paragraphs.size() << " paragraphs, " << missionItems << " items\n";
  // Left out = in the file but not loaded; validate says why.
  const size_t newsLeftOut = file.newsInFile - std::min(file.newsInFile, bundle.news.size());
  const size_t directivesLeftOut = file.directivesInFile - std::min(file.directivesInFile, bundle.directives.size());
  out << "news: " << bundle.news.size() << " (left out because of errors: " << newsLeftOut << ")\n";
  out << "directives: " << bundle.directives.size() << " (left out because of errors: " << directivesLeftOut << ")\n";
  out << "news dates: " << DateRange(bundle.news) << "\n";
  out << "directive dates: " << DateRange(bundle.directives) << "\n";

  std::map<std::string, int> tags, categories;
  for (const auto& n : bundle.news)
    for (const auto& t : n.tags) ++tags[t.key];
  for (const auto& d : bundle.directives)
    if (!d.category.Empty()) ++categories[d.category.key];
  PrintCounts(out, "tags", tags, bundle.DefaultLanguage());
  PrintCounts(out, "categories", categories, bundle.DefaultLanguage());
  PrintMissingTranslations(out, bundle);
}

}  // namespace tools
