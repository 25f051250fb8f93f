// See imgui_context.h.
#include "ui/imgui_context.h"

namespace test {

bool StartImGui(float width, float height, float scale, ui::Fonts& fonts) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60;
  const bool loaded = ui::LoadFonts(ui::ReadFontFile(MODV_FONT_FILE), scale, fonts);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  return loaded;
}

}  // namespace test
