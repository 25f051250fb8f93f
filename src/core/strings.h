// Interface strings in Albanian and English. Content comes from the bundle; these are the
// words of the interface itself.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class Str {
  Mission, News, Directives, Search, Diagnostics, Language, Loading, Retry, ErrorTitle, NotFoundTitle,
  NotFoundText, Back, Date, Title, Category, SortBy, OpenDocument, OpenLink, NoNews, NoDirectives,
  SkippedItems, Tags, ReadMore, SiteTitleFallback, Summary, Where, Newest, Oldest, NoProblems, ErrorWord,
  WarningWord, SeeDiagnostics, ImageUnavailable, SearchHint, SearchPrompt, Results, NoResults, NewsItem,
  DirectiveItem, CopyLink, LinkCopied, AllYears, AllCategories, TouchToExplore, ScanToOpen, FirstShown, WaitingForContent,
  WaitingNote, LoadingOlderNews, LoadingNewsOfYear, LoadingText, LoadingItem, LoadingDirectives, Searching,
  PartFailed, MoreResults, Documents, Changes, TextView, TextSize, LowVision, Share, Newer, Older, PageOf, Filters, Count
};

// The string for `lang` ("sq" or "en"; anything else gets English). Never null.
const char* Tr(Str s, std::string_view lang);

// A count as the language writes it: "20,000" in English, "20 000" in Albanian (a no-break
// space, and four digits stay together: "5000"), as CLDR gives them. Other languages: English.
std::string FormatCount(size_t n, std::string_view lang);

// A file's size as the language writes it: "147 KB", "1.2 MB" / "147 KB", "1,2 MB".
std::string FormatSize(uint64_t bytes, std::string_view lang);

// The name of a language in that language ("Shqip", "English"); the code itself when unknown.
std::string_view LanguageName(std::string_view code);

// Every code point above U+007F in the interface strings and language names, ascending.
std::vector<char32_t> InterfaceCodePoints();

}  // namespace core
