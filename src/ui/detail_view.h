// The detail screens of a news item and of a directive: title, date, image, summary, body, the
// document or link, a way back to the list and "Copy link". The view remembers that the link
// was copied until the route changes (App::ApplyRoute calls ForgetCopiedLink).
#pragma once
#include "core/bundle.h"
#include "core/route.h"
#include "ui/view_context.h"

namespace ui {

class DetailView {
 public:
  // `ordinal`: the item's place in its list (a published archive's ordinal: its body's shard).
  void DrawNews(const ViewContext& ctx, const core::NewsItem& item, size_t ordinal, const core::Route& route);
  void DrawDirective(const ViewContext& ctx, const core::Directive& item, size_t ordinal, const core::Route& route);
  void ForgetCopiedLink() { m_linkCopied = false; }

 private:
  void CopyLink(const ViewContext& ctx, const core::Route& route);
  bool m_linkCopied = false;  // "Link copied" instead of "Copy link"
};

}  // namespace ui
