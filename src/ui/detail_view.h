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
  void DrawNews(const ViewContext& ctx, const core::NewsItem& item, const core::Route& route);
  void DrawDirective(const ViewContext& ctx, const core::Directive& item, const core::Route& route);
  void ForgetCopiedLink() { m_linkCopied = false; }

 private:
  void CopyLink(const ViewContext& ctx, const core::Route& route);
  bool m_linkCopied = false;  // "Link copied" instead of "Copy link"
};

}  // namespace ui
