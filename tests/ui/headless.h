// Runs the app headless through the same FrameDriver as the builds that ship: an ImGui
// context with a built font atlas and no renderer (ui::HeadlessPlatform, whose clock the test
// sets), a fake Host that records what the UI asked of the platform, and input helpers.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "ui/app.h"
#include "ui/frame_driver.h"

namespace test {

class FakeHost : public ui::Host {
 public:
  void OpenUrl(const std::string& url) override { opened.push_back(url); }
  std::string BundleFileUrl(const std::string& path) override { return "bundle-folder/" + path; }
  ui::ImageView Image(const std::string& path) override {
    requestedImages.push_back(path);
    return {ui::ImageStatus::Failed, nullptr, 0, 0};
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

  std::vector<std::string> opened;
  std::vector<std::string> requestedImages;
  int retries = 0;
};

class Headless {
 public:
  explicit Headless(float width = 1280, float height = 900, float scale = 1.0f);
  ~Headless();
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  FakeHost host;
  ui::App app{host};
  ui::HeadlessPlatform platform;  // platform.now: the clock the kiosk reads
  ui::FrameDriver driver{app, platform, MODV_FONT_DIR};

  void Load(const std::string& json);
  void LoadFile(const std::string& relativeToSource);
  void Frames(int n = 3);
  // Draws frames until the app asks for no more (at most `max`); returns how many it drew.
  int FramesUntilIdle(int max = 100);
  void Go(const std::string& route);  // as the platform would on a hash change
  // Frames at `now` on the platform's clock (the kiosk reads it).
  void FramesAt(double now, int n = 3);
  // Clicks the centre of the mirror node whose text is `text` (press and release over frames).
  bool ClickMirrorText(const std::string& text);
  // Like a finger: the pointer jumps there and presses in the same frame.
  bool TapMirrorText(const std::string& text);
  void Resize(float width, float height);
  std::string MirrorText() const { return app.Mirror().ToText(); }
  const core::MirrorNode* FindNode(const std::string& text) const;
};

}  // namespace test
