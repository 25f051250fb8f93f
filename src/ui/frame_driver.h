// One frame, written once (the shape of hello_imgui's CreateFramesAndRender): the desktop and
// web builds, the headless tests, the soak runs and --mirror all draw through FrameDriver, so
// the tests drive the sequence that ships:
//   the font atlas (rebuilt when the content or the scale asks) -> the platform's input for the
//   frame -> DeltaTime kept above zero -> touch replayed -> the kiosk's clock ->
//   Dear ImGui's frame (DrawImGuiFrame: App::Frame between its start and Render; when its input
//   chose another route, again at once for the new screen) -> the platform presents it.
// Frames on demand: App::RequestFrames is the one way to ask for frames; a platform draws a
// frame when WantsFrame() says one is owed and sleeps otherwise.
#pragma once
#include <imgui.h>

#include <functional>
#include <optional>
#include <string>

#include "ui/app.h"
#include "ui/touch_input.h"

namespace ui {

// What a platform does in each frame (its hooks into FrameDriver::Frame).
class FramePlatform {
 public:
  virtual ~FramePlatform() = default;
  // Sets DisplaySize, DeltaTime and the input state for the coming frame (a backend's NewFrame).
  virtual void BeginFrame() = 0;
  // Seconds on the platform's clock (any origin; simulated in tests and soak runs).
  virtual double Now() = 0;
  // The local minute of the week, for the kiosk's opening hours; nullopt when unknown.
  virtual std::optional<int> MinuteOfWeek() { return std::nullopt; }
  // Device pixels per CSS pixel, for touch positions.
  virtual float Ratio() { return 1.0f; }
  // The font atlas was built again: its texture must be made again.
  virtual void FontsChanged() {}
  // Draws the frame (a headless platform draws nothing).
  virtual void Present(ImDrawData* data, ImU32 background) {}
};

// Starts Dear ImGui's frame, draws `content`, renders: the only place a frame starts in src/ (the
// benchmark's bare pages aside). FrameDriver uses it; tests that draw one widget alone too.
void DrawImGuiFrame(const std::function<void()>& content);

class FrameDriver {
 public:
  // `fonts`: the faces the app's atlas is built from (null: ImGui's own, Latin-1 only).
  FrameDriver(App& app, FramePlatform& platform, FontFile fonts)
      : m_app(app), m_platform(platform), m_fonts(std::move(fonts)) {}

  // Draws one frame (whether or not one is owed); `present` false lays it out and mirrors it
  // without drawing it (a frame that settles the layout before the one shown).
  void Frame(bool present = true);
  // A frame is owed: the app asked for one, or a touch is under way or coasting.
  bool WantsFrame() const { return m_app.FramesWanted() > 0 || m_touch.Active(); }
  // Frames until the app asks for none (at most `max`); returns how many were drawn.
  int FramesUntilIdle(int max);
  long FramesDrawn() const { return m_framesDrawn; }
  const FontFile& Fonts() const { return m_fonts; }
  // Touch and kiosk clicks arrive here from the platform's events.
  TouchInput& Touch() { return m_touch; }

 private:
  App& m_app;
  FramePlatform& m_platform;
  FontFile m_fonts;
  TouchInput m_touch;
  long m_framesDrawn = 0;
};

// A platform without a window or GPU: a fixed frame step, and a clock and minute of the week
// that the caller sets (tests, the soak run of the kiosk, the desktop build's --mirror).
class HeadlessPlatform : public FramePlatform {
 public:
  double now = 0;                   // seconds; stays where the caller puts it
  std::optional<int> minuteOfWeek;  // none: the opening hours do not apply
  float ratio = 1.0f;

  void BeginFrame() override { ImGui::GetIO().DeltaTime = 1.0f / 60; }
  double Now() override { return now; }
  std::optional<int> MinuteOfWeek() override { return minuteOfWeek; }
  float Ratio() override { return ratio; }
};

}  // namespace ui
