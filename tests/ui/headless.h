// Runs the app headless through the same FrameDriver as the builds that ship: an ImGui
// context with a built font atlas and no renderer (ui::HeadlessPlatform, whose clock the test
// sets), a fake Host that records what the UI asked of the platform (fake_host.h), and input
// helpers.
#pragma once
#include <string>

#include "core/bundle_loader.h"
#include "fake_host.h"
#include "ui/app.h"
#include "ui/frame_driver.h"

namespace test {

inline bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

class Headless {
 public:
  explicit Headless(float width = 1280, float height = 900, float scale = 1.0f);
  ~Headless();
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  FakeHost host;
  ui::App app{host};
  ui::HeadlessPlatform platform;  // platform.now: the clock the kiosk reads
  ui::FrameDriver driver{app, platform, ui::ReadFontFile(MODV_FONT_FILE)};

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
