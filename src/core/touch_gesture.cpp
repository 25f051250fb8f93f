// Touch gesture state machine; see touch_gesture.h.
#include "core/touch_gesture.h"

#include <cmath>

namespace core {

void TouchGesture::Begin(float x, float y, double t, bool sideways) {
  m_touching = true;
  m_mayGoSideways = sideways;
  m_dragging = false;
  m_flinging = false;
  m_sideways = false;
  m_startX = x;
  m_startY = y;
  m_lastX = x;
  m_lastY = y;
  m_lastT = t;
  m_velocity = 0;
}

float TouchGesture::Move(float x, float y, double t) {
  if (!m_touching) return 0;
  if (!m_dragging) {
    if (std::hypot(x - m_startX, y - m_startY) < m_config.tapSlop) {
      m_lastX = x;  // the content starts moving from here, without a jump
      m_lastY = y;
      m_lastT = t;
      return 0;
    }
    m_dragging = true;
    m_sideways = m_mayGoSideways && std::fabs(x - m_startX) > std::fabs(y - m_startY);
  }
  const float delta = m_sideways ? m_lastX - x : m_lastY - y;
  const double dt = t - m_lastT;
  if (dt > 0) {
    // Weighted towards the latest movement, so a flick at the end is what counts.
    const float instant = static_cast<float>(delta / dt);
    const float keep = static_cast<float>(std::exp(-dt / 0.05));
    m_velocity = m_velocity * keep + instant * (1 - keep);
  }
  m_lastX = x;
  m_lastY = y;
  m_lastT = t;
  return delta;
}

TouchGesture::End TouchGesture::Release(double t) {
  if (!m_touching) return End::None;
  m_touching = false;
  if (!m_dragging) return End::Tap;
  m_dragging = false;
  // A finger that stopped before lifting does not fling.
  if (t - m_lastT > 0.1) m_velocity = 0;
  m_lastT = t;
  if (!m_config.inertia || std::fabs(m_velocity) < m_config.minFlingSpeed) return End::None;
  m_flinging = true;
  return End::Fling;
}

void TouchGesture::Cancel() {
  m_touching = m_dragging = m_flinging = false;
  m_velocity = 0;
}

float TouchGesture::Step(double t) {
  if (!m_flinging) return 0;
  const double dt = t - m_lastT;
  m_lastT = t;
  if (dt <= 0) return 0;
  // Exact integral of v(t) = v0 * exp(-k t) over the step.
  const double k = m_config.friction;
  const double decay = std::exp(-k * dt);
  const float distance = static_cast<float>(m_velocity * (1 - decay) / k);
  m_velocity = static_cast<float>(m_velocity * decay);
  if (std::fabs(m_velocity) < m_config.stopSpeed) {
    m_flinging = false;
    m_velocity = 0;
  }
  return distance;
}

}  // namespace core
