#pragma once
// The cleanup profile's rules by name: one table for --no-clean, the docs and the diagnostics.
// A CleanRules object lives for one read: it answers whether a rule is on and counts how often
// each rule fired; report() then gives one info diagnostic `html.clean.<rule>` per rule that fired.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"

namespace sheaf::html {

enum class CleanRule {
  // Element rules of main_content.cpp: they drop an element and its subtree before the walk.
  hidden, navigation, share, comments, related, ads, notices, page_furniture, link_rail,
  // Rules of the tree walk (dom_reader.cpp, dom_figures.cpp, html_reader.cpp).
  lazy_images, tracking_pixels, zoom_icons, empty_elements, wrappers, br_runs, duplicate_title,
  timestamp_comments, lead_figure,
};
inline constexpr std::size_t kCleanRuleCount = 18;

/// The rule names, in CleanRule order ("hidden", …, "lead_figure").
const std::array<std::string_view, kCleanRuleCount>& clean_rule_names() noexcept;
/// The rule called `name`, or nullopt ("all" is not a rule: it is --keep-all).
std::optional<CleanRule> clean_rule(std::string_view name) noexcept;

class CleanRules {
 public:
  /// Rules named in `off` (ReaderOptions::no_clean; "all" turns every rule off) are off.
  explicit CleanRules(const std::vector<std::string>& off);
  [[nodiscard]] bool on(CleanRule rule) const noexcept { return on_[static_cast<std::size_t>(rule)]; }
  /// Counts one firing; `chars` of text removed (0 when none), `example` names the first element.
  void fired(CleanRule rule, std::size_t chars = 0, std::string_view example = {});
  [[nodiscard]] std::size_t count(CleanRule rule) const noexcept { return tally_[static_cast<std::size_t>(rule)].count; }
  /// One info diagnostic per rule that fired: "N time(s)[, C characters][ (first: <x>)]".
  void report(Context& context, const std::string& source_name) const;

 private:
  struct Tally {
    std::size_t count = 0, chars = 0;
    std::string example;
  };
  std::array<bool, kCleanRuleCount> on_{};
  std::array<Tally, kCleanRuleCount> tally_{};
};

}  // namespace sheaf::html
