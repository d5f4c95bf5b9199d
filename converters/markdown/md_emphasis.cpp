#include "converters/markdown/md_emphasis.hpp"

#include <array>

#include "converters/markdown/md_unicode.hpp"

namespace sheaf::markdown {

Flanking md_flanking(char ch, char32_t before, char32_t after) noexcept {
  const CharClass b = md_char_class(before);
  const CharClass a = md_char_class(after);
  const bool left = a != CharClass::space &&
                    (a != CharClass::punct || b == CharClass::space || b == CharClass::punct);
  const bool right = b != CharClass::space &&
                     (b != CharClass::punct || a == CharClass::space || a == CharClass::punct);
  Flanking f;
  if (ch == '_') {
    f.can_open = left && (!right || b == CharClass::punct);
    f.can_close = right && (!left || a == CharClass::punct);
  } else {
    f.can_open = left;
    f.can_close = right;
  }
  return f;
}

namespace {

struct Delim {
  std::size_t run = 0;
  char ch = '*';
  int length = 0;     // original length: the rule of three and openers_bottom use it
  int lo = 0, hi = 0;  // characters not yet used, as [lo, hi) of the run
  bool can_open = false, can_close = false;
  int prev = -1, next = -1;
  bool removed = false;
};

/// Which part of `run` covers exactly the characters [a, b), or nullptr.
const DelimPart* part_at(const DelimRun& run, const std::vector<DelimPart>& parts, int a, int b) {
  int pos = 0;
  for (std::size_t k = run.first_part; k < run.first_part + run.part_count; ++k) {
    const DelimPart& p = parts[k];
    if (pos == a && pos + p.length == b) return &p;
    pos += p.length;
  }
  return nullptr;
}

}  // namespace

void md_check_emphasis(const std::vector<DelimRun>& runs, const std::vector<DelimPart>& parts,
                       const std::vector<EmphKind>& kinds, std::vector<bool>& ok) {
  for (const DelimRun& r : runs)
    for (std::size_t k = r.first_part; k < r.first_part + r.part_count; ++k) ok[parts[k].node] = false;

  // The delimiter stack: only runs cmark pushes (a `~` run only when of length 1 or 2).
  std::vector<Delim> stack;
  stack.reserve(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const DelimRun& r = runs[i];
    int length = 0;
    for (std::size_t k = r.first_part; k < r.first_part + r.part_count; ++k) length += parts[k].length;
    if (!r.flanking.can_open && !r.flanking.can_close) continue;
    if (r.ch == '~' && length > 2) continue;
    Delim d;
    d.run = i;
    d.ch = r.ch;
    d.length = length;
    d.lo = 0;
    d.hi = length;
    d.can_open = r.flanking.can_open;
    d.can_close = r.flanking.can_close;
    d.prev = static_cast<int>(stack.size()) - 1;
    stack.push_back(d);
  }
  for (std::size_t i = 0; i + 1 < stack.size(); ++i) stack[i].next = static_cast<int>(i + 1);

  auto remove = [&](int i) {
    Delim& d = stack[static_cast<std::size_t>(i)];
    d.removed = true;
    if (d.prev >= 0) stack[static_cast<std::size_t>(d.prev)].next = d.next;
    if (d.next >= 0) stack[static_cast<std::size_t>(d.next)].prev = d.prev;
  };
  auto char_index = [](char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; };
  std::array<std::array<int, 3>, 3> openers_bottom{};
  for (auto& row : openers_bottom) row.fill(-1);

  auto record = [&](const Delim& opener, int oa, int ob, const Delim& closer, int ca, int cb,
                    EmphKind made) {
    const DelimPart* o = part_at(runs[opener.run], parts, oa, ob);
    const DelimPart* c = part_at(runs[closer.run], parts, ca, cb);
    if (o && c && o->is_open && !c->is_open && o->node == c->node && kinds[o->node] == made)
      ok[o->node] = true;
  };

  int closer = stack.empty() ? -1 : 0;
  while (closer >= 0) {
    Delim& cl = stack[static_cast<std::size_t>(closer)];
    if (!cl.can_close) {
      closer = cl.next;
      continue;
    }
    int& bottom = openers_bottom[static_cast<std::size_t>(cl.length % 3)]
                                [static_cast<std::size_t>(char_index(cl.ch))];
    int opener = cl.prev;
    bool found = false;
    while (opener >= 0 && opener != bottom) {
      const Delim& op = stack[static_cast<std::size_t>(opener)];
      if (op.can_open && op.ch == cl.ch) {
        if (!(cl.can_open || op.can_close) || cl.length % 3 == 0 ||
            (op.length + cl.length) % 3 != 0) {
          found = true;
          break;
        }
      }
      opener = op.prev;
    }
    const int old_closer = closer;
    if (cl.ch == '~') {
      if (found) {
        Delim& op = stack[static_cast<std::size_t>(opener)];
        const int next = cl.next;
        if (op.hi - op.lo == cl.hi - cl.lo) {
          record(op, op.lo, op.hi, cl, cl.lo, cl.hi, EmphKind::strike);
          for (int d = closer; d >= 0 && d != opener;) {
            const int p = stack[static_cast<std::size_t>(d)].prev;
            remove(d);
            d = p;
          }
          remove(opener);
        }
        closer = next;
      } else {
        closer = cl.next;
      }
    } else if (found) {
      Delim& op = stack[static_cast<std::size_t>(opener)];
      const int use = (cl.hi - cl.lo >= 2 && op.hi - op.lo >= 2) ? 2 : 1;
      record(op, op.hi - use, op.hi, cl, cl.lo, cl.lo + use,
             use == 1 ? EmphKind::emph : EmphKind::strong);
      op.hi -= use;
      cl.lo += use;
      for (int d = cl.prev; d >= 0 && d != opener;) {
        const int p = stack[static_cast<std::size_t>(d)].prev;
        remove(d);
        d = p;
      }
      if (op.hi == op.lo) remove(opener);
      if (cl.hi == cl.lo) {
        const int next = cl.next;
        remove(closer);
        closer = next;
      }
    } else {
      closer = cl.next;
    }
    if (!found) {
      const Delim& oc = stack[static_cast<std::size_t>(old_closer)];
      bottom = oc.prev;
      if (!oc.can_open) remove(old_closer);
    }
  }
}

}  // namespace sheaf::markdown
