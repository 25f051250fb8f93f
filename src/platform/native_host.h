// What the desktop build gives the app (ui::Host): the bundle file and its images (the kiosk
// checks the file for changes), links opened with xdg-open, the clipboard of the window.
#pragma once
#include <GLFW/glfw3.h>

#include <filesystem>
#include <string>

#include "core/kiosk_report.h"
#include "core/published.h"
#include "platform/image_cache.h"
#include "ui/app.h"

namespace platform {

class NativeHost : public ui::Host {
 public:
  // `withImages`: false where there is no GL context (--mirror): images then stay loading.
  NativeHost(std::filesystem::path bundle, bool withImages);

  // Reads and shows the bundle: its content, or the error screen.
  void Load(ui::App& app);
  // The kiosk's periodic check: the file's time and size first (cheap), then its content.
  // A changed bundle that loads replaces the shown one; a broken or half-written one is
  // logged once and ignored, and the last good content stays.
  void CheckForUpdate(ui::App& app);
  void SetApp(ui::App* app) { m_app = app; }
  // A kiosk's metrics are written into DIR/mod_kiosk.prom at its start, after every check and
  // with every change of content (node_exporter's textfile collector reads that folder).
  void ReportTo(std::filesystem::path dir) { m_reportDir = std::move(dir); }
  void SetWindow(GLFWwindow* window) { m_window = window; }
  // Images become textures of `renderer` (the window's); release them while its context exists.
  void SetRenderer(Renderer* renderer) { m_images.UseRenderer(renderer); }
  void ReleaseImages() { m_images.Clear(); }
  size_t ImageCount() const { return m_images.Count(); }
  const std::filesystem::path& BundlePath() const { return m_bundle; }

  // ui::Host
  void OpenUrl(const std::string& url) override;
  std::string BundleFileUrl(const std::string& path) override;
  ui::ImageView Image(const std::string& path) override { return m_withImages ? m_images.Get(path) : ui::ImageView{}; }
  void Fetch(const std::string& file) override;
  void RetryLoad() override {
    if (m_app) Load(*m_app);
  }
  void CopyToClipboard(const std::string& text) override {
    if (m_window) glfwSetClipboardString(m_window, text.c_str());
  }
  std::string AddressOf(const std::string& route) override;
  void IncomingSettled(bool taken) override;
  // (FramesRequested stays the default: every request comes from the window's own thread, whose
  // loop asks FrameDriver::WantsFrame before it waits for events.)

 private:
  void LoadImage(const std::string& path);
  static core::ManifestResult Read(const std::string& text);
  void WriteReport(const ui::App& app);
  bool Check(ui::App& app);

  std::filesystem::path m_bundle;
  std::filesystem::file_time_type m_stamp{};
  uintmax_t m_size = 0;
  size_t m_loadedSignature = 0, m_rejectedSignature = 0;
  bool m_withImages;
  ImageCache m_images;
  ui::App* m_app = nullptr;
  GLFWwindow* m_window = nullptr;
  std::filesystem::path m_reportDir;  // "" : no report
  core::KioskFacts m_facts;           // what the report says of this host
};

}  // namespace platform
