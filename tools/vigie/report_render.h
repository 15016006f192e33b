// SPDX-License-Identifier: Apache-2.0
// The assessment of `vigie report` (assess.h) written for people: one
// self-contained HTML page (no request leaves it: a Content-Security-Policy
// forbids any; charts are inline SVG, each beside a table that says the
// same) and Markdown for tickets, in French or English. Both are written
// from the JSON document alone, so the three formats say the same.
#ifndef VIGIE_TOOLS_VIGIE_REPORT_RENDER_H_
#define VIGIE_TOOLS_VIGIE_REPORT_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace vigie::cli {

// `lang` is "fr" or "en".
std::string RenderHtml(const nlohmann::json& assessment, std::string_view lang);
std::string RenderMarkdown(const nlohmann::json& assessment, std::string_view lang);

}  // namespace vigie::cli

#endif  // VIGIE_TOOLS_VIGIE_REPORT_RENDER_H_
