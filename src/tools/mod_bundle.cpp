// mod-bundle: the editors' tool. `validate FILE...` checks bundles and the files they refer to,
// printing each problem as FILE:LINE:COL: severity: PATH: message; `stats FILE` summarises one
// bundle. Exit 0 when all is well, 1 when a bundle has errors, 2 on misuse.
#include <iostream>
#include <string>

#include "tools/bundle_file.h"
#include "tools/bundle_stats.h"
#include "tools/referenced_files.h"

namespace {

int Usage() {
  std::cerr << "usage: mod-bundle validate FILE...\n"
               "       mod-bundle stats FILE\n";
  return 2;
}

bool PrintAll(std::ostream& out, const tools::BundleFile& file, const std::vector<core::Diagnostic>& diagnostics) {
  bool ok = true;
  for (const auto& d : diagnostics) {
    ok = ok && d.severity != core::Severity::Error;
    tools::PrintDiagnostic(out, file.path, d);
  }
  return ok;
}

bool Validate(const std::string& path) {
  const tools::BundleFile file = tools::ReadBundleFile(path);
  const bool loaded = PrintAll(std::cout, file, file.result.diagnostics) && file.result.Ok();
  return PrintAll(std::cout, file, tools::CheckReferencedFiles(file)) && loaded;
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

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "validate" && argc >= 3) {
    bool ok = true;
    for (int i = 2; i < argc; ++i) ok = Validate(argv[i]) && ok;
    return ok ? 0 : 1;
  }
  if (command == "stats" && argc == 3) return Stats(argv[2]);
  return Usage();
}
