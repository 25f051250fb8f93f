// An on-screen keyboard for the museum kiosk, whose touch screen has no physical keyboard:
// Albanian letters (with ç and ë), digits, space, backspace, clear and close, in large keys
// drawn with Dear ImGui. It edits a UTF-8 string and knows nothing of the platform.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace ui {

class OnScreenKeyboard {
 public:
  // The words on the function keys, in the interface language (Albanian by default).
  struct Labels {
    std::string space = "hapësirë";
    std::string backspace = "Fshi";
    std::string clear = "Pastro";
    std::string close = "Mbyll";
  };
  static Labels EnglishLabels() { return {"space", "Delete", "Clear", "Close"}; }

  // One key as drawn by the last Draw, in screen coordinates (device px).
  struct Key {
    std::string name;  // "q", "ç", "1", "space", "backspace", "clear", "close"
    ImGuiID id = 0;    // the ImGui ID of "##osk_<name>" inside Draw's `id`
    ImVec2 min, max;
  };

  static constexpr float kKeyHeight = 56;  // CSS px, at least; taller when the font needs it
  static constexpr float kGap = 8;         // CSS px between keys
  static constexpr int kRows = 5;

  void SetLabels(Labels labels) { m_labels = std::move(labels); }
  void SetMaxLength(size_t codePoints) { m_maxLength = codePoints; }  // 100 unless set

  // The height Draw takes at `scale` (device px per CSS px) in the current font.
  static float Height(float scale);

  // Draws the keyboard at the cursor, `width` device px wide and Height(scale) high, inside
  // the current window, then moves the cursor below it as any item does. Keys carry stable
  // IDs "##osk_<name>" under `id`; labels use the current font. Letters and digits append,
  // backspace removes the last code point (held down, it repeats), clear empties `text`.
  // Returns true when `text` changed this frame.
  bool Draw(const char* id, std::string& text, float scale, float width);

  // True when the close key was pressed in the last Draw.
  bool CloseRequested() const { return m_close; }
  // The keys of the last Draw, for tests and for recording them in the mirror.
  const std::vector<Key>& Keys() const { return m_keys; }
  const Key* FindKey(std::string_view name) const;

  // Removes the last UTF-8 code point of `text` (all of "ë", not half of it).
  static void PopCodePoint(std::string& text);

 private:
  bool KeyButton(std::string_view name, std::string_view label, ImVec2 pos, ImVec2 size, bool repeat);

  Labels m_labels;
  size_t m_maxLength = 100;
  bool m_close = false;
  std::vector<Key> m_keys;
};

}  // namespace ui
