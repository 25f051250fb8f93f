// Drawing helpers shared by the views.
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace ui {

bool DrawContext::Narrow() const { return ImGui::GetIO().DisplaySize.x / scale < 600.0f; }

float WrappedHeight(ImFont* font, std::string_view text, float width) {
  if (text.empty()) return 0;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size());
  return size.y;
}

void TextBlock(ImFont* font, ImU32 color, std::string_view text) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Heading(const DrawContext& ctx, int level, std::string_view text) {
  ImFont* font = level <= 1 ? ctx.fonts.h1 : level == 2 ? ctx.fonts.h2 : ctx.fonts.bold;
  TextBlock(font, ctx.palette.text, text);
  ctx.mirror.Heading(level, text);
  Gap(ctx, level <= 1 ? 12 : 6);
}

namespace {

void StyledText(const DrawContext& ctx, std::string_view text, TextStyle style) {
  const bool small = style == TextStyle::Note || style == TextStyle::ErrorNote;
  ImFont* font = small ? ctx.fonts.small : style == TextStyle::Lead ? ctx.fonts.bold : ctx.fonts.body;
  const ImU32 color = style == TextStyle::Note                                       ? ctx.palette.muted
                      : style == TextStyle::Error || style == TextStyle::ErrorNote ? ctx.palette.error
                                                                                   : ctx.palette.text;
  TextBlock(font, color, text);
}

}  // namespace

void Paragraph(const DrawContext& ctx, std::string_view text, TextStyle style) {
  StyledText(ctx, text, style);
  ctx.mirror.Paragraph(text);
}

void ListItem(const DrawContext& ctx, std::string_view text, TextStyle style) {
  StyledText(ctx, text, style);
  ctx.mirror.Item(std::string(text), "");
}

void Paragraphs(const DrawContext& ctx, std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view para = text.substr(start, end - start);
    if (!para.empty()) {
      Paragraph(ctx, para);
      Gap(ctx, 10);
    }
    start = end + 2;
  }
}

namespace {

// Text drawn as a link (underlined, in the link colour), 44 CSS px high for touch.
bool LinkLook(const DrawContext& ctx, const char* id, std::string_view label) {
  ImGui::PushFont(ctx.fonts.bold);
  const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  const ImVec2 size(text.x, std::max(text.y, ctx.Px(44)));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 at(pos.x, pos.y + (size.y - text.y) * 0.5f);
  dl->AddText(at, ctx.palette.link, label.data(), label.data() + label.size());
  const float underline = at.y + text.y + (hovered ? ctx.Px(1) : 0);
  dl->AddLine(ImVec2(at.x, underline), ImVec2(at.x + text.x, underline), ctx.palette.link, ctx.Px(hovered ? 2 : 1));
  ImGui::PopFont();
  return pressed;
}

}  // namespace

bool Link(const DrawContext& ctx, const char* id, std::string_view label, const core::Route& target) {
  const bool pressed = LinkLook(ctx, id, label);
  ctx.mirror.Link(std::string(label), core::FormatRoute(target));
  if (pressed) ctx.nav.GoTo(target, How::Push);
  return pressed;
}

bool Button(const DrawContext& ctx, const char* id, std::string_view label) {
  const bool pressed = LinkLook(ctx, id, label);
  return ctx.mirror.Button(std::string(label)) || pressed;
}

void ExternalLink(const DrawContext& ctx, const char* id, std::string_view label, const std::string& url) {
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Button, ctx.palette.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ctx.palette.link);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.accentText);
  const std::string full = std::string(label) + id;
  const bool pressed = ImGui::Button(full.c_str(), ImVec2(0, ctx.Px(44)));
  ImGui::PopStyleColor(3);
  ImGui::PopFont();
  if (pressed) ctx.host.OpenUrl(url);
  ctx.mirror.Link(std::string(label), url, true);
}

