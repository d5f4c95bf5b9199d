#include "converters/html/css_selector.hpp"

namespace sheaf::html {
namespace {

// CSS identifiers as users write them: ASCII letters, digits, '-', '_', and any non-ASCII byte.
bool ident_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         u >= 0x80;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// An XPath 1.0 string literal; nullopt when the text holds both quote kinds (XPath 1.0 has no escape).
std::optional<std::string> literal(std::string_view text) {
  const auto quoted = [&](char quote) {
    std::string out(1, quote);  // built by appending: GCC 12 warns (-Wrestrict) on "x" + string
    out.append(text);
    out += quote;
    return out;
  };
  if (text.find('\'') == std::string_view::npos) return quoted('\'');
  if (text.find('"') == std::string_view::npos) return quoted('"');
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  std::optional<std::vector<std::string>> run() {
    std::vector<std::string> steps;
    skip_space();
    if (at_end()) return std::nullopt;
    while (!at_end()) {
      auto step = compound();
      if (!step) return std::nullopt;
      steps.push_back("//" + *step);
      const bool spaced = skip_space();
      if (!at_end() && !spaced) return std::nullopt;  // a combinator or stray character
    }
    return steps;
  }

 private:
  bool at_end() const { return i_ >= s_.size(); }
  bool skip_space() {
    const std::size_t start = i_;
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n')) ++i_;
    return i_ > start;
  }
  std::string_view ident() {
    const std::size_t start = i_;
    while (!at_end() && ident_char(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

  // tag? (.class | #id | [attr] | [attr=value])*, at least one part.
  std::optional<std::string> compound() {
    std::string tag = "*";
    std::string predicates;
    bool any = false;
    if (!at_end() && s_[i_] == '*') { ++i_; any = true; }
    else if (auto name = ident(); !name.empty()) { tag = lower(name); any = true; }
    while (!at_end()) {
      const char c = s_[i_];
      if (c == '.' || c == '#') {
        ++i_;
        const auto name = ident();
        if (name.empty()) return std::nullopt;
        std::string word(c == '.' ? " " : "");  // appended: GCC 12 warns (-Wrestrict) on " " + string
        word.append(name);
        if (c == '.') word += ' ';
        auto lit = literal(word);
        if (!lit) return std::nullopt;
        predicates += c == '.' ? "[contains(concat(' ',normalize-space(@class),' ')," + *lit + ")]"
                               : "[@id=" + *lit + "]";
      } else if (c == '[') {
        ++i_;
        skip_space();
        const std::string name = lower(ident());
        if (name.empty()) return std::nullopt;
        skip_space();
        if (at_end()) return std::nullopt;
        if (s_[i_] == ']') {
          predicates += "[@" + name + "]";
        } else if (s_[i_] == '=') {
          ++i_;
          skip_space();
          std::string value;
          if (!at_end() && (s_[i_] == '"' || s_[i_] == '\'')) {
            const char quote = s_[i_++];
            const std::size_t close = s_.find(quote, i_);
            if (close == std::string_view::npos) return std::nullopt;
            value = std::string(s_.substr(i_, close - i_));
            i_ = close + 1;
          } else {
            value = std::string(ident());
            if (value.empty()) return std::nullopt;
          }
          skip_space();
          if (at_end() || s_[i_] != ']') return std::nullopt;
          auto lit = literal(value);
          if (!lit) return std::nullopt;
          predicates += "[@" + name + "=" + *lit + "]";
        } else {
          return std::nullopt;  // [a^=b], [a~=b]…: not supported
        }
        ++i_;  // ']'
      } else {
        break;
      }
      any = true;
    }
    if (!any) return std::nullopt;
    return tag + predicates;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> css_to_xpath_steps(std::string_view selector) {
  return Parser(selector).run();
}

std::optional<std::string> css_to_xpath(std::string_view selector) {
  auto steps = css_to_xpath_steps(selector);
  if (!steps) return std::nullopt;
  std::string xpath;
  for (const std::string& step : *steps) xpath += step;
  return xpath;
}

}  // namespace sheaf::html
