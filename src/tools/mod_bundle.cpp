// mod-bundle: the editors' tool. `validate FILE...` checks bundles and the files they refer to,
// printing each problem as FILE:LINE:COL: severity: PATH: message (with --format json, one JSON
// document for tools and CI); `stats FILE` summarises one bundle; `publish FILE --out DIR`
// writes it as a published site's content (site_content.h), `--site DIR --base-url URL` a
// page per screen into a built site (site_pages.h), and `--bundle-out FILE` the bundle itself
// as the site serves it (bundle_copy.h), with the images and documents it names beside it
// (referenced_files.h), and `--app DIR` the built app's files into the site (app_files.h); the
// bundle is checked as `validate` checks it before anything is written; only files whose bytes
// changed are written, and `--changed LIST` lists those (and any whose .gz/.br copies are
// stale) for cmake/precompress.py.
// Exit 0 when all is well, 1 when a bundle has errors, 2 on misuse.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/published.h"
#include "core/content.h"
#include "tools/app_files.h"
#include "tools/bundle_copy.h"
#include "tools/bundle_file.h"
#include "tools/bundle_stats.h"
#include "tools/diagnostics_json.h"
#include "tools/site_content.h"
#include "tools/site_pages.h"
#include "tools/referenced_files.h"

namespace {

namespace fs = std::filesystem;

int Usage() {
  std::cerr << "usage: mod-bundle validate [--format text|json] FILE...\n"
               "       mod-bundle publish FILE [--out DIR] [--site DIR --base-url URL [--reads auto|bundle|shards]]\n"
               "                               [--bundle-out FILE] [--changed LIST] [--app DIR]\n"
               "       mod-bundle stats FILE\n"
               "       mod-bundle hash FILE...   (the content hash that names published files)\n";
  return 2;
}

void PrintAll(std::ostream& out, const tools::BundleFile& file, const std::vector<core::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) tools::PrintDiagnostic(out, file.path, d);
}

// The file's problems: the loader's, then those of the files it refers to.
tools::FileReport Check(const tools::BundleFile& file) {
  tools::FileReport report{file.path, file.result.diagnostics, file.result.Ok()};
  for (core::Diagnostic& d : tools::CheckReferencedFiles(file)) report.diagnostics.push_back(std::move(d));
  for (const core::Diagnostic& d : report.diagnostics) report.valid = report.valid && d.severity != core::Severity::Error;
  return report;
}

int Validate(const std::vector<std::string>& paths, bool json) {
  std::vector<tools::FileReport> reports;
  bool ok = true;
  for (const std::string& path : paths) {
    reports.push_back(Check(tools::ReadBundleFile(path)));
    ok = ok && reports.back().valid;
    if (!json)
      for (const core::Diagnostic& d : reports.back().diagnostics) tools::PrintDiagnostic(std::cout, path, d);
  }
  if (json) tools::PrintJsonReport(std::cout, reports);
  return ok ? 0 : 1;
}

int Stats(const std::string& path) {
  const tools::BundleFile file = tools::ReadBundleFile(path);
  if (!file.result.Ok()) {
    PrintAll(std::cerr, file, file.result.diagnostics);
    return 1;
  }
  tools::PrintStats(std::cout, file);
  return 0;
}

struct PublishArgs {
  std::string file;
  std::string out;      // --out: the content (manifest, shards, search index) goes here
  std::string site;     // --site: a built site that gets a page per screen, the sitemap and the feeds
  std::string baseUrl;  // --base-url: the site's public address (pages need it)
  std::string reads = "auto";  // --reads: what the site's viewer reads, "bundle", "shards" or "auto"
  std::string bundleOut;       // --bundle-out: the bundle as the site serves it
  std::string changed;         // --changed: where to list the files to compress (written, or copies stale)
  std::string app;             // --app: the built app (build/web), whose files the site gets (app_files.h)
};

