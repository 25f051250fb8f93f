// Turns one finger's movement into what people expect of a touch screen: a tap is a click; a
// drag past a small threshold scrolls with the finger; a flick keeps scrolling with inertia
// that slows down smoothly. Pure logic in CSS pixels and seconds, so it is unit-tested and the
// same for the web and a desktop kiosk.
#pragma once

namespace core {

class TouchGesture {
 public:
  struct Config {
    float tapSlop = 10.0f;        // CSS px a finger may wander and still tap
    float friction = 3.5f;        // exponential slow-down of a fling, per second
    float minFlingSpeed = 60.0f;  // CSS px/s below which a release just stops
    float stopSpeed = 15.0f;      // CSS px/s at which a fling ends
    bool inertia = true;          // false with prefers-reduced-motion
  };
  enum class End { None, Tap, Fling };

  TouchGesture() = default;
  explicit TouchGesture(Config config) : m_config(config) {}
  void SetInertia(bool on) { m_config.inertia = on; }

  // A finger touches down; stops any fling. `sideways`: a drag may go sideways (the finger is on
  // a row that scrolls so); else every drag scrolls up and down.
  void Begin(float x, float y, double seconds, bool sideways = false);
  // The finger moved; returns how far to scroll the content (positive: content moves up, as
  // when the finger moves up), 0 until the tap threshold is passed. A drag keeps the direction
  // it started in: up and down, or, where Begin allowed it, (Sideways) left and right (positive:
  // content moves left).
  float Move(float x, float y, double seconds);
  // The finger lifted: a tap (no drag), a fling (keep calling Step) or nothing.
  End Release(double seconds);
  void Cancel();
  // While flinging: the scroll for the time since the last call; 0 once stopped.
  float Step(double seconds);

  bool Touching() const { return m_touching; }
  bool Dragging() const { return m_dragging; }
  bool Flinging() const { return m_flinging; }
  bool Sideways() const { return m_sideways; }
  float StartX() const { return m_startX; }
  float StartY() const { return m_startY; }

 private:
  Config m_config;
  bool m_touching = false, m_dragging = false, m_flinging = false, m_sideways = false, m_mayGoSideways = false;
  float m_startX = 0, m_startY = 0, m_lastX = 0, m_lastY = 0;
  double m_lastT = 0;
  float m_velocity = 0;  // CSS px/s of scroll, smoothed
};

}  // namespace core
