#include "core/plain_text.hpp"

#include <gtest/gtest.h>

namespace sheaf {
namespace {

TEST(PlainText, CollectsTextOfEveryKind) {
  Figure fig;
  fig.image.src = "a.png";
  fig.caption = {Inline{Text{"cap"}}};
  fig.credit = {Inline{Text{"credit"}}};
  Blocks blocks{
      Block{Heading{2, "", {Inline{Text{"Head"}}}}},
      Block{Paragraph{{Inline{Text{"a "}}, Inline{Strong{{Inline{Text{"b"}}}}},
                       Inline{Note{{Block{Paragraph{{Inline{Text{"note"}}}}}}}}}}},
      Block{std::move(fig)},
      Block{CodeBlock{"", "code"}},
  };
  EXPECT_EQ(plain_text(blocks), "Head\na bnote\ncap\ncredit\ncode\n");
}

}  // namespace
}  // namespace sheaf
