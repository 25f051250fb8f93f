// The kiosk's on-screen keyboard drawn headless: its keys and their size, typing ç and ë, a
// backspace that removes whole letters, space, clear, close, stable IDs, finger taps.
#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <set>

#include "core/text.h"
#include "ui/fonts.h"
#include "ui/frame_driver.h"
#include "ui/imgui_context.h"
#include "ui/onscreen_keyboard.h"
#include "ui/theme.h"

namespace {

class KeyboardScreen {
 public:
  explicit KeyboardScreen(float scale = 1, float width = 1000) : m_scale(scale), m_width(width) {
    ui::Fonts fonts;
    fontsLoaded = test::StartImGui(1280 * scale, 900 * scale, scale, fonts);
    ui::ApplyTheme(ui::LightPalette(), scale);
  }
  ~KeyboardScreen() { ImGui::DestroyContext(); }
  KeyboardScreen(const KeyboardScreen&) = delete;
  KeyboardScreen& operator=(const KeyboardScreen&) = delete;

  void Frames(int n = 1) {
    for (int i = 0; i < n; ++i) {
      ui::DrawImGuiFrame([&] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::SetCursorScreenPos(ImVec2(20, 40));
        changed = osk.Draw("##kb", text, m_scale, m_width);
        if (changed) ++changes;
        below = ImGui::GetCursorScreenPos().y;
        ImGui::PushID("##kb");
        expectedId = ImGui::GetID("##osk_ç");  // what a test driver would name
        ImGui::PopID();
        ImGui::End();
      });
    }
  }
  // Like a mouse: move there, press, release.
  void Click(const char* name) {
    const ui::OnScreenKeyboard::Key* key = osk.FindKey(name);
    REQUIRE_MESSAGE(key, name);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((key->min.x + key->max.x) / 2, (key->min.y + key->max.y) / 2);
    Frames(1);
    io.MouseDown[0] = true;
    Frames(1);
    io.MouseDown[0] = false;
    Frames(1);
  }
  // Like a finger: the pointer appears and presses in the same frame.
  void Tap(const char* name) {
    const ui::OnScreenKeyboard::Key* key = osk.FindKey(name);
    REQUIRE_MESSAGE(key, name);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2((key->min.x + key->max.x) / 2, (key->min.y + key->max.y) / 2);
    io.MouseDown[0] = true;
    Frames(1);
    io.MouseDown[0] = false;
    Frames(1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }

  ui::OnScreenKeyboard osk;
  std::string text;
  bool fontsLoaded = false, changed = false;
  int changes = 0;
  float below = 0;
  ImGuiID expectedId = 0;

 private:
  float m_scale, m_width;
};

bool Overlap(const ui::OnScreenKeyboard::Key& a, const ui::OnScreenKeyboard::Key& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

}  // namespace

TEST_CASE("On-screen keyboard: Albanian letters, digits and function keys, large and in columns") {
  for (float scale : {1.0f, 2.0f}) {
    CAPTURE(scale);
    KeyboardScreen s(scale, 1000 * scale);
    REQUIRE(s.fontsLoaded);
    s.Frames(2);
    const auto& keys = s.osk.Keys();
    std::set<std::string> names;
    for (const auto& k : keys) names.insert(k.name);
    std::set<std::string> expected = {"space", "backspace", "clear", "close"};
    for (const char* row : {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"})
      for (const char* c = row; *c; ++c) expected.insert(std::string(1, *c));
    expected.insert("ç");
    expected.insert("ë");
    CHECK(names == expected);
    CHECK(keys.size() == expected.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      CAPTURE(keys[i].name);
      CHECK(keys[i].max.y - keys[i].min.y >= 56 * scale);  // a finger's target
      CHECK(keys[i].max.x - keys[i].min.x >= 80 * scale);
      CHECK(keys[i].min.x >= 20);
      CHECK(keys[i].max.x <= 20 + 1000 * scale + 0.5f);
      for (size_t j = i + 1; j < keys.size(); ++j) CHECK_FALSE(Overlap(keys[i], keys[j]));
    }
    // columns line up: the right edge of every row
    for (const char* name : {"p", "ç", "backspace", "close"})
      CHECK(s.osk.FindKey(name)->max.x == doctest::Approx(s.osk.FindKey("0")->max.x));
    const ui::OnScreenKeyboard::Key *space = s.osk.FindKey("space"), *q = s.osk.FindKey("q");
    CHECK(space->max.x - space->min.x > 5 * (q->max.x - q->min.x));
    // it takes the height it says and the cursor moves below it
    CHECK(s.osk.FindKey("close")->max.y == doctest::Approx(40 + ui::OnScreenKeyboard::Height(scale)));
    CHECK(s.below >= 40 + ui::OnScreenKeyboard::Height(scale));
    // ç and ë are real glyphs of the font, not the fallback
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x00E7) != nullptr);
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(0x00EB) != nullptr);
  }
}

