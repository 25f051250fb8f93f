// The app's files in a published site; see app_files.h.
#include "tools/app_files.h"

#include <regex>

#include "tools/site_files.h"

namespace tools {

namespace fs = std::filesystem;

namespace {

// "boot.0123456789.js", "mod-viewer.0123456789.wasm.br": named by cmake/hash_site.py.
bool IsHashed(const std::string& name) {
  static const std::regex hashed(R"(.*\.[0-9a-f]{10}\.(js|css|wasm|data)(\.gz|\.br)?)");
  return std::regex_match(name, hashed);
}

}  // namespace

bool IsAppFile(const std::string& name) {
  return name == ".page.html" || name == "sw.js" || name == "sw.js.gz" || name == "sw.js.br" || IsHashed(name);
}

std::string CopyApp(const fs::path& app, const fs::path& site) {
  std::error_code ec;
  if (fs::equivalent(app, site, ec)) return "";  // the build's own site
  for (const fs::directory_entry& e : fs::directory_iterator(app, ec)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file(ec) || !IsAppFile(name)) continue;
    if (std::string problem = CopyKeepingTime(e.path(), site / name); !problem.empty()) return problem;
  }
  return ec ? "cannot read " + app.string() + ": " + ec.message() : "";
}

size_t RemoveOldApp(const fs::path& app, const fs::path& site) {
  std::error_code ec;
  if (fs::equivalent(app, site, ec)) return 0;
  std::vector<fs::path> old;
  for (const fs::directory_entry& e : fs::directory_iterator(site, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && IsHashed(name) && !fs::exists(app / name, ec)) old.push_back(e.path());
  }
  size_t removed = 0;
  for (const fs::path& p : old) removed += fs::remove(p, ec) ? 1 : 0;
  return removed;
}

}  // namespace tools
