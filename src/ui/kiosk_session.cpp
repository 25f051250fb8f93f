// KioskSession; see kiosk_session.h.
#include "ui/kiosk_session.h"

#include <algorithm>

#include "ui/kiosk_view.h"

namespace ui {

KioskSession::KioskSession(const core::KioskSettings& settings, double now, bool reducedMotion, const std::string& lang)
    : m_clock(settings, now), m_now(now), m_reducedMotion(reducedMotion) {
  m_keyboard.SetLabels(lang == "en" ? OnScreenKeyboard::EnglishLabels() : OnScreenKeyboard::Labels{});
}

void KioskSession::SetClock(double now, std::optional<int> minuteOfWeek) {
  m_now = now;
  m_minuteOfWeek = minuteOfWeek;
}

double KioskSession::WakeIn() const {
  const double reload = std::max(0.0, m_clock.NextReload() - m_now);
  return m_state.wakeIn > 0 ? std::min(m_state.wakeIn, reload) : reload;
}

bool KioskSession::Update(const core::Content& content) {
  m_state = m_clock.Update(m_now, m_minuteOfWeek);
  m_drift = m_clock.BurnInOffset(m_now);
  if (!m_state.entered) return false;
  // Each time a mode begins: the playlist from the content shown now (what of it is in).
  m_playlist = core::AttractPlaylist(content.Loaded());
  m_clock.SetSlideCount(m_playlist.size());
  if (m_state.mode == core::KioskMode::Interactive) return false;
  m_state = m_clock.Update(m_now, m_minuteOfWeek);  // with the playlist's length
  return true;
}

void KioskSession::DrawAttract(const ViewContext& ctx) const {
  ctx.mirror.Begin(core::Tr(core::Str::TouchToExplore, ctx.lang), ctx.lang);
  ui::DrawAttract(ctx, m_playlist, m_state, m_reducedMotion);
}

}  // namespace ui
