#include "converters/html/clean_rules.hpp"

namespace sheaf::html {

const std::array<std::string_view, kCleanRuleCount>& clean_rule_names() noexcept {
  static constexpr std::array<std::string_view, kCleanRuleCount> kNames = {
      "hidden",      "navigation",      "share",          "comments", "related", "ads",
      "notices",     "page_furniture",  "link_rail",      "lazy_images", "tracking_pixels", "zoom_icons",
      "empty_elements", "wrappers",     "br_runs",        "duplicate_title", "timestamp_comments", "lead_figure"};
  return kNames;
}

std::optional<CleanRule> clean_rule(std::string_view name) noexcept {
  const auto& names = clean_rule_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<CleanRule>(i);
  return std::nullopt;
}

CleanRules::CleanRules(const std::vector<std::string>& off) {
  on_.fill(true);
  for (const std::string& name : off) {
    if (name == "all") on_.fill(false);
    else if (auto rule = clean_rule(name)) on_[static_cast<std::size_t>(*rule)] = false;
  }
}

void CleanRules::fired(CleanRule rule, std::size_t chars, std::string_view example) {
  Tally& t = tally_[static_cast<std::size_t>(rule)];
  if (t.count++ == 0) t.example = example;
  t.chars += chars;
}

void CleanRules::report(Context& context, const std::string& source_name) const {
  for (std::size_t i = 0; i < kCleanRuleCount; ++i) {
    const Tally& t = tally_[i];
    if (t.count == 0) continue;
    std::string message = "fired " + std::to_string(t.count) + " time(s)";
    if (t.chars) message += ", removing " + std::to_string(t.chars) + " characters";
    if (!t.example.empty()) message += " (first: <" + t.example + ">)";
    context.report(Diagnostic{Severity::info, "html.clean." + std::string(clean_rule_names()[i]), std::move(message),
                              source_name, {}});
  }
}

}  // namespace sheaf::html
