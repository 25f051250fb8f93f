// The bundle.json a published site serves: the editor's file as written, with what `publish`
// learnt of its local files (each document's type and size, referenced_files.h) written into
// the document objects that lacked them, and without the characters no output may carry
// (core::IsHostile), which the loader warned of.
#pragma once
#include <string>
#include <string_view>

#include "tools/bundle_file.h"

namespace tools {

// `file`'s text so: its bundle must have loaded, with AddFileFacts done.
std::string PublishedBundleText(const BundleFile& file);

// JSON text without hostile characters in its strings, written as themselves or as escapes
// (\u0007, \u202E, \b, \f, \r); everything else byte for byte. `json` is well-formed.
std::string WithoutHostileJson(std::string_view json);

}  // namespace tools
