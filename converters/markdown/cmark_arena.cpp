#include "converters/markdown/cmark_arena.hpp"

#include <cmark-gfm.h>

#include <algorithm>
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
  if (old && fresh) std::memcpy(fresh, old, std::min(size_of(old), size));
  return fresh;
}

// Small blocks go with the arena; large ones (growing line and paragraph buffers) are returned
// at once, so that their doubling does not pile up.
void arena_free(void* block) {
  if (block && CmarkArena::large(size_of(block))) active->release_large(block);
}

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
  const std::size_t need = kHeader + ((bytes + 15) & ~std::size_t{15});
  if (need < bytes) return nullptr;
  if (large(bytes)) {
    void* own = std::calloc(1, need);
    if (!own) return nullptr;
    large_.insert(own);
    std::memcpy(own, &bytes, sizeof bytes);
    return static_cast<char*>(own) + kHeader;
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

void CmarkArena::release_large(void* block) {
  void* own = static_cast<char*>(block) - kHeader;
  if (large_.erase(own) != 0) std::free(own);
}

}  // namespace sheaf::markdown
