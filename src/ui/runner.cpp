// The run loop; see runner.h.
#include "ui/runner.h"

namespace ui {

bool Runner::Tick() {
  if (KioskSession* kiosk = m_app.Kiosk(); kiosk && kiosk->ReloadDue(m_platform.Now())) m_platform.CheckForUpdate();
  if (!m_driver.WantsFrame() || m_platform.HoldFrame()) return false;
  m_platform.BeforeFrame();
  // The first frame of the content settles its layout in frames that are not drawn (ImGui sizes
  // some things from the frame before) and then draws once: each frame owed after new content
  // would otherwise be drawn (in a browser, composited while the page starts).
  if (m_drawnPhase != Phase::Ready && m_app.GetPhase() == Phase::Ready)
    for (int settle = 0; settle < 2 && m_app.FramesWanted() > 1; ++settle) m_driver.Frame(false);
  m_driver.Frame();
  m_drawnPhase = m_app.GetPhase();
  m_platform.AfterFrame();
  return true;
}

double Runner::NextWake() const {
  if (m_driver.WantsFrame()) return 0;
  if (const KioskSession* kiosk = m_app.Kiosk()) return kiosk->WakeIn();
  return -1;
}

}  // namespace ui
