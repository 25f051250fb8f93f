// A Host for tests and the headless soak (ui/host.h) that records what the app asked of the
// platform: links opened, images, the clipboard, retries; and serves a published site's files
// from memory as a browser would (after the frame that asked), or holds or fails them.
#pragma once
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ui/app.h"

namespace test {

class FakeHost : public ui::Host {
 public:
  void OpenUrl(const std::string& url) override { opened.push_back(url); }
  std::string BundleFileUrl(const std::string& path) override { return "bundle-folder/" + path; }
  // Images: none can be had, or (`imagesReady`, as the soak's) each is a texture at once.
  ui::ImageView Image(const std::string& path) override {
    requestedImages.insert(path);
    if (!imagesReady) return {ui::ImageStatus::Failed, nullptr, 0, 0};
    const auto texture = static_cast<intptr_t>(std::distance(requestedImages.begin(), requestedImages.find(path)) + 1);
    return {ui::ImageStatus::Ready, reinterpret_cast<ImTextureID>(texture), 320, 200};
  }
  void RetryLoad() override { ++retries; }
  // A published site's files by name, delivered to `app` before the next frame (as a browser
  // delivers them, after the frame that asked); a name in `failing` (or not there) fails with
  // HTTP 404; while `hold` is set, or the name is in `holding`, a file stays on its way.
  void Fetch(const std::string& file) override {
    fetched.push_back(file);
    pending.push_back(file);
  }
  // Delivers the files asked for that are not held (Headless::Frames calls it before each frame).
  void Serve();
  bool Deliverable() const;
  ui::App* app = nullptr;
  std::vector<std::string> pending;  // asked for, not delivered yet
  bool serving = false;
  std::map<std::string, std::string> content;
  std::set<std::string> failing;
  std::set<std::string> holding;  // these files stay on their way
  bool hold = false;
  std::vector<std::string> fetched;
  void IncomingSettled(bool taken) override { settled.push_back(taken); }
  std::vector<bool> settled;  // each new published site given over content: taken or dropped
  void ArchiveComplete() override { ++archiveComplete; }
  int archiveComplete = 0;
  void CopyToClipboard(const std::string& text) override { clipboard = text; }
  std::string AddressOf(const std::string& route) override { return "https://example.test/" + route; }
  std::string clipboard;
  // The text view and the share sheet, where a test gives the host them.
  bool CanShowTextView() const override { return textViewAvailable; }
  bool TextViewShown() const override { return textView; }
  void ShowTextView(bool on) override { textView = on; }
  void TextSizeChosen(float size) override { textSizes.push_back(size); }
  bool CanShare() const override { return canShare; }
  void Share(const std::string& url, const std::string& title) override { shared.emplace_back(url, title); }
  bool textViewAvailable = false, textView = false, canShare = false;
  std::vector<float> textSizes;
  std::vector<std::pair<std::string, std::string>> shared;

  std::vector<std::string> opened;
  std::set<std::string> requestedImages;  // the images the screens asked for (the soak's textures)
  bool imagesReady = false;
  int retries = 0;
};

}  // namespace test
