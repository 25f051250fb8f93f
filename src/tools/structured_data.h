// A published page's structured data (schema.org, as JSON-LD), which search engines read: a
// news item is a NewsArticle, a directive a Legislation (schema.org's type for "an act, decree,
// bill", with its number and its documents as LegislationObject files), the mission page the
// ministry as a GovernmentOrganization, and every list a CollectionPage of it.
#pragma once
#include <string>

#include "core/content.h"
#include "core/page.h"

namespace tools {

// The page's <script type="application/ld+json"> element. `base`: the site's public address
// (absolute URLs); `site`: the site's title in the page's language.
std::string StructuredData(const core::Content& content, const core::Page& page, const std::string& base, const std::string& site);

// The MIME type of a document type ("PDF" -> "application/pdf"); "" when not known.
std::string MediaType(const std::string& type);

}  // namespace tools
