// NativeHost; see native_host.h.
#include "platform/native_host.h"

#include <spawn.h>

#include <ctime>
#include <fstream>
#include <iostream>

#include "core/bundle_loader.h"
#include "core/limits.h"
#include "core/published.h"
#include "version.h"

extern char** environ;

namespace platform {

namespace fs = std::filesystem;

namespace {

// Reads at most limit+1 bytes so an oversized file is reported, not swallowed.
bool ReadFile(const fs::path& path, size_t limit, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path.string();
    return false;
  }
  out.assign(limit + 1, '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<size_t>(in.gcount()));
  return true;
}

size_t Signature(const std::string& text) { return std::hash<std::string>{}(text) ^ text.size(); }

}  // namespace

NativeHost::NativeHost(fs::path bundle, bool withImages)
    : m_bundle(std::move(bundle)), m_withImages(withImages), m_images([this](const std::string& p) { LoadImage(p); }) {
  m_facts.version = MODV_VERSION;
  m_facts.startTime = static_cast<double>(std::time(nullptr));
}

// Written beside and then renamed, so that the collector never reads half a file.
void NativeHost::WriteReport(const ui::App& app) {
  if (m_reportDir.empty()) return;
  const fs::path file = m_reportDir / "mod_kiosk.prom", next = m_reportDir / ".mod_kiosk.prom.tmp";
  {
    std::ofstream out(next, std::ios::binary | std::ios::trunc);
    out << app.KioskReport(m_facts);
    if (!out) {
      std::cerr << next.string() << ": the kiosk's report could not be written\n";
      return;
    }
  }
  std::error_code ec;
  fs::rename(next, file, ec);
  if (ec) std::cerr << file.string() << ": " << ec.message() << "\n";
}

void NativeHost::Load(ui::App& app) {
  m_images.Clear();
  std::string text, error;
  if (!ReadFile(m_bundle, core::limits::kMaxFileBytes, text, error)) {
    app.ShowLoadFailure("The bundle file could not be read (" + error + ").", m_bundle.string());
    return;
  }
  m_loadedSignature = Signature(text);
  core::ManifestResult result = Read(text);
  for (const auto& d : result.load.diagnostics)
    std::cerr << m_bundle.string() << ": " << (d.severity == core::Severity::Error ? "error" : "warning") << ": "
              << core::FormatDiagnostic(d) << "\n";
  app.ShowPublished(std::move(result), m_bundle.filename().string());
  if (app.HasContent()) m_facts.contentUpdated = static_cast<double>(std::time(nullptr));
  WriteReport(app);
}

// A bundle or a published site's manifest (whose files are read from its folder: Fetch).
core::ManifestResult NativeHost::Read(const std::string& text) {
  std::unique_ptr<char[]> copy(new char[std::max<size_t>(text.size(), 1)]);
  std::copy(text.begin(), text.end(), copy.get());
  return core::LoadContent(std::move(copy), text.size());
}

// A published site's file, read from the manifest's folder and handed over at once.
void NativeHost::Fetch(const std::string& file) {
  if (!m_app) return;
  std::string bytes, error;
  // The readers refuse names with a folder in them, and a file over a shard's limit.
  if (!ReadFile(m_bundle.parent_path() / file, core::limits::kMaxShardBytes, bytes, error)) {
    m_app->FetchFailed(file, error);
    return;
  }
  std::unique_ptr<char[]> copy(new char[std::max<size_t>(bytes.size(), 1)]);
  std::copy(bytes.begin(), bytes.end(), copy.get());
  m_app->Deliver(file, std::move(copy), bytes.size());
}

void NativeHost::CheckForUpdate(ui::App& app) {
  m_facts.lastCheck = static_cast<double>(std::time(nullptr));
  if (!Check(app)) ++m_facts.checkFailures;
  WriteReport(app);
}

// The file's time and size first (cheap), then its content; false when the check failed (the
// file gone or unreadable, or a new edition that does not load).
bool NativeHost::Check(ui::App& app) {
  std::error_code ec;
  const auto stamp = fs::last_write_time(m_bundle, ec);
  const auto size = fs::file_size(m_bundle, ec);
  if (ec) return false;
  if (stamp == m_stamp && size == m_size) return true;
  m_stamp = stamp;
  m_size = size;
  std::string text, error;
  if (!ReadFile(m_bundle, core::limits::kMaxFileBytes, text, error)) return false;
  const size_t signature = Signature(text);
  if (signature == m_loadedSignature || signature == m_rejectedSignature) return true;
  const ui::App::UpdateAnswer answer = app.OfferUpdate(Read(text), m_bundle.filename().string());
  if (answer.kind == ui::App::UpdateAnswer::Refused) {
    m_rejectedSignature = signature;
    std::cerr << m_bundle.string() << ": update ignored, keeping the content shown: " << answer.why << "\n";
    return false;
  }
  m_loadedSignature = signature;
  m_images.Clear();
  if (answer.kind == ui::App::UpdateAnswer::Taken) m_facts.contentUpdated = static_cast<double>(std::time(nullptr));
  std::cerr << m_bundle.string() << ": new content shown\n";
  return true;
}

void NativeHost::IncomingSettled(bool taken) {
  if (!taken || !m_app) return;
  m_facts.contentUpdated = static_cast<double>(std::time(nullptr));
  WriteReport(*m_app);
}

void NativeHost::OpenUrl(const std::string& url) {
  // No shell: the URL is one argument to xdg-open.
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
    std::cerr << "could not open " << url << "\n";
}

std::string NativeHost::BundleFileUrl(const std::string& path) {
  return "file://" + (fs::absolute(m_bundle).parent_path() / path).string();
}

std::string NativeHost::AddressOf(const std::string& route) { return "file://" + fs::absolute(m_bundle).string() + route; }

void NativeHost::LoadImage(const std::string& path) {
  std::string bytes, error;
  if (!ReadFile(m_bundle.parent_path() / path, kMaxImageBytes, bytes, error)) return m_images.Fail(path);
  if (!m_images.Deliver(path, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()))
    std::cerr << path << ": the image is not a PNG or JPEG within " << kMaxImageSide << "x" << kMaxImageSide
              << " pixels; a placeholder is shown\n";
}

}  // namespace platform
