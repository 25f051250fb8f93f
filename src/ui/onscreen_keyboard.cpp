// The kiosk's on-screen keyboard; see onscreen_keyboard.h. Every row is ten units wide, so the
// keys line up in columns whatever the width.
#include "ui/onscreen_keyboard.h"

#include <imgui_internal.h>

#include <algorithm>

#include "core/text.h"

namespace ui {

namespace {

constexpr const char* kDigits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
constexpr const char* kRow1[] = {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"};
constexpr const char* kRow2[] = {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ç"};
constexpr const char* kRow3[] = {"z", "x", "c", "v", "b", "n", "m", "ë"};  // then backspace, 2 units

float KeyHeight(float scale) { return std::max(OnScreenKeyboard::kKeyHeight * scale, ImGui::GetFontSize() * 2.2f); }

}  // namespace

float OnScreenKeyboard::Height(float scale) { return kRows * KeyHeight(scale) + (kRows - 1) * kGap * scale; }

void OnScreenKeyboard::PopCodePoint(std::string& text) {
  size_t end = text.size();
  // Back over continuation bytes (10xxxxxx) to the start of the last code point.
  while (end > 0 && (static_cast<unsigned char>(text[end - 1]) & 0xC0) == 0x80) --end;
  text.erase(end > 0 ? end - 1 : 0);
}

const OnScreenKeyboard::Key* OnScreenKeyboard::FindKey(std::string_view name) const {
  for (const Key& k : m_keys)
    if (k.name == name) return &k;
  return nullptr;
}

bool OnScreenKeyboard::KeyButton(std::string_view name, std::string_view label, ImVec2 pos, ImVec2 size,
                                 bool repeat) {
  const std::string id = "##osk_" + std::string(name);
  ImGui::SetCursorScreenPos(pos);
  const bool pressed = ImGui::InvisibleButton(id.c_str(), size, repeat ? ImGuiButtonFlags_Repeat : 0);
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  m_keys.push_back(Key{std::string(name), ImGui::GetItemID(), pos, max});

  // No hover state: on a touch screen the pointer stays where the last finger was.
  const ImGuiStyle& style = ImGui::GetStyle();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 fill = ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGuiCol_Button);
  const float rounding = style.FrameRounding;
  dl->AddRectFilled(pos, max, fill, rounding);
  dl->AddRect(pos, max, ImGui::GetColorU32(ImGuiCol_Border), rounding);
  const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const ImVec2 at(IM_FLOOR(pos.x + (size.x - text.x) * 0.5f), IM_FLOOR(pos.y + (size.y - text.y) * 0.5f));
  dl->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), label.data(), label.data() + label.size());
  return pressed;
}

bool OnScreenKeyboard::Draw(const char* id, std::string& text, float scale, float width) {
  m_keys.clear();
  m_close = false;
  const float gap = kGap * scale, height = KeyHeight(scale);
  const float unit = std::max(1.0f, (width - 9 * gap) / 10);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  auto place = [&](int row, int column, int units) {
    return std::make_pair(ImVec2(origin.x + column * (unit + gap), origin.y + row * (height + gap)),
                          ImVec2(units * unit + (units - 1) * gap, height));
  };
  bool changed = false;
  auto type = [&](std::string_view s) {
    if (core::CountCodePoints(text) >= m_maxLength) return;
    text += s;
    changed = true;
  };

  ImGui::PushID(id);
  ImGui::BeginGroup();
  const char* const* rows[] = {kDigits, kRow1, kRow2, kRow3};
  const int counts[] = {10, 10, 10, 8};
  for (int row = 0; row < 4; ++row) {
    for (int column = 0; column < counts[row]; ++column) {
      const char* key = rows[row][column];
      const auto [pos, size] = place(row, column, 1);
      if (KeyButton(key, key, pos, size, false)) type(key);
    }
  }
  {
    const auto [pos, size] = place(3, 8, 2);
    if (KeyButton("backspace", m_labels.backspace, pos, size, true) && !text.empty()) {
      PopCodePoint(text);
      changed = true;
    }
  }
  {
    const auto [pos, size] = place(4, 0, 2);
    if (KeyButton("clear", m_labels.clear, pos, size, false) && !text.empty()) {
      text.clear();
      changed = true;
    }
  }
  {
    const auto [pos, size] = place(4, 2, 6);
    if (KeyButton("space", m_labels.space, pos, size, false)) type(" ");
  }
  {
    const auto [pos, size] = place(4, 8, 2);
    if (KeyButton("close", m_labels.close, pos, size, false)) m_close = true;
  }
  ImGui::EndGroup();
  ImGui::PopID();
  return changed;
}

}  // namespace ui
