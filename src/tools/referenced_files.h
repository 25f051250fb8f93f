// Checks the files a loaded bundle refers to: news images and relative directive documents must
// exist inside the bundle's folder (symbolic links included), and images must decode within the
// limits. The loader cannot do this: the viewer fetches files, it never lists folders.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "tools/bundle_file.h"

namespace tools {

// Problems with positions, in the order of the lists; nothing when the bundle did not load.
std::vector<core::Diagnostic> CheckReferencedFiles(const BundleFile& file);

// What `publish` shows of the local files, into the loaded bundle: each document's type (by
// its first bytes, else its name: "PDF", "DOCX") and size where the bundle does not say them,
// and each image's size in pixels.
void AddFileFacts(BundleFile& file);

// Copies the local files the loaded bundle names (news images, directive documents) to the same
// paths under `to` (where the bundle is published), each unless a file of its size and time
// (to the second) is there: a copy keeps its original's time. Files that are missing or outside
// the bundle's folder are left (CheckReferencedFiles says why). Returns "" or what failed;
// counts the copies made in `copied`.
std::string CopyReferencedFiles(const BundleFile& file, const std::filesystem::path& to, size_t* copied = nullptr);

}  // namespace tools
