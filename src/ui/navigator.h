// How the interface moves between screens. Every change of screen goes through
// Navigator::GoTo (App implements it): the platform's hash changes and history, clicks in the
// canvas, the search field, a kiosk returning to its start and a reload that lost the item
// shown. What a change of route resets is decided in one place (App::ApplyRoute).
#pragma once
#include <string>

#include "core/route.h"

namespace ui {

enum class How {
  Address,  // the address already shows it (hash change, back/forward, deep link, --route): no history entry
  Push,     // the visitor went there in the app: a new history entry
  Replace,  // instead of the current entry (typing refines a search; the kiosk returns to its start)
};

class Navigator {
 public:
  // Shows `route`. Asked while a frame is drawn, it takes effect after that frame.
  virtual void GoTo(const core::Route& route, How how) = 0;
  // The visitor typed `text` into a search field: the search screen, refined in place (one
  // history entry for a whole search).
  virtual void TypedSearch(const std::string& text) = 0;
  // The visitor picked a language with the switch (remembered by the platform).
  virtual void ChooseLanguage(const std::string& code) = 0;
  // "Try again" on a part of a published archive that could not be loaded.
  virtual void RetryContent() = 0;
  // The visitor chose a text size (1, 1.5 or 2: the screens are laid out again at it;
  // remembered by the platform), or the kiosk's "large text, high contrast" (until the visit
  // ends). Asked while a frame is drawn, they take effect after it.
  virtual void ChooseTextSize(float size) = 0;
  virtual void ChooseLowVision(bool on) = 0;

 protected:
  ~Navigator() = default;
};

}  // namespace ui
