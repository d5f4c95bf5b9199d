// Liquid expansion for post bodies: a single left-to-right scan; block tags whose content is
// skipped or taken literally (raw, comment, capture, highlight) jump to their end tag, so every
// byte is looked at a bounded number of times.
#include "converters/jekyll/liquid.hpp"

#include <algorithm>
#include <optional>

#include "converters/jekyll/post_name.hpp"
#include "core/meta.hpp"

namespace sheaf::jekyll {
namespace {

/// A tag or output can span lines but is never longer than this; the bound keeps the search for
/// its close linear when a post holds many stray `{{`.
constexpr std::size_t kMaxMarkupLength = 4096;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

/// One `{% … %}` or `{{ … }}`: where it is and the text inside (whitespace-control dashes off).
struct Markup {
  std::size_t begin = 0;
  std::size_t end = 0;  ///< one past the closing `%}`/`}}`
  std::string_view inner;
  bool is_tag = false;
};

std::optional<Markup> markup_at(std::string_view s, std::size_t pos) {
  if (pos + 1 >= s.size() || s[pos] != '{' || (s[pos + 1] != '%' && s[pos + 1] != '{'))
    return std::nullopt;
  const bool tag = s[pos + 1] == '%';
  const std::string_view close = tag ? "%}" : "}}";
  const std::string_view window = s.substr(0, std::min(s.size(), pos + kMaxMarkupLength));
  const std::size_t c = window.find(close, pos + 2);
  if (c == std::string_view::npos) return std::nullopt;
  std::string_view inner = s.substr(pos + 2, c - pos - 2);
  if (!inner.empty() && inner.front() == '-') inner.remove_prefix(1);
  if (!inner.empty() && inner.back() == '-') inner.remove_suffix(1);
  return Markup{pos, c + 2, trim(inner), tag};
}

std::string_view first_word(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && !is_blank(s[n])) ++n;
  return s.substr(0, n);
}

std::string_view after_first_word(std::string_view s) { return trim(s.substr(first_word(s).size())); }

std::string longest_run(std::string_view s, char c) {
  std::size_t best = 0;
  std::size_t run = 0;
  for (char x : s) {
    run = x == c ? run + 1 : 0;
    best = std::max(best, run);
  }
  return std::string(std::max<std::size_t>(3, best + 1), c);
}

std::string lookup(const MetaMap* map, std::string_view path) {
  if (!map) return {};
  // Only one level (`site.url`, `page.title`) is looked up; deeper paths walk nested maps.
  const MetaMap* current = map;
  while (true) {
    const std::size_t dot = path.find('.');
    const MetaValue* v = meta_find(*current, path.substr(0, dot));
    if (!v) return {};
    if (dot == std::string_view::npos) {
      if (const auto* list = std::get_if<MetaList>(&v->value)) {
        std::string joined;
        for (const MetaValue& item : *list)
          if (auto t = meta_text(item)) joined += *t;
        return joined;
      }
      return meta_text(*v).value_or("");
    }
    current = std::get_if<MetaMap>(&v->value);
    if (!current) return {};
    path.remove_prefix(dot + 1);
  }
}

bool defined(const MetaMap* map, std::string_view key) { return map && meta_find(*map, key); }

std::string join_url(std::string_view base, std::string_view path) {
  std::string out(base);
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (!path.empty() && path.front() != '/') out += '/';
  out += path;
  return out.empty() ? "/" : out;
}

class Expander {
 public:
  Expander(std::string_view body, const LiquidScope& scope, const std::string& source_name,
           std::uint32_t first_line, Context& context)
      : s_(body), scope_(scope), source_name_(source_name), line_(first_line), context_(context) {
    out_.reserve(body.size());
  }

  std::string run() {
    std::size_t pos = 0;
    while (pos < s_.size()) {
      const std::size_t brace = s_.find('{', pos);
      if (brace == std::string_view::npos) break;
      const auto m = markup_at(s_, brace);
      if (!m) {
        out_.append(s_.substr(pos, brace + 1 - pos));
        pos = brace + 1;
        continue;
      }
      out_.append(s_.substr(pos, brace - pos));
      pos = m->is_tag ? tag(*m) : output(*m);
    }
    if (pos < s_.size()) out_.append(s_.substr(pos));
    return std::move(out_);
  }

 private:
  std::uint32_t line_of(std::size_t pos) {
    for (; counted_ < pos; ++counted_)
      if (s_[counted_] == '\n') ++line_;
    return line_;
  }

  void warn(std::size_t pos, std::string message) {
    context_.report(Diagnostic{Severity::warning, "jekyll.liquid_dropped", std::move(message),
                               source_name_, SourcePos{line_of(pos), 0}});
  }

  /// The next `{% end<name> %}` from `from`: its markup, or nullopt.
  std::optional<Markup> find_end(std::string_view name, std::size_t from) const {
    const std::string end = "end" + std::string(name);
    for (std::size_t p = s_.find("{%", from); p != std::string_view::npos; p = s_.find("{%", p + 2))
      if (const auto m = markup_at(s_, p); m && first_word(m->inner) == end) return m;
    return std::nullopt;
  }