void ExternalItem(const DrawContext& ctx, const char* id, std::string_view title, const std::string& url, std::string_view note) {
  const ImVec2 top = ImGui::GetCursorScreenPos();
  if (LinkLook(ctx, id, title)) ctx.host.OpenUrl(url);
  core::MirrorNode& n = ctx.mirror.Item(std::string(title), url, std::string(note));
  n.external = true;
  if (note.empty()) return;
  TextBlock(ctx.fonts.small, ctx.palette.muted, note);
  n.rect.h = ImGui::GetItemRectMax().y - top.y;
}

bool Toggle(const DrawContext& ctx, std::string_view label, bool active) {
  ImGui::PushFont(ctx.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Button, active ? ctx.palette.accent : ctx.palette.surface);
  ImGui::PushStyleColor(ImGuiCol_Text, active ? ctx.palette.accentText : ctx.palette.text);
  const std::string text(label);
  const bool clicked = ImGui::Button(text.c_str(), ImVec2(0, ctx.Px(44)));
  ImGui::PopStyleColor(2);
  ImGui::PopFont();
  return ctx.mirror.Button(text + (active ? " ✓" : "")) || clicked;
}

float DrawMarkedText(ImDrawList* dl, ImFont* font, ImVec2 pos, float wrapWidth, std::string_view text,
                     const std::vector<std::pair<size_t, size_t>>& marks, ImU32 color, ImU32 markColor,
                     int maxLines) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  const float size = font->FontSize;
  float y = pos.y;
  int lines = 0;
  for (const char* s = begin; s < end;) {
    const char* lineEnd = font->CalcWordWrapPositionA(1.0f, s, end, wrapWidth);
    if (lineEnd <= s) lineEnd = s + 1;
    const size_t a = static_cast<size_t>(s - begin), b = static_cast<size_t>(lineEnd - begin);
    for (const auto& [mb, me] : marks) {
      if (me <= a || mb >= b) continue;
      const char* from = begin + std::max(mb, a);
      const char* to = begin + std::min(me, b);
      const float x0 = pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, s, from).x;
      const float x1 = pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, s, to).x;
      dl->AddRectFilled(ImVec2(x0 - 1, y), ImVec2(x1 + 1, y + size), markColor, 2.0f);
    }
    const char* drawEnd = lineEnd;
    while (drawEnd > s && (drawEnd[-1] == '\n' || drawEnd[-1] == '\r')) --drawEnd;
    dl->AddText(font, size, ImVec2(pos.x, y), color, s, drawEnd);
    // Like ImGui's own wrapping: blanks at the start of the next line are dropped.
    const char* next = lineEnd;
    while (next < end && (*next == ' ' || *next == '\t')) ++next;
    if (next < end && *next == '\n') ++next;
    if (++lines == maxLines && next < end) {  // cut here: an ellipsis says there is more
      const char* last = drawEnd;
      while (last > s && last[-1] == ' ') --last;
      dl->AddText(font, size, ImVec2(pos.x + font->CalcTextSizeA(size, FLT_MAX, 0, s, last).x, y), color, "…");
      y += size;
      break;
    }
    y += size;
    s = next;
  }
  return y - pos.y;
}

ImVec2 ChipSize(const DrawContext& ctx, std::string_view label) {
  ImGui::PushFont(ctx.fonts.small);
  const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
  ImGui::PopFont();
  return ImVec2(text.x + ctx.Px(24), ctx.Px(44));
}

bool ChipButton(const DrawContext& ctx, std::string_view label, bool active, ImVec2 size, float extra) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const std::string id(label);
  ImGui::PushID(id.c_str());
  const bool pressed = ImGui::InvisibleButton("##chip", ImVec2(size.x + extra, size.y));
  ImGui::PopID();
  if (!ImGui::IsItemVisible()) return pressed;  // scrolled away: nothing to draw (a year rail has dozens)
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 min(pos.x, pos.y + ctx.Px(6)), max(pos.x + size.x + extra, pos.y + size.y - ctx.Px(6));
  const ImU32 fill = active ? ctx.palette.accent : hovered ? ctx.palette.surfaceHover : ctx.palette.surface;
  dl->AddRectFilled(min, max, fill, (max.y - min.y) * 0.5f);
  if (!active) dl->AddRect(min, max, ctx.palette.axis, (max.y - min.y) * 0.5f, 0, ctx.Px(1));
  ImGui::PushFont(ctx.fonts.small);
  const float textH = ImGui::GetFontSize();
  dl->AddText(ImVec2(pos.x + ctx.Px(12), pos.y + (size.y - textH) * 0.5f), active ? ctx.palette.accentText : ctx.palette.text,
              label.data(), label.data() + label.size());
  ImGui::PopFont();
  return pressed;
}

