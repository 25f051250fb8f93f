// What a screen shows in place of a part of a published archive (core/published_archive.h)
// that is on its way: a muted line saying what is loading, or, when the part could not be had,
// why, with "Try again" (everything already shown stays). Drawn and mirrored.
#pragma once
#include <string>

#include "core/strings.h"
#include "ui/view_context.h"

namespace ui {

// `what` is the line while `file` loads; `{}` in it becomes `progress` when given.
void ArchiveNote(const ViewContext& ctx, core::Str what, const std::string& file, const std::string& progress = "");
// "1,234 of 20,000" / "1 234 nga 20 000".
std::string OfCount(const DrawContext& ctx, size_t done, size_t all);

}  // namespace ui

namespace ui {

// A detail screen whose item is not in yet: `file` (the id index's bucket, then the item's
// headline shard) is on its way.
void DrawSeeking(const ViewContext& ctx, const std::string& file);

}  // namespace ui
