// The visitor's ways of reading in the browser: the text view (the page shows the screen's text,
// the mirror, instead of the canvas), the text size, both remembered per browser; the colours the
// system asks for; printing; sharing a screen's address (web/page/reading.mjs is the page's half).
#include <algorithm>

#include "platform/web_platform.h"

namespace platform {

ui::Appearance WebPlatform::ReadAppearance() {
  const int bits = app_js_appearance();
  ui::Appearance a;
  a.dark = (bits & 1) != 0;
  a.moreContrast = (bits & 2) != 0;
  unsigned colors[8] = {};
  if ((bits & 4) != 0 && app_js_system_colors(colors) == 8)
    a.forced = ui::SystemColors{colors[0], colors[1], colors[2], colors[3], colors[4], colors[5], colors[6], colors[7]};
  return a;
}

void WebPlatform::OnAppearance() {
  m_app.SetAppearance(ReadAppearance());
  Wake();
}

// The choice remembered in this browser, once the kiosk is known (it has neither).
void WebPlatform::ApplyReadingChoice() {
  m_canShare = app_js_can_share() != 0;
  if (m_kiosk) return;
  const int choice = app_js_reading_choice();
  const float size = ui::kTextSizes[std::min(static_cast<size_t>((choice >> 1) & 3), ui::kTextSizeCount - 1)];
  m_app.SetTextSize(size);
  app_js_set_text_size(size);
  if ((choice & 1) != 0 && CanShowTextView()) {
    m_textView = true;
    app_js_set_text_view(1);
  }
}

void WebPlatform::RememberReadingChoice() const {
  app_js_remember_reading_choice((m_textView ? 1 : 0) | static_cast<int>(ui::TextSizeStep(m_app.TextSize()) << 1));
}

void WebPlatform::ShowTextView(bool on) {
  if (!CanShowTextView() || on == m_textView) return;
  m_textView = on;
  app_js_set_text_view(on ? 1 : 0);
  if (Drawing()) m_renderer->UploadFonts();  // made while nothing was drawn
  RememberReadingChoice();
  m_rectVersion = ~uint64_t{0};  // the canvas's places, again
  m_app.RequestFrames(2);
  Wake();
}

void WebPlatform::TextSizeChosen(float size) {
  app_js_set_text_size(size);
  RememberReadingChoice();
}

// beforeprint: the screen's whole text in the mirror before the browser lays it out for paper
// (app.css @media print); afterprint: the canvas's mirror again.
void WebPlatform::OnPrint(bool printing) {
  m_printing = printing;
  m_rectVersion = ~uint64_t{0};
  m_app.RequestFrames(2);
  if (printing) DrawNow();
  else Wake();
}

}  // namespace platform
