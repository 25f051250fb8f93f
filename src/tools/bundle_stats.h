// `mod-bundle stats`: what a bundle holds at a glance (counts, date ranges, languages, tags,
// categories, missing translations), as plain text that stays the same for the same bundle.
#pragma once
#include <iosfwd>

#include "tools/bundle_file.h"

namespace tools {

// `file` must have loaded (file.result.Ok()).
void PrintStats(std::ostream& out, const BundleFile& file);

}  // namespace tools
