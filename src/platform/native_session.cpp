// NativeSession; see native_session.h.
#include "platform/native_session.h"

#include <iostream>

#include "core/kiosk.h"

namespace platform {

NativeSession::NativeSession(NativeHost& host, ui::FramePlatform& platform, const NativeOptions& o, GLFWwindow* window,
                             double kioskStart)
    : app(host), driver(app, platform, ui::ReadFontFile(MODV_FONT_FILE)), scale(o.scale), m_host(host) {
  host.SetApp(&app);
  host.SetWindow(window);
  ui::Appearance appearance;
  appearance.dark = o.dark;
  app.SetAppearance(appearance);
  if (!o.lang.empty()) app.SetPreferredLanguages({o.lang});
  if (o.kiosk && window) {
    // Larger type for reading at arm's length, unless --scale asked for something.
    int w = 0, h = 0;
    glfwGetWindowSize(window, &w, &h);
    if (o.scale == 1.0f) scale = core::KioskTextZoom(static_cast<float>(h));
  }
  app.SetScale(scale);
  ui::Fonts fonts;
  if (!ui::LoadFonts(driver.Fonts(), scale, fonts))
    std::cerr << "no fonts in " << MODV_FONT_FILE << "; using ImGui's built-in font (Latin-1 only)\n";
  app.SetFonts(fonts);
  app.GoTo(core::ParseRoute(o.route), ui::How::Address);
  if (o.kiosk && !o.reportDir.empty()) host.ReportTo(o.reportDir);
  host.Load(app);
  if (o.kiosk && window) app.EnableKiosk(o.kioskSettings, kioskStart, false);
}

NativeSession::~NativeSession() {
  m_host.SetApp(nullptr);
  m_host.SetWindow(nullptr);
}

}  // namespace platform
