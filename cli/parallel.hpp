#pragma once
// Ordered parallel map for batch conversions: results are handed on in input order whatever the
// order of completion, so files, messages and summaries do not depend on the number of jobs.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sheaf::cli {

/// Calls work(i) for every i in [0, n) on up to `jobs` threads (the calling thread when jobs is 1)
/// and emit(i, result) in increasing i, one call at a time. Workers run at most 4 × jobs items
/// ahead of emission, so memory is bounded by the jobs in flight, not by n. Neither callable may
/// throw: work reports failures in its result.
template <class Result, class Work, class Emit>
void run_ordered(std::size_t n, unsigned jobs, Work work, Emit emit) {
  std::mutex mutex;
  std::condition_variable room;
  std::size_t next_take = 0;
  std::size_t next_emit = 0;
  std::vector<std::optional<Result>> done(n);
  const std::size_t window = std::size_t{4} * std::max(1u, jobs);

  const auto worker = [&] {
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next_take >= n || next_take < next_emit + window; });
        if (next_take >= n) return;
        i = next_take++;
      }
      Result result = work(i);
      std::lock_guard lock(mutex);
      done[i].emplace(std::move(result));
      while (next_emit < n && done[next_emit]) {
        emit(next_emit, std::move(*done[next_emit]));
        done[next_emit].reset();
        ++next_emit;
      }
      room.notify_all();
    }
  };

  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), n));
  if (threads <= 1) {
    worker();
    return;
  }
  std::vector<std::jthread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
}

}  // namespace sheaf::cli
