#pragma once
// A bump allocator for one cmark-gfm parse. cmark-gfm allocates every node and every literal it
// hands out with calloc and frees them one by one; on a large post (a million nodes) glibc's
// bookkeeping for that was a third of the reading time. With a CmarkArena alive, the parser and
// every node and string it makes take memory from large slabs, and the slabs are released
// together when the arena goes (large buffers excepted: see allocate). A freed small block is
// carved up for later allocations before the slabs grow: cmark frees the delimiter runs it turned
// into emphasis, and new memory costs a page fault per 4 KiB.
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

struct cmark_mem;

namespace sheaf::markdown {

/// Contract: the arena must outlive the parser, the tree and every string cmark made with its
/// allocator (rendered HTML included); all of them must be used on the thread that created the
/// arena (cmark_mem carries no context, so the allocator finds the arena through a thread-local
/// pointer). At most one arena is active per thread: while one is, `available()` is false and a
/// second parse uses cmark's default allocator.
class CmarkArena {
 public:
  CmarkArena();
  ~CmarkArena();
  CmarkArena(const CmarkArena&) = delete;
  CmarkArena& operator=(const CmarkArena&) = delete;

  /// The allocator to give cmark_parser_new_with_mem while this arena lives.
  static cmark_mem* allocator() noexcept;
  /// False while another arena is active on this thread, and always under AddressSanitizer.
  static bool available() noexcept;

  /// `bytes` of zeroed memory, 16-byte aligned, preceded by its size (for realloc). Small blocks
  /// come from 1 MiB slabs; large ones (over 256 KiB) are allocated alone and can be resized and
  /// released early.
  void* allocate(std::size_t bytes);
  [[nodiscard]] static bool large(std::size_t bytes) noexcept;
  void* resize_large(void* block, std::size_t bytes);
  void release_large(void* block);
  /// A small block cmark is done with: its memory serves later allocations.
  void release_small(void* block) noexcept;

 private:
  std::vector<void*> slabs_;
  std::unordered_set<void*> large_;  // the large blocks still held
  char* next_ = nullptr;
  std::size_t left_ = 0;
  static constexpr std::size_t kClasses = 33;  // freed blocks by footprint / 16; the last: larger
  void* from_freed(std::size_t need) noexcept;
  char* pop(std::size_t c) noexcept;  // the first block of freed_[c], which must hold one

  char* freed_[kClasses] = {};     // freed small blocks (header first), linked through their data
  std::uint64_t nonempty_ = 0;     // bit c: freed_[c] holds a block
  char* reuse_next_ = nullptr;     // a freed block being carved, and what is left of it
  std::size_t reuse_left_ = 0;
};

}  // namespace sheaf::markdown
