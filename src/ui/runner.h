// The run loop, written once (the shape of hello_imgui's CreateFramesAndRender and its Impl_
// hooks): the desktop window, the desktop kiosk's soak run and the browser each turn it with
// Tick and sleep until NextWake; what differs between them is in their RunnerPlatform hooks.
//   the kiosk's content check when due -> a frame when one is owed (the first frame of new
//   content settles its layout undrawn first) -> what the frame changed, to the platform.
// Content a kiosk's check brought is offered to App::OfferUpdate by every platform alike.
#pragma once
#include "ui/app.h"
#include "ui/frame_driver.h"

namespace ui {

class RunnerPlatform : public FramePlatform {
 public:
  // The kiosk's content check is due: the platform reads (or fetches) the content again and
  // offers what changed to App::OfferUpdate.
  virtual void CheckForUpdate() = 0;
  // True while a frame that is owed must wait (the browser holds its loading frame briefly, in
  // case the content comes first).
  virtual bool HoldFrame() { return false; }
  // A frame is about to be drawn: the platform reads its window's size and scale now.
  virtual void BeforeFrame() {}
  // After each drawn frame: what it changed, told outside (the window's title, the page's
  // address, state and mirror).
  virtual void AfterFrame() {}
};

class Runner {
 public:
  Runner(App& app, FrameDriver& driver, RunnerPlatform& platform) : m_app(app), m_driver(driver), m_platform(platform) {}

  // One turn: the kiosk's check when it is due, then a frame when one is owed. True when a
  // frame was drawn.
  bool Tick();
  // Seconds until the loop must turn again without input: 0 while frames are owed; the kiosk's
  // next slide or check; < 0 when nothing is due (wait for input).
  double NextWake() const;

 private:
  App& m_app;
  FrameDriver& m_driver;
  RunnerPlatform& m_platform;
  Phase m_drawnPhase = Phase::Loading;  // the phase of the last frame drawn
};

}  // namespace ui
