// Headless harness for ui tests.
#include "ui/headless.h"

#include "test_helpers.h"
#include "ui/fonts.h"
#include "ui/imgui_context.h"
#include "ui/theme.h"

namespace test {

Headless::Headless(float width, float height, float scale) {
  host.app = &app;
  ui::Fonts fonts;
  StartImGui(width, height, scale, fonts);
  app.SetFonts(fonts);
  app.SetScale(scale);
  ui::ApplyTheme(app.GetPalette(), scale);
}

Headless::~Headless() { ImGui::DestroyContext(); }

void Headless::Load(const std::string& json) { app.ShowLoadResult(core::LoadBundle(json), "test.json"); }

void Headless::LoadFile(const std::string& relative) { app.ShowLoadResult(core::LoadBundle(SourceFile(relative)), relative); }

void Headless::Frames(int n) {
  for (int i = 0; i < n; ++i) {
    host.Serve();
    driver.Frame();
  }
}

int Headless::FramesUntilIdle(int max) {
  int frames = 0;
  do {
    host.Serve();
    driver.Frame();
    ++frames;
  } while ((driver.WantsFrame() || host.Deliverable()) && frames < max);
  return frames;
}

void Headless::FramesAt(double now, int n) {
  platform.now = now;
  Frames(n);
}

void Headless::Go(const std::string& route) {
  app.GoTo(core::ParseRoute(route), ui::How::Address);
  Frames();
}

void Headless::Resize(float width, float height) {
  ImGui::GetIO().DisplaySize = ImVec2(width, height);
  Frames();
}

const core::MirrorNode* Headless::FindNode(const std::string& text) const {
  for (const auto& n : app.Mirror().nodes)
    if (n.text == text) return &n;
  return nullptr;
}

bool Headless::TapMirrorText(const std::string& text) {
  const core::MirrorNode* n = FindNode(text);
  if (!n) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(n->rect.x + n->rect.w * 0.5f, n->rect.y + n->rect.h * 0.5f);
  io.MouseDown[0] = true;
  Frames(1);
  io.MouseDown[0] = false;
  Frames(2);
  return true;
}

bool Headless::ClickMirrorText(const std::string& text) {
  const core::MirrorNode* n = FindNode(text);
  if (!n) return false;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(n->rect.x + n->rect.w * 0.5f, n->rect.y + n->rect.h * 0.5f);
  Frames(1);
  io.MouseDown[0] = true;
  Frames(1);
  io.MouseDown[0] = false;
  Frames(2);  // the pointer stays where it clicked, as a mouse does
  return true;
}

}  // namespace test
