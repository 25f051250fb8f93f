// Touch gestures: taps stay taps, drags scroll with the finger (up and down, or sideways), flicks coast and stop,
// reduced motion means no coasting.
#include <doctest/doctest.h>

#include <cmath>

#include "core/touch_gesture.h"

TEST_CASE("A tap that wanders a little is still a tap and never scrolls") {
  core::TouchGesture g;
  g.Begin(100, 200, 0.0);
  CHECK(g.Move(104, 203, 0.05) == 0);
  CHECK(g.Release(0.1) == core::TouchGesture::End::Tap);
  CHECK_FALSE(g.Flinging());
}

TEST_CASE("A drag scrolls with the finger once past the threshold") {
  core::TouchGesture g;
  g.Begin(100, 400, 0.0);
  CHECK(g.Move(100, 395, 0.016) == 0);        // within the slop
  CHECK(g.Move(100, 380, 0.032) == doctest::Approx(15));  // past it: from where the finger was
  CHECK(g.Move(100, 330, 0.048) == doctest::Approx(50));  // finger up, content up
  CHECK(g.Move(100, 360, 0.064) == doctest::Approx(-30));
  CHECK(g.Dragging());
  // the finger rests before lifting: no fling
  CHECK(g.Release(0.5) == core::TouchGesture::End::None);
}

TEST_CASE("A drag keeps the direction it started in: a sideways one, where allowed, scrolls sideways, and flicks so") {
  core::TouchGesture g;
  g.Begin(300, 400, 0.0, true);
  CHECK(g.Move(285, 404, 0.016) == doctest::Approx(15));  // mostly left: sideways, from where it started
  CHECK(g.Sideways());
  CHECK(g.Move(235, 430, 0.032) == doctest::Approx(50));  // its drift up or down does not count
  CHECK(g.Move(185, 460, 0.048) == doctest::Approx(50));
  CHECK(g.Release(0.05) == core::TouchGesture::End::Fling);
  CHECK(g.Step(0.066) > 0);
  g.Begin(300, 400, 1.0, true);  // the next touch starts afresh
  CHECK_FALSE(g.Sideways());
  CHECK(g.Move(305, 380, 1.016) == doctest::Approx(20));
  CHECK_FALSE(g.Sideways());
  // Where nothing scrolls sideways, a slanted drag scrolls up and down.
  g.Begin(300, 400, 2.0);
  CHECK(g.Move(270, 390, 2.016) == doctest::Approx(10));
  CHECK_FALSE(g.Sideways());
}

TEST_CASE("A flick coasts, slows down and stops") {
  core::TouchGesture g;
  g.Begin(100, 600, 0.0);
  double t = 0;
  for (int i = 1; i <= 10; ++i) g.Move(100, 600 - 30.0f * i, t += 0.016);  // ~1900 px/s upwards
  REQUIRE(g.Release(t) == core::TouchGesture::End::Fling);
  float total = 0, previous = 1e9f;
  int steps = 0;
  while (g.Flinging() && steps < 1000) {
    const float d = g.Step(t += 0.016);
    CHECK(d > 0);
    CHECK(d <= previous + 1e-3f);  // never speeds up
    previous = d;
    total += d;
    ++steps;
  }
  CHECK_FALSE(g.Flinging());
  CHECK(steps < 400);               // stops within a few seconds
  CHECK(total > 200);               // and coasts a fair way
  CHECK(total < 1900.0f / 3.5f + 1);  // never farther than v0 / friction
  g.Begin(0, 0, t);                 // a new touch stops everything
  CHECK(g.Step(t + 0.016) == 0);
}

TEST_CASE("Reduced motion: no coasting") {
  core::TouchGesture g;
  g.SetInertia(false);
  g.Begin(100, 600, 0.0);
  double t = 0;
  for (int i = 1; i <= 10; ++i) g.Move(100, 600 - 30.0f * i, t += 0.016);
  CHECK(g.Release(t) == core::TouchGesture::End::None);
  CHECK(g.Step(t + 0.016) == 0);
}
