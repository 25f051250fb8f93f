// Case and diacritic folding for search ("berzhite" finds "Bërzhitë") and collation keys for
// sorting titles; in Albanian the alphabet's own order (c < ç < d < dh < e < ë ... zh).
#pragma once
#include <string>
#include <string_view>

namespace core {

// Lower case without diacritics, for Latin scripts (Latin-1 and Latin Extended-A); other
// characters are kept as they are. Output is UTF-8.
std::string Fold(std::string_view s);
// Folds one code point (lower case, no diacritics); returns it unchanged when it has no folding.
char32_t FoldCodePoint(char32_t cp);

// A byte string whose plain comparison orders texts for `lang`: "sq" follows the Albanian
// alphabet with its digraphs as letters; everything else the folded Latin order.
std::string CollationKey(std::string_view s, std::string_view lang);

}  // namespace core