namespace {

// "number" then text, the text wrapped in a column after a hanging indent of `indent`; drawn
// only (NumberedParagraph and LetteredList mirror it).
void Hanging(const DrawContext& ctx, const std::string& marker, std::string_view text, float indent) {
  const float x = ImGui::GetCursorPosX();
  ImGui::PushFont(ctx.fonts.body);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.muted);
  ImGui::TextUnformatted(marker.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(x + indent, 0);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.palette.text);
  // Wrapped at the shell's measure (its text wrap position), as every screen's text is.
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

constexpr float kNumberIndent = 32, kLetterIndent = 36;  // CSS px

}  // namespace

void ChipRow(const DrawContext& ctx, const std::vector<core::Chip>& chips, std::string layout) {
  const float right = ImGui::GetCursorScreenPos().x + ctx.measure;
  ctx.mirror.ListBegin(std::move(layout));
  bool first = true;
  for (const core::Chip& chip : chips) {
    const ImVec2 size = ChipSize(ctx, chip.label);
    if (!first) {
      ImGui::SameLine(0, ctx.Px(6));
      if (ImGui::GetCursorScreenPos().x + size.x > right) ImGui::NewLine();  // wraps at the measure
    }
    first = false;
    const bool pressed = ChipButton(ctx, chip.label, chip.active, size);
    ctx.mirror.Item(chip.label, core::FormatRoute(chip.target)).current = chip.active;
    if (pressed) ctx.nav.GoTo(chip.target, How::Push);
  }
  ctx.mirror.ListEnd();
}

void NumberedParagraph(const DrawContext& ctx, const std::string& number, std::string_view text) {
  Hanging(ctx, number + ".", text, ctx.Px(kNumberIndent));
  ctx.mirror.Paragraph(number + ". " + std::string(text));
}

void LetteredList(const DrawContext& ctx, const std::vector<std::pair<std::string, std::string>>& entries) {
  Gap(ctx, 6);
  ImGui::Indent(ctx.Px(kNumberIndent));
  ctx.mirror.ListBegin();
  for (const auto& [label, text] : entries) {
    Hanging(ctx, label + ")", text, ctx.Px(kLetterIndent));
    ctx.mirror.Item(label + ") " + text, "");
    Gap(ctx, 6);
  }
  ctx.mirror.ListEnd();
  ImGui::Unindent(ctx.Px(kNumberIndent));
}

void ProgressNote(const DrawContext& ctx, std::string_view text, const core::Progress& progress) {
  if (progress.state != core::Progress::Failed) {
    Paragraph(ctx, text, TextStyle::Note);
    ctx.mirror.Last().control = true;
    return;
  }
  Paragraph(ctx, core::Fill(ctx.Tr(core::Str::PartFailed), progress.file + ": " + progress.why), TextStyle::ErrorNote);
  ctx.mirror.Last().control = true;
  if (Button(ctx, "##retry-part", ctx.Tr(core::Str::Retry))) ctx.nav.RetryContent();
  Gap(ctx, 8);
}

void PageCutNote(const DrawContext& ctx, size_t shown, size_t count) {
  if (!ctx.mirrorIsPage || shown >= count) return;
  std::string note = ctx.Tr(core::Str::FirstShown);
  note.replace(note.find("{}"), 2, core::FormatCount(shown, ctx.Lang()));
  ctx.mirror.Paragraph(note);
}

void Gap(const DrawContext& ctx, float cssPixels) { ImGui::Dummy(ImVec2(0, ctx.Px(cssPixels))); }

}  // namespace ui
