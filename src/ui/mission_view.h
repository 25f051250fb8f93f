// The mission statement: numbered paragraphs and lettered lists with a hanging indent. It
// keeps nothing between frames: the bundle holds all it shows.
#pragma once
#include "ui/view_context.h"

namespace ui {

void DrawMissionView(const ViewContext& ctx);

}  // namespace ui
