#pragma once
// Clean interruption: Ctrl-C (SIGINT), SIGTERM or SIGHUP while sheaf writes files removes every
// temporary output file still in flight, prints "sheaf: interrupted" and exits with 128 + the
// signal number, so an interrupted run never leaves half-written or stray files behind.
#include <filesystem>

namespace sheaf::cli {

/// Blocks the signals in the calling thread (and so in every thread it starts later) and starts
/// a thread that waits for them. Call once, before starting any other thread.
void handle_interrupts();

/// Records a temporary file about to be created, so an interrupt removes it. The file must be
/// created while registered: `create` is called under the registry's lock.
template <class Create>
void register_temporary(const std::filesystem::path& path, Create create);

/// Forgets a temporary file once it has been renamed or removed.
void unregister_temporary(const std::filesystem::path& path);

namespace detail {
void lock_registry();
void unlock_registry();
void add_temporary_locked(const std::filesystem::path& path);
}  // namespace detail

template <class Create>
void register_temporary(const std::filesystem::path& path, Create create) {
  detail::lock_registry();
  try {
    detail::add_temporary_locked(path);
    create();
  } catch (...) {
    detail::unlock_registry();
    throw;
  }
  detail::unlock_registry();
}

}  // namespace sheaf::cli
