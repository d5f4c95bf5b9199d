// md_inlines_are_normal: the writer renders inlines it calls normal as they stand, without
// normalising a copy, so it must never call normal what md_normalize_inlines would change.
#include <random>

#include "build.hpp"
#include "converters/markdown/md_inline_normalize.hpp"

namespace sheaf::test_md {
namespace {

using markdown::md_inlines_are_normal;
using markdown::md_normalize_inlines;

/// Normal inlines are exactly what normalising them gives, in both break modes.
void expect_sound(const Inlines& ins) {
  for (bool html_breaks : {false, true}) {
    if (md_inlines_are_normal(ins, html_breaks)) {
      EXPECT_EQ(md_normalize_inlines(ins, html_breaks), ins);
    }
  }
}

TEST(MarkdownWriterNormalCheck, AcceptsTheLongParagraphShape) {
  // The shape of tests/bad-inputs long-line: text, emphasis, CJK text, strong, code, repeated.
  Inlines ins;
  for (int i = 0; i < 3; ++i) {
    ins.push_back(t("word "));
    ins.push_back(em({t("emph")}));
    ins.push_back(t(" 中文字符 "));
    ins.push_back(strong({t("strong")}));
    ins.push_back(t(" "));
    ins.push_back(code("code"));
  }
  ins.push_back(t(" end"));
  EXPECT_TRUE(md_inlines_are_normal(ins, false));
  EXPECT_EQ(md_normalize_inlines(ins, false), ins);
  const Inlines atoms = {t("a "), image("i.png", "alt"), t(" "), math("x"), t(" "), del({t("gone")})};
  EXPECT_TRUE(md_inlines_are_normal(atoms, false));
  EXPECT_EQ(md_normalize_inlines(atoms, false), atoms);
}

TEST(MarkdownWriterNormalCheck, RejectsWhatNormalisingChanges) {
  const Inlines changed[] = {
      {t(" lead")},                              // block-start space dropped
      {t("trail\t")},                            // block-end tab dropped
      {t("a"), t("b")},                          // adjacent text merged
      {t("a\nb")},                               // newline becomes a space
      {t("")},                                   // empty text dropped
      {code("a"), code("b")},                    // adjacent code merged
      {code("")},                                // empty code dropped
      {math("")},                                // empty math dropped
      {em({t(" a")})},                           // edge space hoisted out of emphasis
      {em({t("a ")}), t("b")},                   //
      {em({})},                                  // empty emphasis dropped
      {em({t("a")}), em({t("b")})},              // adjacent emphasis merged
      {strong({em({t("x")})})},                  // strong around emphasis swapped
      {del({t("a"), del({t("b")})})},            // strikeout in strikeout unwrapped
      {t("a"), em({t("（b")})},                  // punctuation moves out before a letter
      {em({t("b）")}), t("a")},                  // and after
      {strong({t("x"), em({t("y ")})}), t("z")}, // nested edge space
  };
  for (std::size_t i = 0; i < std::size(changed); ++i) {
    EXPECT_FALSE(md_inlines_are_normal(changed[i], false)) << "case " << i;
    EXPECT_NE(md_normalize_inlines(changed[i], false), changed[i]) << "case " << i;
  }
}

/// Random inline lists over the kinds the check looks into, with the characters its rules are
/// about (spaces at edges, newlines, punctuation next to letters, empty nodes).
class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  Inlines inlines(int depth) {
    Inlines out;
    const int n = range(0, 4);
    for (int i = 0; i < n; ++i) out.push_back(node(depth));
    return out;
  }

 private:
  int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::string text() {
    static const std::vector<std::string> atoms = {"a", "b", " ", "\t", "\n", "（", "）", ",", "中",
                                                   "\xcc\x81", "\xe3\x80\x80", "*", ""};
    std::string s;
    const int n = range(0, 3);
    for (int i = 0; i < n; ++i) s += atoms[static_cast<std::size_t>(range(0, static_cast<int>(atoms.size()) - 1))];
    return s;
  }

  Inline node(int depth) {
    switch (range(0, depth > 0 ? 9 : 5)) {
      case 0:
      case 1:
      case 2: return t(text());
      case 3: return code(range(0, 3) == 0 ? "" : "c");
      case 4: return range(0, 1) == 0 ? image("i.png", "") : math(range(0, 2) == 0 ? "" : "x");
      case 5: return br();
      case 6: return em(inlines(depth - 1));
      case 7: return strong(inlines(depth - 1));
      case 8: return del(inlines(depth - 1));
      default: return link("u", inlines(depth - 1));
    }
  }

  std::mt19937 rng_;
};

TEST(MarkdownWriterNormalCheck, NormalMeansUnchangedByNormalising) {
  int normal = 0;
  for (unsigned seed = 1; seed <= 20000; ++seed) {
    Generator g(seed);
    const Inlines ins = g.inlines(3);
    expect_sound(ins);
    if (md_inlines_are_normal(ins, false)) ++normal;
  }
  EXPECT_GT(normal, 1000);  // (the property is not vacuous)
}

}  // namespace
}  // namespace sheaf::test_md
