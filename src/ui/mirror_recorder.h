// Records the mirror of the screen while it is drawn: each call adds a node with the rectangle
// of the ImGui item just drawn (or the one given).
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/mirror.h"

namespace ui {

class MirrorRecorder {
 public:
  void Begin(std::string title, std::string lang);
  core::Mirror Take() { return std::move(m_mirror); }
  const core::Mirror& Current() const { return m_mirror; }
  // The node recorded last (there is one).
  core::MirrorNode& Last() { return m_mirror.nodes.back(); }

  core::MirrorNode& Heading(int level, std::string_view text) { return Add(core::MirrorKind::Heading, std::string(text), level); }
  void Paragraph(std::string_view text) { Add(core::MirrorKind::Paragraph, std::string(text)); }
  void Alert(std::string_view text) { Add(core::MirrorKind::Alert, std::string(text)); }
  void SearchField(std::string text) { Add(core::MirrorKind::SearchField, std::move(text)); }
  // Returns true when a screen reader activated this button through the mirror.
  bool Button(std::string text);
  bool Button(std::string text, core::MirrorRect rect);  // an item drawn elsewhere
  // A button that is a toggle (aria-pressed); true when activated through the mirror.
  bool Toggle(std::string text, bool pressed);
  void SetActivation(std::optional<size_t> index) { m_activate = index; }
  // `layout`: how a page lays the list out (core::MirrorNode::layout).
  void ListBegin(std::string layout = {}) {
    AddMarker(core::MirrorKind::ListBegin);
    m_mirror.nodes.back().layout = std::move(layout);
  }
  void ListEnd() { AddMarker(core::MirrorKind::ListEnd); }
  void NavBegin() { AddMarker(core::MirrorKind::NavBegin); }
  void NavEnd() { AddMarker(core::MirrorKind::NavEnd); }
  core::MirrorNode& Item(std::string text, std::string href, std::string note = {},
                         std::vector<std::pair<size_t, size_t>> marks = {});
  void Link(std::string text, std::string href, bool external = false, bool current = false);
  // An image: its alt text, its address, its caption and credit (core::Caption).
  void Figure(std::string alt, std::string src, std::string caption);

 private:
  core::MirrorNode& Add(core::MirrorKind kind, std::string text, int level = 0);
  void AddMarker(core::MirrorKind kind);

  core::Mirror m_mirror;
  std::optional<size_t> m_activate;  // mirror node index activated before this frame
};

}  // namespace ui
