// Mirror recording; rectangles come from the last ImGui item.
#include "ui/mirror_recorder.h"

namespace ui {

namespace {

core::MirrorRect LastItemRect() {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  return {min.x, min.y, max.x - min.x, max.y - min.y};
}

}  // namespace

void MirrorRecorder::Begin(std::string title, std::string lang) {
  m_mirror.Clear();
  m_mirror.title = std::move(title);
  m_mirror.lang = std::move(lang);
}

core::MirrorNode& MirrorRecorder::Add(core::MirrorKind kind, std::string text, int level) {
  core::MirrorNode node;
  node.kind = kind;
  node.level = level;
  node.text = std::move(text);
  node.rect = LastItemRect();
  m_mirror.nodes.push_back(std::move(node));
  return m_mirror.nodes.back();
}

void MirrorRecorder::AddMarker(core::MirrorKind kind) {
  core::MirrorNode node;
  node.kind = kind;
  m_mirror.nodes.push_back(std::move(node));
}

bool MirrorRecorder::Button(std::string text, core::MirrorRect rect) {
  const bool activated = Button(std::move(text));
  m_mirror.nodes.back().rect = rect;
  return activated;
}

bool MirrorRecorder::Button(std::string text) {
  const size_t index = m_mirror.nodes.size();
  Add(core::MirrorKind::Button, std::move(text));
  if (m_activate && *m_activate == index) {
    m_activate.reset();
    return true;
  }
  return false;
}

bool MirrorRecorder::Toggle(std::string text, bool pressed) {
  const bool activated = Button(std::move(text));
  m_mirror.nodes.back().pressed = pressed;
  return activated;
}

core::MirrorNode& MirrorRecorder::Item(std::string text, std::string href, std::string note,
                                       std::vector<std::pair<size_t, size_t>> marks) {
  core::MirrorNode& n = Add(core::MirrorKind::Item, std::move(text));
  n.href = std::move(href);
  n.note = std::move(note);
  n.marks = std::move(marks);
  return n;
}

void MirrorRecorder::Link(std::string text, std::string href, bool external, bool current) {
  core::MirrorNode& n = Add(core::MirrorKind::Link, std::move(text));
  n.href = std::move(href);
  n.external = external;
  n.current = current;
}

void MirrorRecorder::Figure(std::string alt, std::string src, std::string caption) {
  core::MirrorNode& n = Add(core::MirrorKind::Figure, std::move(alt));
  n.href = std::move(src);
  n.note = std::move(caption);
}

}  // namespace ui
