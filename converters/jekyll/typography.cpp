// kramdown's smart-quote rules (kramdown/parser/kramdown/smart_quotes.rb, after RubyPants), tried
// in kramdown's order. kramdown matches `[^\\]?["']`: the character before the quote takes part
// when it is still plain text, so the rules split on whether `prev` is there.
#include "converters/jekyll/typography.hpp"

namespace sheaf::jekyll {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool digit(char c) { return c >= '0' && c <= '9'; }
bool quote(char c) { return c == '"' || c == '\''; }
bool punct(char c) {
  return c != 0 && std::string_view("!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~").find(c) != std::string_view::npos;
}
/// SQ_CLOSE: any character but whitespace, `\`, `[`, `{`, `(` and `-`.
bool closes(char c) { return c != 0 && !space(c) && std::string_view("\\[{(-").find(c) == std::string_view::npos; }

/// Configured replacement text (kramdown's typographic_symbols may be `<<` again) as Markdown
/// that shows it as written.
std::string shown(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (punct(c)) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

bool typographic_at(std::string_view text, std::size_t& i, char prev, const KramdownConfig& config,
                    std::string& out) {
  auto at = [&](std::size_t k) { return i + k < text.size() ? text[i + k] : '\0'; };
  const std::string_view rest = text.substr(i);
  // Typographic symbols, in kramdown's order: --- -- ... << (space) (space) >> << >>.
  if (rest.starts_with("---")) return out += shown(config.mdash), i += 3, true;
  if (rest.starts_with("--")) return out += shown(config.ndash), i += 2, true;
  if (rest.starts_with("...")) return out += shown(config.hellip), i += 3, true;
  if (rest.starts_with("<< ")) return out += shown(config.laquo_space), i += 3, true;
  if (rest.starts_with(" >>")) return out += shown(config.raquo_space), i += 3, true;
  if (rest.starts_with("<<")) return out += shown(config.laquo), i += 2, true;
  if (rest.starts_with(">>")) return out += shown(config.raquo), i += 2, true;

  const char q = at(0);
  if (!quote(q)) return false;
  const std::string& lsquo = config.quotes[0];
  const std::string& rsquo = config.quotes[1];
  const std::string& ldquo = config.quotes[2];
  const std::string& rdquo = config.quotes[3];
  const std::string& left = q == '"' ? ldquo : lsquo;
  const std::string& right = q == '"' ? rdquo : rsquo;
  const char n1 = at(1), n2 = at(2), n3 = at(3);
  if (prev != 0) {
    if (space(prev)) {
      if (q == '"' && n1 == '\'' && word(n2)) return out += ldquo + lsquo, i += 2, true;
      if (q == '\'' && n1 == '"' && word(n2)) return out += lsquo + ldquo, i += 2, true;
      if (q == '\'' && digit(n1) && digit(n2) && n3 == 's') return out += rsquo, i += 1, true;
      if (word(n1)) return out += left, i += 1, true;
    } else if (closes(prev)) {
      return out += right, i += 1, true;
    }
    return out += left, i += 1, true;
  }
  const bool emphasis_mark = n1 == '_' || n1 == '*';
  if ((emphasis_mark && n2 != 0 && !space(n2)) ||
      (emphasis_mark && (n2 == '_' || n2 == '*') && n3 != 0 && !space(n3)))
    return out += left, i += 1, true;
  if (punct(n1) && !(n2 == '.' && n3 == '.') && !word(n2)) return out += right, i += 1, true;
  if (q == '"' && n1 == '\'' && word(n2)) return out += ldquo + lsquo, i += 2, true;
  if (q == '\'' && n1 == '"' && word(n2)) return out += lsquo + ldquo, i += 2, true;
  if (q == '\'' && digit(n1) && digit(n2) && n3 == 's') return out += rsquo, i += 1, true;
  if (quote(n1)) {  // the first quote stays as it is, the second closes
    out += q;
    out += n1 == '"' ? rdquo : rsquo;
    i += 2;
    return true;
  }
  if (n1 == 0 || space(n1) || (n1 == 's' && !word(n2))) return out += right, i += 1, true;
  return out += left, i += 1, true;
}

}  // namespace sheaf::jekyll
