// What every view shares for one frame: the language, the look (fonts, palette, scale),
// where the mirror is recorded, the platform, the way to navigate, and (ViewContext) the
// content. A view's own state (its caches, layout and choices) lives in the view's class.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/content.h"
#include "core/strings.h"
#include "ui/fonts.h"
#include "ui/host.h"
#include "ui/mirror_recorder.h"
#include "ui/navigator.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace ui {

// For screens that can be drawn without content (loading, error) and for widgets.
struct DrawContext {
  const std::string& lang;   // content and interface language
  const Fonts& fonts;
  const Palette& palette;
  float scale;               // device pixels per CSS pixel
  bool kiosk;                // the museum kiosk: nothing leads out of the app
  MirrorRecorder& mirror;
  Host& host;
  Navigator& nav;
  bool mirrorIsPage = false; // the mirror is what people read (reading mode): lists record their first rows
  float measure = 0;         // width of the content column, device pixels (set by the shell)
  SideScroll* sideScroll = nullptr;  // a finger's sideways drag, for the row of chips under it
  std::optional<size_t> focusNode;   // the mirror node the page's keyboard focus is on

  std::string_view Lang() const { return lang; }
  const char* Tr(core::Str s) const { return core::Tr(s, lang); }
  float Px(float cssPixels) const { return cssPixels * scale; }
  bool Narrow() const;  // a phone-width screen: one column
};

struct ViewContext : DrawContext {
  ViewContext(const DrawContext& base, core::Content& shown) : DrawContext(base), content(shown) {}
  // What is shown: a whole bundle or a published site arriving in parts, asked alike.
  core::Content& content;

  // The content text in the visitor's language, falling back to the content's first language.
  std::string_view Get(const core::Text& t) const { return content.Get(t, lang); }
  std::string_view Get(const core::Label& l) const { return l.Get(lang, content.DefaultLanguage()); }
};

}  // namespace ui
