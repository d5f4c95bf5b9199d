#include "converters/jekyll/toc.hpp"

#include <map>
#include <set>

#include "converters/jekyll/kramdown_syntax.hpp"
#include "core/plain_text.hpp"

namespace sheaf::jekyll {
namespace {

bool is_marker(const Block& b) {
  const auto* p = std::get_if<Paragraph>(&b.node);
  if (!p || p->children.size() != 1) return false;
  const auto* t = std::get_if<Text>(&p->children.front().node);
  return t && t->text == kTocMarker;
}

/// Appends an entry at `level` into the list, nesting it under the last item of shallower levels.
void add_entry(BulletList& list, int level, int top, Inline link) {
  BulletList* current = &list;
  for (int l = top; l < level && !current->items.empty(); ++l) {
    Blocks& children = current->items.back().children;
    if (children.empty() || !std::holds_alternative<BulletList>(children.back().node))
      children.push_back(Block{BulletList{}});
    current = &std::get<BulletList>(children.back().node);
  }
  current->items.push_back(ListItem{{Block{Paragraph{{std::move(link)}}}}, Task::none});
}

}  // namespace

std::string auto_id(std::string_view text) {
  std::string id;
  bool letter_seen = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter_seen && !alpha) continue;
    letter_seen = true;
    if (alpha) id += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else if ((c >= '0' && c <= '9') || c == '-' || c == '_') id += c;
    else if (c == ' ') id += '-';
    else if (u >= 0x80) id += c;  // kramdown keeps non-ASCII letters (transliterate off)
  }
  return id.empty() ? "section" : id;
}

/// Removes the no_toc marker from the heading's text; true when it was there.
bool take_no_toc(Heading& h) {
  if (h.children.empty()) return false;
  auto* text = std::get_if<Text>(&h.children.back().node);
  if (!text) return false;
  const std::size_t at = text->text.find(kNoTocMarker);
  if (at == std::string::npos) return false;
  text->text.erase(at, kNoTocMarker.size());
  while (!text->text.empty() && text->text.back() == ' ') text->text.pop_back();
  if (text->text.empty()) h.children.pop_back();
  return true;
}

void build_toc(Blocks& blocks, const KramdownConfig& config) {
  std::set<const Heading*> no_toc;
  for (Block& b : blocks)
    if (auto* h = std::get_if<Heading>(&b.node); h && take_no_toc(*h)) no_toc.insert(h);
  std::size_t marker = blocks.size();
  for (std::size_t i = 0; i < blocks.size() && marker == blocks.size(); ++i)
    if (is_marker(blocks[i])) marker = i;
  if (marker == blocks.size()) return;

  std::set<std::string> used;
  std::map<std::string, int> next_suffix;  // base id → the last N tried for it
  for (const Block& b : blocks)
    if (const auto* h = std::get_if<Heading>(&b.node); h && !h->id.empty()) used.insert(h->id);
  // kramdown lists every header of the document, before the contents list too, except those
  // with the class `.no_toc` and those outside `toc_levels`.
  auto listed = [&](const Heading& h) {
    return h.level >= config.toc_min && h.level <= config.toc_max && !no_toc.count(&h);
  };
  BulletList list;
  int top = 7;
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (const auto* h = std::get_if<Heading>(&blocks[i].node); h && listed(*h)) top = std::min(top, h->level);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    auto* h = std::get_if<Heading>(&blocks[i].node);
    if (!h || !listed(*h)) continue;
    if (h->id.empty()) {
      if (!config.auto_ids) continue;  // kramdown lists only headers with an id
      const std::string base = auto_id(plain_text(h->children));
      std::string id = base;
      // The first free `base-N`. Ids only ever become used, so the search for a base resumes
      // where its last one stopped: n headers of one text cost n steps, not n²/2.
      int& n = next_suffix[base];
      while (used.count(id)) id = base + "-" + std::to_string(++n);
      used.insert(id);
      h->id = id;
    }
    // kramdown leaves footnotes out of the entries.
    Inlines without_notes;
    for (const Inline& in : h->children)
      if (!std::holds_alternative<Note>(in.node)) without_notes.push_back(in);
    const std::string label = plain_text(without_notes);
    Inlines text;
    if (!label.empty()) text.push_back(Inline{Text{label}});
    add_entry(list, h->level, top, Inline{Link{"#" + h->id, {}, std::move(text)}});
  }
  if (list.items.empty()) {
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(marker));
  } else {
    blocks[marker] = Block{std::move(list)};
  }
  // Further markers (rare) are removed: one contents list per document.
  std::erase_if(blocks, is_marker);
}

}  // namespace sheaf::jekyll
