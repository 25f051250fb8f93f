// Which links and paths are allowed.
#include <doctest/doctest.h>

#include "core/links.h"

TEST_CASE("External links: https, http and mailto only") {
  CHECK(core::IsSafeExternalUrl("https://www.mod.gov.al/"));
  CHECK(core::IsSafeExternalUrl("HTTP://example.org"));
  CHECK(core::IsSafeExternalUrl("mailto:info@mod.gov.al"));
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                          "//evil.example", "https://", "https:///x", " https://x", "https://x y", "vbscript:x", "mailto:"})
    CHECK_MESSAGE(!core::IsSafeExternalUrl(bad), bad);
}

TEST_CASE("Relative paths stay inside the bundle's folder") {
  CHECK(core::IsSafeRelativePath("images/a.png"));
  CHECK(core::IsSafeRelativePath("docs/Directive 2024.pdf") == false);  // spaces must be encoded
  CHECK(core::IsSafeRelativePath("docs/directive-2024.pdf"));
  for (const char* bad : {"../a.png", "a/../../b.png", "/etc/passwd", "C:/x.png", "https://x/a.png", "a\\b.png", "",
                          "./a.png", "a//b.png", "%2e%2e/a.png", "a%2fb.png", "a.png?x", "data:image/png;base64,AA"})
    CHECK_MESSAGE(!core::IsSafeRelativePath(bad), bad);
  CHECK(core::ResolveRelative("data/bundle.json?v=2", "images/a.png") == "data/images/a.png");
  CHECK(core::ResolveRelative("bundle.json", "a.png") == "a.png");
}
