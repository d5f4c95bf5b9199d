// The bump allocator cmark-gfm parses with (converters/markdown/cmark_arena.hpp).
#include "converters/markdown/cmark_arena.hpp"

#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "converters/markdown/cmark_bridge.hpp"

namespace sheaf::markdown {
namespace {

TEST(CmarkArena, OneArenaPerThreadAndItsAllocatorWhileItLives) {
  // Under AddressSanitizer parses never take an arena (cmark_arena.cpp), so there is none to see.
  if (!CmarkArena::available()) GTEST_SKIP() << "the parse arena is off in this build (AddressSanitizer)";
  EXPECT_EQ(CmarkArena::allocator(), cmark_get_default_mem_allocator());
  {
    CmarkArena arena;
    EXPECT_FALSE(CmarkArena::available());
    EXPECT_NE(CmarkArena::allocator(), cmark_get_default_mem_allocator());
    CmarkArena second;  // not activated: the first one serves
    EXPECT_FALSE(CmarkArena::available());
  }
  EXPECT_TRUE(CmarkArena::available());
  EXPECT_EQ(CmarkArena::allocator(), cmark_get_default_mem_allocator());
}

TEST(CmarkArena, BlocksAreZeroedAlignedAndKeepTheirContentThroughRealloc) {
  CmarkArena arena;
  cmark_mem* mem = CmarkArena::allocator();
  for (std::size_t size : {1u, 7u, 16u, 100u, 5000u, 300000u}) {
    auto* p = static_cast<unsigned char*>(mem->calloc(1, size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 16, 0u) << size;
    for (std::size_t i = 0; i < size; ++i) ASSERT_EQ(p[i], 0) << size;
    std::memset(p, 'x', size);
    // Grown (a small block moves, a large one is resized) and shrunk: the content stays.
    auto* q = static_cast<unsigned char*>(mem->realloc(p, size * 3));
    ASSERT_NE(q, nullptr);
    for (std::size_t i = 0; i < size; ++i) ASSERT_EQ(q[i], 'x') << size;
    auto* r = static_cast<unsigned char*>(mem->realloc(q, size / 2 + 1));
    for (std::size_t i = 0; i < size / 2 + 1; ++i) ASSERT_EQ(r[i], 'x') << size;
    mem->free(r);
  }
  EXPECT_EQ(mem->calloc(SIZE_MAX / 2, 4), nullptr);  // overflow, as calloc answers it
}

TEST(CmarkArena, ParsingWithItGivesTheSameHtml) {
  const std::string text = "# T\n\n*a* **b** [c](d) ![e](f)\n\n| x |\n|---|\n| y |\n\n- [x] t\n\n~~s~~ www.a.org\n";
  const std::string without = render_gfm_html(text);  // no arena active here: parse_gfm makes one
  std::string with_outer;
  {
    CmarkArena outer;  // an arena already active: the parse inside uses the default allocator
    with_outer = render_gfm_html(text);
  }
  EXPECT_EQ(without, with_outer);
  EXPECT_NE(without.find("<table>"), std::string::npos);
}

}  // namespace
}  // namespace sheaf::markdown
