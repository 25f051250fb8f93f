// The in-place line of a published archive's part; see archive_note.h.
#include "ui/archive_note.h"

#include "ui/widgets.h"

namespace ui {

namespace {

std::string Fill(std::string text, const std::string& value) {
  const size_t at = text.find("{}");
  if (at != std::string::npos) text.replace(at, 2, value);
  return text;
}

}  // namespace

std::string OfCount(const DrawContext& ctx, size_t done, size_t all) {
  return core::FormatCount(done, ctx.Lang()) + (ctx.Lang() == "sq" ? " nga " : " of ") + core::FormatCount(all, ctx.Lang());
}

void ArchiveNote(const ViewContext& ctx, core::Str what, const std::string& file, const std::string& progress) {
  const std::string* failure = ctx.archive ? ctx.archive->Failure(file) : nullptr;
  if (!failure) {
    Paragraph(ctx, Fill(ctx.Tr(what), progress), TextStyle::Note);
    return;
  }
  Paragraph(ctx, Fill(ctx.Tr(core::Str::PartFailed), file + ": " + *failure), TextStyle::ErrorNote);
  if (Button(ctx, "##retry-part", ctx.Tr(core::Str::Retry))) ctx.nav.RetryContent();
  Gap(ctx, 8);
}

}  // namespace ui

namespace ui {

void DrawSeeking(const ViewContext& ctx, const std::string& file) {
  Heading(ctx, 1, ctx.Tr(core::Str::Loading));
  ArchiveNote(ctx, core::Str::LoadingItem, file);
}

}  // namespace ui