// Publishing's progress on a terminal: "publish: pages 1200 of 60000", one line rewritten; quiet
// when standard error is not a terminal (a log, CI).
class ProgressLine {
 public:
  ProgressLine() : m_on(isatty(2)) {}
  void Pages(size_t done, size_t total) {
    if (!m_on || (done / 250 == m_last / 250 && done != total)) return;
    m_last = done;
    std::cerr << "\rpublish: pages " << done << " of " << total << std::flush;
    m_shown = true;
  }
  void End() {
    if (m_shown) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  bool m_on = false, m_shown = false;
  size_t m_last = 0;
};

// Above this size a site's viewer reads the published content a part at a time; below, its one
// bundle.json: one request instead of a manifest and then a shard (scripts/bench measures both).
constexpr uintmax_t kShardAbove = 256u << 10;

// Writes the content as a published site into `out`, and/or a page per screen, the sitemap,
// robots.txt and the feeds into the built site `site`.
int Publish(PublishArgs args) {
  // The bundle is checked as `validate` checks it (the files it names too) before anything is
  // written; its warnings are shown either way.
  tools::BundleFile file = tools::ReadBundleFile(args.file);
  const tools::FileReport report = Check(file);
  PrintAll(std::cerr, file, report.diagnostics);
  if (!report.valid) {
    std::cerr << "mod-bundle publish: " << args.file << " is not valid; nothing was written\n";
    return 1;
  }
  while (!args.baseUrl.empty() && args.baseUrl.back() == '/') args.baseUrl.pop_back();
  tools::AddFileFacts(file);
  std::string problem;
  size_t copied = 0;  // files written by a copy of their own: the app's, the bundle's images and documents
  if (!args.app.empty()) problem = tools::CopyApp(args.app, args.site, &copied);  // before the pages that name its files
  if (!problem.empty()) {
    std::cerr << "mod-bundle publish: " << problem << "\n";
    return 1;
  }
  tools::SiteWriter writer;
  if (!args.bundleOut.empty()) {
    writer.Write(args.bundleOut, tools::PublishedBundleText(file));
    problem = tools::CopyReferencedFiles(file, fs::absolute(args.bundleOut).parent_path(), &copied);
  }
  writer.Copied(copied);
  std::vector<std::string> partNames;  // the content's files, once queued: the others go at the end
  // The manifest is written once everything else is: a publish stopped before it leaves the
  // earlier manifest, and the parts it names (the earlier ones go after it).
  std::optional<tools::ContentFile> manifest;
  const auto makeParts = [&](const core::Bundle& b) {
    if (args.out.empty()) return;
    std::vector<tools::ContentFile> parts = tools::PublishedContent(b);
    for (const tools::ContentFile& f : parts) partNames.push_back(f.name);
    manifest = std::move(parts.back());  // PublishedContent gives it last
    parts.pop_back();
    if (std::string failed = tools::WriteContent(parts, args.out, &writer); problem.empty()) problem = std::move(failed);
  };
  ProgressLine progress;
  if (args.site.empty()) {
    makeParts(*file.result.bundle);
  } else {
    tools::PublishOptions pages{args.site, args.baseUrl, "", [&](size_t done, size_t total) { progress.Pages(done, total); }};
    const bool shards = args.reads == "shards" || (args.reads == "auto" && file.text.size() > kShardAbove);
    if (shards && !args.out.empty()) pages.content = fs::relative(fs::absolute(args.out) / "manifest.json", fs::absolute(args.site)).generic_string();
    core::Content content(std::move(*file.result.bundle));
    // On a machine of several cores, a thread makes the content's parts (from the bundle this
    // content holds, which nothing changes) while the pages are made here, then reads the file
    // again for a content of its own and makes pages beside this one (a 128 MiB bundle's content
    // takes some 300 MB: the 88 MB archive peaks at 820-860 MB).
    std::vector<tools::ContentSource> helpers;
    std::unique_ptr<core::Content> second;
    if (std::thread::hardware_concurrency() > 1)
      helpers.push_back([&]() -> core::Content* {
        makeParts(content.Loaded());
        tools::BundleFile again = tools::ReadBundleFile(args.file);
        if (!again.result.Ok()) return nullptr;
        tools::AddFileFacts(again);
        second = std::make_unique<core::Content>(std::move(*again.result.bundle));
        return second.get();
      });
    else
      makeParts(content.Loaded());
    const std::string pagesProblem = tools::PublishPages(content, pages, &writer, helpers);
    if (problem.empty()) problem = pagesProblem;
  }
  progress.End();
  if (problem.empty()) problem = writer.Wait();
  if (problem.empty() && manifest) {
    writer.Write(fs::path(args.out) / manifest->name, manifest->bytes);
    problem = writer.Wait();
  }
  if (problem.empty() && !args.out.empty()) tools::RemoveOldParts(partNames, args.out, writer);
  if (problem.empty() && !args.app.empty()) writer.Removed(tools::RemoveOldApp(args.app, args.site));
  if (problem.empty() && !args.changed.empty()) {
    std::string list;
    for (const fs::path& p : writer.ToCompress()) list += p.string() + "\n";
    if (tools::WriteIfChanged(args.changed, list) == tools::WriteResult::Failed) problem = "cannot write " + args.changed;
  }
  if (!problem.empty()) {
    std::cerr << "mod-bundle publish: " << problem << "\n";
    return 1;
  }
  const tools::PublishCounts& n = writer.Counts();
  std::cerr << "mod-bundle publish: " << n.written << " files written, " << n.unchanged << " unchanged, " << n.removed << " removed\n";
  return 0;
}

// Prints each file's content hash (core::ContentHash), as "HASH  FILE" when there are several.
int Hash(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      std::cerr << "mod-bundle hash: cannot read " << path << "\n";
      return 1;
    }
    std::cout << core::ContentHash(bytes.str()) << (paths.size() > 1 ? "  " + path : "") << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "validate") {
    std::vector<std::string> files(argv + 2, argv + argc);
    bool json = false;
    if (files.size() >= 2 && files[0] == "--format" && (files[1] == "json" || files[1] == "text")) {
      json = files[1] == "json";
      files.erase(files.begin(), files.begin() + 2);
    }
    if (files.empty() || files[0].rfind("--", 0) == 0) return Usage();
    return Validate(files, json);
  }
  if (command == "stats" && argc == 3) return Stats(argv[2]);
  if (command == "hash" && argc >= 3) return Hash(std::vector<std::string>(argv + 2, argv + argc));
  if (command == "publish" && argc >= 5 && argc % 2 == 1) {
    PublishArgs args{argv[2], "", "", "", "auto", "", "", ""};
    for (int i = 3; i + 1 < argc; i += 2) {
      const std::string option = argv[i];
      std::string* to = option == "--out" ? &args.out : option == "--site" ? &args.site : option == "--base-url" ? &args.baseUrl
                        : option == "--reads" ? &args.reads : option == "--bundle-out" ? &args.bundleOut
                        : option == "--changed" ? &args.changed : option == "--app" ? &args.app : nullptr;
      if (!to) return Usage();
      *to = argv[i + 1];
    }
    if ((args.out.empty() && args.site.empty() && args.bundleOut.empty()) || (!args.site.empty() && args.baseUrl.empty()) || (!args.app.empty() && args.site.empty()) ||
        (args.reads != "auto" && args.reads != "bundle" && args.reads != "shards"))
      return Usage();
    return Publish(args);
  }
  return Usage();
}
