// The fake host's deliveries; see fake_host.h.
#include "fake_host.h"

#include <algorithm>

namespace test {

bool FakeHost::Deliverable() const {
  return !hold && std::any_of(pending.begin(), pending.end(), [&](const std::string& f) { return !holding.count(f); });
}

void FakeHost::Serve() {
  if (serving || !app) return;
  serving = true;
  {
    std::vector<std::string> now, held;
    for (const std::string& f : pending) (hold || holding.count(f) ? held : now).push_back(f);
    pending = std::move(held);
    for (const std::string& f : now) {
      const auto it = content.find(f);
      if (failing.count(f) || it == content.end()) {
        app->FetchFailed(f, "HTTP 404");
        continue;
      }
      std::unique_ptr<char[]> bytes(new char[it->second.size() + 1]);
      std::copy(it->second.begin(), it->second.end(), bytes.get());
      app->Deliver(f, std::move(bytes), it->second.size());
    }
  }
  serving = false;
}

}  // namespace test
