// Mirror comparison and serialisation to HTML and text.
#include "core/mirror.h"

#include <cmath>

namespace core {

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool Mirror::SameContent(const Mirror& o) const {
  if (title != o.title || lang != o.lang || nodes.size() != o.nodes.size()) return false;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (!nodes[i].SameContent(o.nodes[i])) return false;
  return true;
}

bool Mirror::SameRects(const Mirror& o) const {
  if (nodes.size() != o.nodes.size()) return false;
  const auto near = [](float a, float b) { return std::fabs(a - b) < 0.5f; };
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& a = nodes[i].rect;
    const auto& b = o.nodes[i].rect;
    if (!near(a.x, b.x) || !near(a.y, b.y) || !near(a.w, b.w) || !near(a.h, b.h)) return false;
  }
  return true;
}

namespace {

// The node's text with its marks as <mark>; every piece escaped.
std::string MarkedText(const MirrorNode& n) {
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : n.marks) {
    if (begin < at || end > n.text.size() || begin >= end) continue;
    out += EscapeHtml(std::string_view(n.text).substr(at, begin - at));
    out += "<mark>" + EscapeHtml(std::string_view(n.text).substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  return out + EscapeHtml(std::string_view(n.text).substr(at));
}

std::string Anchor(const MirrorNode& n, size_t index) {
  std::string a = "<a data-i=\"" + std::to_string(index) + "\" href=\"" + EscapeHtml(n.href) + "\"";
  if (n.external) a += " target=\"_blank\" rel=\"noopener noreferrer\"";
  if (n.current) a += " aria-current=\"page\"";
  return a + ">" + MarkedText(n) + "</a>";
}

}  // namespace

std::string Mirror::ToHtml() const {
  std::string out;
  bool inMain = false;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const MirrorNode& n = nodes[i];
    const std::string idx = std::to_string(i);
    switch (n.kind) {
      case MirrorKind::NavBegin: out += "<nav>"; break;
      case MirrorKind::NavEnd:
        out += "</nav><main>";
        inMain = true;
        break;
      case MirrorKind::Heading: {
        const std::string h = "h" + std::to_string(n.level < 1 ? 1 : n.level > 6 ? 6 : n.level);
        out += "<" + h + " data-i=\"" + idx + "\">" + EscapeHtml(n.text) + "</" + h + ">";
        break;
      }
      case MirrorKind::Paragraph:
        out += "<p data-i=\"" + idx + "\"" + (n.control ? " data-control" : "") + ">" + EscapeHtml(n.text) + "</p>";
        break;
      case MirrorKind::ListBegin: out += n.layout.empty() ? "<ul>" : "<ul class=\"" + EscapeHtml(n.layout) + "\">"; break;
      case MirrorKind::ListEnd: out += "</ul>"; break;
      case MirrorKind::Disclosure: out += "<details><summary>" + EscapeHtml(n.text) + "</summary>"; break;
      case MirrorKind::DisclosureEnd: out += "</details>"; break;
      case MirrorKind::Item:
        out += "<li>" + (n.href.empty() ? "<span data-i=\"" + idx + "\">" + EscapeHtml(n.text) + "</span>" : Anchor(n, i));
        if (!n.note.empty()) out += " <span>" + EscapeHtml(n.note) + "</span>";
        out += "</li>";
        break;
      case MirrorKind::Link: out += Anchor(n, i); break;
      case MirrorKind::SearchField: break;  // the page keeps one real <input> and places it here
      case MirrorKind::Button:
        out += "<button type=\"button\" data-i=\"" + idx + "\"" +
               (n.pressed ? std::string(" aria-pressed=\"") + (*n.pressed ? "true" : "false") + "\"" : "") + ">" +
               EscapeHtml(n.text) + "</button>";
        break;
      case MirrorKind::Alert:
        out += "<div role=\"alert\" data-i=\"" + idx + "\">" + EscapeHtml(n.text) + "</div>";
        break;
      case MirrorKind::Figure:
        out += "<figure data-i=\"" + idx + "\"><img src=\"" + EscapeHtml(n.href) + "\" alt=\"" + EscapeHtml(n.text) + "\"";
        if (n.width > 0 && n.height > 0)
          out += " width=\"" + std::to_string(n.width) + "\" height=\"" + std::to_string(n.height) + "\"";
        out += ">";
        if (!n.note.empty()) out += "<figcaption>" + EscapeHtml(n.note) + "</figcaption>";
        out += "</figure>";
        break;
    }
  }
  if (inMain) out += "</main>";
  return out;
}

std::string Mirror::ToText() const {
  std::string out;
  int depth = 0;
  for (const MirrorNode& n : nodes) {
    const std::string indent(static_cast<size_t>(depth) * 2, ' ');
    switch (n.kind) {
      case MirrorKind::NavBegin: out += "[nav]\n"; ++depth; break;
      case MirrorKind::NavEnd: --depth; break;
      case MirrorKind::Heading: out += indent + std::string(static_cast<size_t>(n.level), '#') + " " + n.text + "\n"; break;
      case MirrorKind::Paragraph: out += indent + n.text + "\n"; break;
      case MirrorKind::ListBegin: ++depth; break;
      case MirrorKind::ListEnd: --depth; break;
      case MirrorKind::Disclosure: out += indent + "[" + n.text + "]\n"; break;
      case MirrorKind::DisclosureEnd: break;
      case MirrorKind::Item:
      case MirrorKind::Link:
        out += indent + (n.kind == MirrorKind::Item ? "- " : "") + n.text;
        if (!n.href.empty()) out += " <" + n.href + ">";
        if (!n.note.empty()) out += " | " + n.note;
        for (const auto& [b, e] : n.marks)
          if (b < e && e <= n.text.size()) out += " [" + n.text.substr(b, e - b) + "]";
        if (n.current) out += " (current)";
        out += "\n";
        break;
      case MirrorKind::Alert: out += indent + "[alert] " + n.text + "\n"; break;
      case MirrorKind::Figure: out += indent + "[image] " + n.text + " <" + n.href + ">" + (n.note.empty() ? "" : " | " + n.note) + "\n"; break;
      case MirrorKind::SearchField: out += indent + "[search] " + n.text + "\n"; break;
      case MirrorKind::Button:
        out += indent + "[button] " + n.text + (n.pressed ? (*n.pressed ? " (pressed)" : " (not pressed)") : "") + "\n";
        break;
    }
    if (depth < 0) depth = 0;
  }
  return out;
}

}  // namespace core
