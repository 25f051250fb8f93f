// The app's files in a published site; see app_files.h.
#include "tools/app_files.h"

#include <regex>

#include "tools/site_files.h"

namespace tools {

namespace fs = std::filesystem;

namespace {

// "boot.0123456789.js", "mod-viewer.0123456789.wasm.br": named by cmake/hash_site.py.
bool IsHashed(const std::string& name) {
  static const std::regex hashed(R"(.*\.[0-9a-f]{10}\.(js|css|wasm|ttc)(\.gz|\.br)?)");
  return std::regex_match(name, hashed);
}

}  // namespace

bool IsAppFile(const std::string& name) {
  return name == ".page.html" || name == "sw.js" || name == "sw.js.gz" || name == "sw.js.br" || IsHashed(name);
}

std::string CopyApp(const fs::path& app, const fs::path& site, size_t* copied) {
  std::error_code ec;
  if (fs::equivalent(app, site, ec)) return "";  // the build's own site
  fs::directory_iterator it(app, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type;
    if (!IsAppFile(name) || !it->is_regular_file(type)) continue;
    if (std::string problem = CopyKeepingTime(it->path(), site / name, copied); !problem.empty()) return problem;
  }
  return ec ? "cannot read " + app.string() + ": " + ec.message() : "";
}

size_t RemoveOldApp(const fs::path& app, const fs::path& site) {
  std::error_code ec;
  if (fs::equivalent(app, site, ec)) return 0;
  std::vector<fs::path> old;
  fs::directory_iterator it(site, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type, there;
    if (!IsHashed(name) || !it->is_regular_file(type)) continue;
    const bool kept = fs::exists(app / name, there);
    if (!kept && !there) old.push_back(it->path());  // a file the build cannot be asked about stays
  }
  size_t removed = 0;
  for (const fs::path& p : old) removed += fs::remove(p, ec) ? 1 : 0;
  return removed;
}

}  // namespace tools
