// The built app inside a published site (`mod-bundle publish --app DIR`): the page template
// (.page.html), the service worker (sw.js) and the content-hashed program files
// ("boot.0123456789.js"), each with its .gz/.br copies. The new ones are copied in before any
// page that names them is written, and an earlier build's go only once the whole site is
// written, so that a publish stopped halfway leaves every page with the files it names.
#pragma once
#include <filesystem>
#include <string>

namespace tools {

// Whether a file of a site's root folder, by its name, is one of the app's.
bool IsAppFile(const std::string& name);

// Copies the app's files of `app` (a built site: build/web) into `site`, each unless a file
// of its size and time is there; a copy keeps its original's time (its copies stay fresh).
// Returns "" or what failed; counts the copies made in `copied`.
std::string CopyApp(const std::filesystem::path& app, const std::filesystem::path& site, size_t* copied = nullptr);

// Removes the content-hashed files of `site` that `app` does not have (an earlier build's);
// returns how many.
size_t RemoveOldApp(const std::filesystem::path& app, const std::filesystem::path& site);

}  // namespace tools
