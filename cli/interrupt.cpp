#include "cli/interrupt.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace sheaf::cli {
namespace {

// Process-wide by nature: signals are. Only the CLI uses this, never a converter.
std::mutex registry_mutex;
std::set<std::string> in_flight;  // guarded by registry_mutex

/// The signals to catch, leaving out those the parent set to be ignored (nohup's SIGHUP, SIGINT
/// of a background job in a non-interactive shell): ignored must stay ignored.
sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction current {};
    if (sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    sigaddset(&set, signal);
  }
  return set;
}

[[noreturn]] void on_signal(int signal) {
  // Holding the lock until _exit: no worker can create another temporary file meanwhile.
  registry_mutex.lock();
  for (const std::string& path : in_flight) ::unlink(path.c_str());
  static constexpr char message[] = "sheaf: interrupted\n";
  [[maybe_unused]] const auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(128 + signal);
}

}  // namespace

void handle_interrupts() {
  const sigset_t set = interrupt_signals();
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;  // then signals act as usual
  std::thread([set] {
    int signal = 0;
    if (sigwait(&set, &signal) == 0) on_signal(signal);
  }).detach();
}

void unregister_temporary(const std::filesystem::path& path) {
  std::lock_guard lock(registry_mutex);
  in_flight.erase(path.string());
}

namespace detail {
void lock_registry() { registry_mutex.lock(); }
void unlock_registry() { registry_mutex.unlock(); }
void add_temporary_locked(const std::filesystem::path& path) { in_flight.insert(path.string()); }
}  // namespace detail

}  // namespace sheaf::cli