TEST_CASE("On-screen keyboard: typing ç and ë, space, backspace by whole letters, clear") {
  KeyboardScreen s;
  s.Frames(2);
  s.Click("ç");
  CHECK(s.text == "ç");
  CHECK(s.changes == 1);
  s.Click("ë");
  s.Click("s");
  s.Click("h");
  s.Click("t");
  s.Click("j");
  s.Click("e");
  s.Click("space");
  s.Click("3");
  s.Click("ë");
  CHECK(s.text == "çështje 3ë");
  CHECK(s.changes == 10);
  s.Click("backspace");  // "ë" is two bytes: both go
  CHECK(s.text == "çështje 3");
  CHECK(core::IsValidUtf8(s.text));
  s.text = "ç";
  s.Click("backspace");
  CHECK(s.text.empty());
  s.Click("backspace");  // nothing left: no change reported
  CHECK(s.text.empty());
  CHECK(s.changes == 12);
  s.text = "Bërzhitë";
  s.Click("clear");
  CHECK(s.text.empty());
  CHECK(s.changes == 13);
  CHECK_FALSE(s.osk.CloseRequested());
}

TEST_CASE("On-screen keyboard: a finger's tap types, close asks to close, backspace held repeats") {
  KeyboardScreen s;
  s.Frames(2);
  s.Tap("ë");
  s.Tap("ç");
  CHECK(s.text == "ëç");
  // close: asked for in that frame only, the text stays
  const ui::OnScreenKeyboard::Key* close = s.osk.FindKey("close");
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(close->min.x + 5, close->min.y + 5);
  io.MouseDown[0] = true;
  s.Frames(1);
  io.MouseDown[0] = false;
  s.Frames(1);
  CHECK(s.osk.CloseRequested());
  CHECK_FALSE(s.changed);
  s.Frames(1);
  CHECK_FALSE(s.osk.CloseRequested());
  CHECK(s.text == "ëç");
  // held down for half a second, backspace keeps deleting (ImGui's typematic repeat)
  s.text = "abcdefghijklmnopqrstuvwxyz";
  const ui::OnScreenKeyboard::Key* back = s.osk.FindKey("backspace");
  io.MousePos = ImVec2(back->min.x + 5, back->min.y + 5);
  io.MouseDown[0] = true;
  s.Frames(30);
  io.MouseDown[0] = false;
  s.Frames(1);
  CHECK(s.text.size() < 24);
  CHECK(s.text.size() > 0);
}

TEST_CASE("On-screen keyboard: stable IDs, a length limit and PopCodePoint") {
  KeyboardScreen s;
  s.Frames(2);
  const ui::OnScreenKeyboard::Key* c = s.osk.FindKey("ç");
  REQUIRE(c);
  CHECK(c->id == s.expectedId);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(c->min.x + 5, c->min.y + 5);
  io.MouseDown[0] = true;
  s.Frames(1);
  CHECK(ImGui::GetActiveID() == s.expectedId);
  io.MouseDown[0] = false;
  s.Frames(1);

  s.osk.SetMaxLength(3);
  s.text = "ab";
  s.Click("ë");
  s.Click("ë");
  CHECK(s.text == "abë");  // three letters, five bytes

  std::string t = "a\u20ACë";
  ui::OnScreenKeyboard::PopCodePoint(t);
  CHECK(t == "a\u20AC");
  ui::OnScreenKeyboard::PopCodePoint(t);
  CHECK(t == "a");
  ui::OnScreenKeyboard::PopCodePoint(t);
  ui::OnScreenKeyboard::PopCodePoint(t);
  CHECK(t.empty());

  s.osk.SetLabels(ui::OnScreenKeyboard::EnglishLabels());
  s.Frames(1);
  CHECK(s.osk.FindKey("space") != nullptr);
}
