// Drawing helpers shared by the views. Those that carry meaning draw and record their mirror
// node in one call (Heading, Paragraph, Link, Button, ...), so that nothing a reader needs can
// be drawn without being mirrored. TextBlock and DrawMarkedText only draw: for rows of long
// lists, whose mirror is recorded for a window of rows apart from what is drawn.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/route.h"
#include "core/screen.h"
#include "ui/view_context.h"

namespace ui {

// Wrapped text at the cursor, in `font` and `color`, up to the current wrap position. Draws only.
void TextBlock(ImFont* font, ImU32 color, std::string_view text);
// Height of `text` wrapped at `width` in `font`.
float WrappedHeight(ImFont* font, std::string_view text, float width);

// How a paragraph looks: running text, a lead (bold), a note (small, muted), an error.
using core::TextStyle;

// A screen or section heading (level 1-3), drawn and mirrored.
void Heading(const DrawContext& ctx, int level, std::string_view text);
// One paragraph, drawn and mirrored.
void Paragraph(const DrawContext& ctx, std::string_view text, TextStyle style = TextStyle::Body);
// One item of a list (inside ListBegin/ListEnd) that is text only, drawn and mirrored.
void ListItem(const DrawContext& ctx, std::string_view text, TextStyle style = TextStyle::Body);
// Body text split into paragraphs at blank lines, each drawn and mirrored, with space after.
void Paragraphs(const DrawContext& ctx, std::string_view text);
// A link to `target` inside the app, drawn and mirrored; a press goes there (a new history
// entry). Sized for touch (44 CSS px high). Returns true when pressed.
bool Link(const DrawContext& ctx, const char* id, std::string_view label, const core::Route& target);
// An action that is not a route ("Copy link", a language), drawn like a link and mirrored as a
// button. True when pressed on the canvas or activated through the mirror.
bool Button(const DrawContext& ctx, const char* id, std::string_view label);
// A filled button ("Open the document") that opens `url` outside the app, mirrored as an
// external link. `url` passed core::IsSafeExternalUrl or came from Host::BundleFileUrl.
void ExternalLink(const DrawContext& ctx, const char* id, std::string_view label, const std::string& url);
// An item of a list (inside ListBegin/ListEnd) that leads out of the app: its title drawn as
// a link that opens `url`, `note` under it; mirrored as an item linking out.
void ExternalItem(const DrawContext& ctx, const char* id, std::string_view title, const std::string& url, std::string_view note);
// A small toggle among options (sort orders): filled when `active`; mirrored as a button
// ("Newest ✓" when active). True when chosen.
bool Toggle(const DrawContext& ctx, std::string_view label, bool active);

// Text wrapped at `wrapWidth` drawn at `pos` with the byte ranges `marks` highlighted behind
// the text; returns the height used. Measure first with WrappedHeight (same line breaking).
// At most `maxLines` lines when it is above 0; a cut text ends in "…". Draws only.
float DrawMarkedText(ImDrawList* dl, ImFont* font, ImVec2 pos, float wrapWidth, std::string_view text,
                     const std::vector<std::pair<size_t, size_t>>& marks, ImU32 color, ImU32 markColor,
                     int maxLines = 0);

// A row of filter chips ("2023 (412)"); it wraps at the end of the measure and is a list in
// the mirror (of `layout`, core::MirrorNode). A pressed chip goes to its target.
void ChipRow(const DrawContext& ctx, const std::vector<core::Chip>& chips, std::string layout = "chips");
// A chip's size for `label`: 44 CSS px high, for touch.
ImVec2 ChipSize(const DrawContext& ctx, std::string_view label);
// A chip at the cursor, `extra` px wider than its label needs (room drawn over by the caller);
// filled when `active`. Draws only; true when pressed.
bool ChipButton(const DrawContext& ctx, std::string_view label, bool active, ImVec2 size, float extra = 0);

// A numbered paragraph: "1." in the margin, the text after a hanging indent; mirrored as
// "1. text".
void NumberedParagraph(const DrawContext& ctx, const std::string& number, std::string_view text);
// A lettered list: "a)" in the margin of each item; mirrored as a list of "a) text".
void LetteredList(const DrawContext& ctx, const std::vector<std::pair<std::string, std::string>>& entries);

// A part of the content on its way (a muted line saying what is loading) or that could not be
// had (why, with "Try again": everything shown stays).
void ProgressNote(const DrawContext& ctx, std::string_view text, const core::Progress& progress);

// Where the mirror is the page (reading mode) and a list of `count` rows records only its first
// `shown`: says so in the mirror ("(the first 300 are shown)"). Nothing is drawn.
void PageCutNote(const DrawContext& ctx, size_t shown, size_t count);

// Full-width vertical space in CSS pixels.
void Gap(const DrawContext& ctx, float cssPixels);

}  // namespace ui
