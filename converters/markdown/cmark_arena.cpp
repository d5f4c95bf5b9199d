#include "converters/markdown/cmark_arena.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace sheaf::markdown {
namespace {

constexpr std::size_t kHeader = 16;            // the block's size, keeping 16-byte alignment
constexpr std::size_t kSlab = std::size_t{1} << 20;

thread_local CmarkArena* active = nullptr;

void* arena_calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return nullptr;  // cmark aborts on nullptr, as for calloc
  return active->allocate(count * size);
}

std::size_t size_of(void* block) {
  std::size_t size = 0;
  std::memcpy(&size, static_cast<char*>(block) - kHeader, sizeof size);
  return size;
}

void* arena_realloc(void* old, std::size_t size) {
  if (old && CmarkArena::large(size_of(old))) return active->resize_large(old, size);
  void* fresh = active->allocate(size);
  if (old && fresh) {
    std::memcpy(fresh, old, std::min(size_of(old), size));
    active->release_small(old);
  }
  return fresh;
}

// Large blocks (growing line and paragraph buffers) are returned at once, so that their doubling
// does not pile up; small ones are carved up again by the arena.
void arena_free(void* block) {
  if (!block) return;
  if (CmarkArena::large(size_of(block))) active->release_large(block);
  else active->release_small(block);
}

std::size_t rounded(std::size_t bytes) { return (bytes + 15) & ~std::size_t{15}; }

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

CmarkArena::CmarkArena() {
  if (!active) active = this;
}

CmarkArena::~CmarkArena() {
  if (active == this) active = nullptr;
  for (void* slab : slabs_) std::free(slab);
  for (void* block : large_) std::free(block);
}

cmark_mem* CmarkArena::allocator() noexcept { return active ? &arena_mem : cmark_get_default_mem_allocator(); }

// Under AddressSanitizer cmark keeps the default allocator, so that the sanitizer sees each of its
// blocks (a slab would hide an overflow from one node into the next).
#if defined(__SANITIZE_ADDRESS__)
#define SHEAF_CMARK_ARENA_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SHEAF_CMARK_ARENA_OFF 1
#endif
#endif

bool CmarkArena::available() noexcept {
#ifdef SHEAF_CMARK_ARENA_OFF
  return false;
#else
  return active == nullptr;
#endif
}

void* CmarkArena::allocate(std::size_t bytes) {
  const std::size_t need = kHeader + rounded(bytes);
  if (need < bytes) return nullptr;
  if (large(bytes)) {
    void* own = std::calloc(1, need);
    if (!own) return nullptr;
    large_.insert(own);
    std::memcpy(own, &bytes, sizeof bytes);
    return static_cast<char*>(own) + kHeader;
  }
  if (char* block = static_cast<char*>(from_freed(need))) {
    std::memset(block + kHeader, 0, need - kHeader);  // calloc's promise; slabs come zeroed
    std::memcpy(block, &bytes, sizeof bytes);
    return block + kHeader;
  }
  if (need > left_) {
    void* slab = std::calloc(1, kSlab);
    if (!slab) return nullptr;
    slabs_.push_back(slab);
    next_ = static_cast<char*>(slab);
    left_ = kSlab;
  }
  char* block = next_;
  next_ += need;
  left_ -= need;
  std::memcpy(block, &bytes, sizeof bytes);
  return block + kHeader;
}

bool CmarkArena::large(std::size_t bytes) noexcept { return bytes > kSlab / 4; }

void* CmarkArena::resize_large(void* block, std::size_t bytes) {
  void* own = static_cast<char*>(block) - kHeader;
  const std::size_t old = size_of(block);
  if (bytes > SIZE_MAX - kHeader) return nullptr;
  large_.erase(own);  // before realloc: `own` is no pointer to compare once it succeeded
  void* grown = std::realloc(own, kHeader + bytes);
  if (!grown) {
    large_.insert(own);  // still held
    return nullptr;
  }
  large_.insert(grown);
  if (bytes > old) std::memset(static_cast<char*>(grown) + kHeader + old, 0, bytes - old);
  std::memcpy(grown, &bytes, sizeof bytes);
  return static_cast<char*>(grown) + kHeader;
}

// A freed block of the same footprint if there is one (cmark frees nodes and allocates nodes);
// else a piece of a larger freed block, carved front to back (the literals it copies out fit in
// the delimiters it freed). The rest of a block too small for the next piece is given up.
void* CmarkArena::from_freed(std::size_t need) noexcept {
  const std::size_t exact = need / 16;
  if (exact < kClasses - 1 && freed_[exact]) return pop(exact);
  if (need > reuse_left_) {
    const std::size_t first = std::min(exact + 1, kClasses - 1);  // the smallest class that may do
    const std::uint64_t candidates = nonempty_ >> first;
    if (candidates == 0) return nullptr;
    char* block = pop(first + 63 - static_cast<std::size_t>(std::countl_zero(candidates)));  // the largest
    reuse_next_ = block;
    reuse_left_ = kHeader + rounded(size_of(block + kHeader));
    if (need > reuse_left_) return nullptr;  // a block of the last class may still be too small
  }
  char* piece = reuse_next_;
  reuse_next_ += need;
  reuse_left_ -= need;
  return piece;
}

char* CmarkArena::pop(std::size_t c) noexcept {
  char* block = freed_[c];
  std::memcpy(&freed_[c], block + kHeader, sizeof block);
  if (!freed_[c]) nonempty_ &= ~(std::uint64_t{1} << c);
  return block;
}

void CmarkArena::release_small(void* block) noexcept {
  char* own = static_cast<char*>(block) - kHeader;
  const std::size_t footprint = kHeader + rounded(size_of(block));
  if (footprint < kHeader + sizeof own) return;  // no room for the link: left as it is
  const std::size_t c = std::min(footprint / 16, kClasses - 1);
  std::memcpy(block, &freed_[c], sizeof own);
  freed_[c] = own;
  nonempty_ |= std::uint64_t{1} << c;
}

void CmarkArena::release_large(void* block) {
  void* own = static_cast<char*>(block) - kHeader;
  if (large_.erase(own) != 0) std::free(own);
}

}  // namespace sheaf::markdown
