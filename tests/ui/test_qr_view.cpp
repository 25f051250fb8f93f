// DrawQr headless: the rectangles it adds to the draw list, painted back into modules, must be
// the code with its white quiet zone, in black and white whatever the theme, on whole pixels.
#include <doctest/doctest.h>

#include <cmath>

#include "ui/fonts.h"
#include "ui/frame_driver.h"
#include "ui/imgui_context.h"
#include "ui/qr_view.h"
#include "ui/theme.h"

namespace {

struct Drawn {
  ImVec2 size, cursorBefore, cursorAfter;
  std::vector<ImDrawVert> verts;  // what DrawQr added: 4 vertices a rectangle
};

Drawn DrawOnce(const core::QrCode& qr, float modulePx, int quiet, ImVec2 at) {
  Drawn d;
  ui::DrawImGuiFrame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorScreenPos(at);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int first = dl->VtxBuffer.Size;
    d.size = ui::DrawQr(qr, modulePx, quiet);
    d.cursorAfter = ImGui::GetCursorScreenPos();
    d.verts.assign(dl->VtxBuffer.Data + first, dl->VtxBuffer.Data + dl->VtxBuffer.Size);
    ImGui::End();
  });
  return d;
}

// The colour at the centre of module (x, y) of the symbol (quiet zone included), painting the
// rectangles in order; 0 when nothing covers it.
ImU32 ColourAt(const Drawn& d, ImVec2 origin, float m, int x, int y) {
  const float px = origin.x + (x + 0.5f) * m, py = origin.y + (y + 0.5f) * m;
  ImU32 colour = 0;
  for (size_t i = 0; i + 3 < d.verts.size(); i += 4) {
    const ImVec2 a = d.verts[i].pos, b = d.verts[i + 2].pos;
    if (px > a.x && px < b.x && py > a.y && py < b.y) colour = d.verts[i].col;
  }
  return colour;
}

}  // namespace

TEST_CASE("DrawQr draws the modules in black on a white quiet zone, on whole pixels, whatever the theme") {
  ui::Fonts fonts;
  test::StartImGui(800, 600, 1, fonts);
  ui::ApplyTheme(ui::DarkPalette(), 1);  // light text on dark: the code must not follow it

  const auto qr = core::EncodeQr("https://mod.gov.al/#/news/armed-forces-museum-berzhite");
  REQUIRE(qr);
  const Drawn d = DrawOnce(*qr, 3.7f, 4, ImVec2(10.5f, 20.25f));
  const float m = 3;  // rounded down to whole pixels
  const int side = qr->size + 8;
  CHECK(d.size.x == side * m);
  CHECK(d.size.y == side * m);
  CHECK(ui::QrSize(*qr, 3.7f).x == d.size.x);
  CHECK(d.cursorAfter.y >= 20 + side * m);  // the cursor moved below, like after any item
  REQUIRE(d.verts.size() % 4 == 0);
  const ImVec2 origin = d.verts[0].pos;  // the white background comes first
  CHECK(origin.x == 10);
  CHECK(origin.y == 20);
  CHECK(d.verts[2].pos.x == 10 + side * m);
  for (const ImDrawVert& v : d.verts) {
    CHECK(v.pos.x == std::floor(v.pos.x));  // sharp module edges
    CHECK((v.col == IM_COL32(0, 0, 0, 255) || v.col == IM_COL32(255, 255, 255, 255)));
  }
  int wrong = 0;
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      const int qx = x - 4, qy = y - 4;
      const bool dark = qx >= 0 && qy >= 0 && qx < qr->size && qy < qr->size && qr->At(qx, qy);
      wrong += ColourAt(d, origin, m, x, y) != (dark ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255));
    }
  CHECK(wrong == 0);
  // runs of a row share one rectangle: far fewer than one per dark module
  int darkModules = 0;
  for (bool b : qr->modules) darkModules += b;
  CHECK(d.verts.size() / 4 < static_cast<size_t>(darkModules) * 2 / 3);

  // without a quiet zone the modules start at the cursor; below 1 px a module still takes 1 px
  const Drawn tight = DrawOnce(*qr, 0.4f, 0, ImVec2(5, 5));
  CHECK(tight.size.x == qr->size);
  CHECK(ColourAt(tight, ImVec2(5, 5), 1, 0, 0) == IM_COL32(0, 0, 0, 255));  // the finder's corner
  ImGui::DestroyContext();
}