  std::string value(std::string_view expr, std::size_t pos) {
    const std::size_t bar = expr.find('|');
    const std::string_view head = trim(expr.substr(0, bar));
    std::string v;
    if (head.size() >= 2 && (head.front() == '"' || head.front() == '\'') && head.back() == head.front()) {
      v = std::string(head.substr(1, head.size() - 2));
    } else if (head.starts_with("site.")) {
      const std::string_view key = head.substr(5);
      if (!defined(scope_.site, key.substr(0, key.find('.'))) && key != "url" && key != "baseurl")
        warn(pos, "Liquid output {{ " + std::string(head) + " }} is not defined; dropped");
      v = lookup(scope_.site, key);
    } else if (head.starts_with("page.")) {
      const std::string_view key = head.substr(5);
      if (!defined(scope_.page, key.substr(0, key.find('.'))))
        warn(pos, "Liquid output {{ " + std::string(head) + " }} is not defined; dropped");
      v = lookup(scope_.page, key);
    } else {
      warn(pos, "Liquid output {{ " + std::string(head) + " }} is not supported; dropped");
      return {};
    }
    std::string_view filters = bar == std::string_view::npos ? std::string_view{} : expr.substr(bar + 1);
    while (!filters.empty()) {
      const std::size_t next = filters.find('|');
      const std::string_view f = first_word(trim(filters.substr(0, next)));
      const std::string base = lookup(scope_.site, "baseurl");
      if (f == "relative_url") v = join_url(base, v);
      else if (f == "absolute_url") v = join_url(lookup(scope_.site, "url") + join_url(base, ""), v);
      filters = next == std::string_view::npos ? std::string_view{} : filters.substr(next + 1);
    }
    return v;
  }

  std::size_t output(const Markup& m) {
    out_ += value(m.inner, m.begin);
    return m.end;
  }

  std::size_t skip_to_end(const Markup& m, std::string_view name, bool keep_literal) {
    const auto end = find_end(name, m.end);
    if (!end) {
      warn(m.begin, "Liquid tag {% " + std::string(name) + " %} is never closed; dropped");
      return m.end;
    }
    if (keep_literal) out_.append(s_.substr(m.end, end->begin - m.end));
    return end->end;
  }

  std::size_t highlight(const Markup& m) {
    const auto end = find_end("highlight", m.end);
    if (!end) {
      warn(m.begin, "Liquid tag {% highlight %} is never closed; dropped");
      return m.end;
    }
    std::string_view code = s_.substr(m.end, end->begin - m.end);
    while (!code.empty() && (code.front() == '\n' || code.front() == '\r')) code.remove_prefix(1);
    while (!code.empty() && is_blank(code.back())) code.remove_suffix(1);
    const std::string fence = longest_run(code, '`');
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    out_ += fence;
    out_ += first_word(after_first_word(m.inner));
    out_ += '\n';
    out_.append(code);
    out_ += '\n';
    out_ += fence;
    out_ += '\n';
    return end->end;
  }

  std::string link_target(std::string_view path) {
    const std::string base = lookup(scope_.site, "baseurl");
    std::string_view name = path;
    if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    if (path.starts_with("_posts/") || path.find("/_posts/") != std::string_view::npos) {
      if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(0, dot);
      return post_url(name, base, lookup(scope_.site, "permalink"));
    }
    std::string p(path);
    for (std::string_view ext : {".markdown", ".md"})
      if (p.ends_with(ext)) p = p.substr(0, p.size() - ext.size()) + ".html";
    return join_url(base, p);
  }

  std::size_t tag(const Markup& m) {
    const std::string_view name = first_word(m.inner);
    const std::string_view args = after_first_word(m.inner);
    if (name == "raw") return skip_to_end(m, "raw", true);
    if (name == "comment") return skip_to_end(m, "comment", false);
    if (name == "highlight") return highlight(m);
    if (name == "capture") {
      warn(m.begin, "Liquid tag {% capture %} dropped with its content");
      return skip_to_end(m, "capture", false);
    }
    if (name == "post_url") {
      std::string url = post_url(first_word(args), lookup(scope_.site, "baseurl"), lookup(scope_.site, "permalink"));
      if (url.empty()) warn(m.begin, "Liquid tag {% post_url " + std::string(args) + " %} names no dated post; dropped");
      out_ += url;
      return m.end;
    }
    if (name == "link") {
      out_ += link_target(first_word(args));
      return m.end;
    }
    warn(m.begin, "Liquid tag {% " + std::string(name) + " %} dropped" +
                      (name == "if" || name == "unless" || name == "for" || name == "case" ||
                               name == "else" || name == "elsif" || name == "when" || name.starts_with("end")
                           ? " (the text it encloses is kept)"
                           : ""));
    return m.end;
  }

  std::string_view s_;
  const LiquidScope& scope_;
  const std::string& source_name_;
  std::uint32_t line_;
  std::size_t counted_ = 0;
  Context& context_;
  std::string out_;
};

}  // namespace

std::string post_url(std::string_view name, std::string_view baseurl, std::string_view permalink) {
  const auto post = parse_post_name(std::string(name) + ".md");
  if (!post) return {};
  std::string path;  // appended piece by piece: GCC 12 warns (-Wrestrict) on "/" + string
  for (const std::string& piece : {post->date.substr(0, 4), post->date.substr(5, 2), post->date.substr(8, 2), post->slug})
    (path += '/') += piece;
  path += permalink == "pretty" ? "/" : ".html";
  return join_url(baseurl, path);
}

std::string expand_liquid(std::string_view body, const LiquidScope& scope,
                          const std::string& source_name, std::uint32_t first_line,
                          Context& context) {
  if (body.find('{') == std::string_view::npos) return std::string(body);
  return Expander(body, scope, source_name, first_line, context).run();
}

}  // namespace sheaf::jekyll
