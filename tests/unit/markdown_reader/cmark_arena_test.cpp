// The bump allocator cmark-gfm parses with (converters/markdown/cmark_arena.hpp).
#include "converters/markdown/cmark_arena.hpp"

#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

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

TEST(CmarkArena, AFreedBlockServesTheNextOfItsSizeZeroed) {
  CmarkArena arena;
  cmark_mem* mem = CmarkArena::allocator();
  auto* p = static_cast<unsigned char*>(mem->calloc(1, 100));
  std::memset(p, 'x', 100);
  mem->free(p);
  auto* q = static_cast<unsigned char*>(mem->calloc(1, 100));
  EXPECT_EQ(q, p);
  for (std::size_t i = 0; i < 100; ++i) ASSERT_EQ(q[i], 0) << i;
}

TEST(CmarkArena, SmallerBlocksAreCarvedFromALargerFreedOne) {
  CmarkArena arena;
  cmark_mem* mem = CmarkArena::allocator();
  auto* big = static_cast<unsigned char*>(mem->calloc(1, 400));
  std::memset(big, 'x', 400);
  mem->free(big);
  auto* a = static_cast<unsigned char*>(mem->calloc(1, 20));
  auto* b = static_cast<unsigned char*>(mem->calloc(1, 20));
  for (unsigned char* piece : {a, b}) {
    EXPECT_GE(piece, big - 16);
    EXPECT_LE(piece + 20, big + 400);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(piece) % 16, 0u);
    for (std::size_t i = 0; i < 20; ++i) ASSERT_EQ(piece[i], 0) << i;
  }
  EXPECT_GE(b, a + 20);
}

// Random calloc/realloc/free, each live block filled with its own byte: a block handed out twice,
// or a piece overlapping another, shows as a changed byte.
TEST(CmarkArena, LiveBlocksNeverOverlapThroughFreesAndReallocs) {
  CmarkArena arena;
  cmark_mem* mem = CmarkArena::allocator();
  struct Live {
    unsigned char* p;
    std::size_t size;
    unsigned char fill;
  };
  std::vector<Live> live;
  std::mt19937 rng(7);
  auto check = [](const Live& b) {
    for (std::size_t i = 0; i < b.size; ++i)
      if (b.p[i] != b.fill) return false;
    return true;
  };
  for (int step = 0; step < 20000; ++step) {
    const unsigned op = rng() % 4;
    if (op < 2 || live.empty()) {
      const std::size_t size = 1 + rng() % (rng() % 8 == 0 ? 2000 : 200);
      auto* p = static_cast<unsigned char*>(mem->calloc(1, size));
      ASSERT_NE(p, nullptr);
      for (std::size_t i = 0; i < size; ++i) ASSERT_EQ(p[i], 0);
      const auto fill = static_cast<unsigned char>(1 + step % 255);
      std::memset(p, fill, size);
      live.push_back({p, size, fill});
    } else {
      const std::size_t k = rng() % live.size();
      ASSERT_TRUE(check(live[k])) << "step " << step;
      if (op == 2) {
        mem->free(live[k].p);
        live[k] = live.back();
        live.pop_back();
      } else {
        const std::size_t size = 1 + rng() % 400;
        auto* q = static_cast<unsigned char*>(mem->realloc(live[k].p, size));
        ASSERT_NE(q, nullptr);
        for (std::size_t i = 0; i < std::min(size, live[k].size); ++i) ASSERT_EQ(q[i], live[k].fill);
        std::memset(q, live[k].fill, size);
        live[k].p = q;
        live[k].size = size;
      }
    }
  }
  for (const Live& b : live) EXPECT_TRUE(check(b));
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
