// mod-bundle: the editors' tool. `validate FILE...` checks bundles and prints each problem as
// FILE:LINE:COL: severity: PATH: message; exit 0 when all are valid, 1 when not, 2 on misuse.
#include <fstream>
#include <iostream>
#include <string>

#include "core/bundle_loader.h"
#include "core/limits.h"

namespace {

int Usage() {
  std::cerr << "usage: mod-bundle validate FILE...\n";
  return 2;
}

bool ValidateFile(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cout << file << ":0:0: error: cannot open the file\n";
    return false;
  }
  std::string text(core::limits::kMaxFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  const core::LoadResult result = core::LoadBundle(text);
  bool ok = result.Ok();
  for (const auto& d : result.diagnostics) {
    const bool error = d.severity == core::Severity::Error;
    ok = ok && !error;
    std::cout << file << ":" << d.line << ":" << d.column << ": " << (error ? "error" : "warning") << ": "
              << (d.path.empty() ? "" : d.path + ": ") << d.message << "\n";
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]) != "validate") return Usage();
  bool ok = true;
  for (int i = 2; i < argc; ++i) ok = ValidateFile(argv[i]) && ok;
  return ok ? 0 : 1;
}
