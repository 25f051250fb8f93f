// `mod-bundle publish --out DIR`: a bundle's content as a published site (core/published.h,
// docs/published-site.md): the manifest, the tables of the parts, headline and full shards and
// the search index in chunks, every file but the manifest named by its content's hash. Written with nlohmann/json;
// the same bundle always gives the same bytes.
#pragma once
#include <string>
#include <vector>

#include "core/bundle.h"
#include "tools/site_files.h"

namespace tools {

// Where shards close. Chosen by measurement (docs/published-site.md): a headline shard of
// ~24 KB is ~30 rows (more than a screenful of scrolling ahead, ~6 KB gzip; a search's best
// hits, one or two a shard, cost half the bytes of 48 KB shards), a full shard of ~128 KB
// (~35 KB gzip) opens a detail in well under a second on a 1.6 Mbit/s link, and a search chunk
// closes from 7,500 postings on (half Pagefind's: a prefix typed on the way spans fewer bytes).
struct ContentOptions {
  size_t headlineBytes = 24u << 10;
  size_t fullBytes = 128u << 10;
  size_t chunkPostings = 10000;
};

struct ContentFile {
  std::string name;   // "manifest.json", "news-0123456789abcdef.json", ...
  std::string bytes;
};

// The files, the manifest last.
std::vector<ContentFile> PublishedContent(const core::Bundle& bundle, const ContentOptions& options = {});

// Writes them into `dir` (created when missing), the manifest last and by rename, so that a
// reader never finds a manifest whose files are not there yet; then removes the shards of an
// earlier publication that the new manifest no longer names. A file that holds its bytes already
// is not written again. Returns "" or what went wrong. With `writer` (shared with other work)
// they are only queued: once it has written them (SiteWriter::Wait), RemoveOldParts removes the
// files of an earlier publication that are not among their `names`.
std::string WriteContent(const std::vector<ContentFile>& files, const std::string& dir, SiteWriter* writer = nullptr);
void RemoveOldParts(const std::vector<std::string>& names, const std::string& dir, SiteWriter& writer);

}  // namespace tools
