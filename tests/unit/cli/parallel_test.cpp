// run_ordered (cli/parallel.hpp): results reach emit in input order whatever the completion
// order, one emit at a time, with at most 4 × jobs items taken ahead of emission.
#include "cli/parallel.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace {

using sheaf::cli::run_ordered;

TEST(RunOrdered, EmitsInInputOrderWhateverTheCompletionOrder) {
  constexpr std::size_t n = 64;
  std::vector<std::size_t> emitted;
  std::vector<std::string> values;
  run_ordered<std::string>(
      n, 4,
      [](std::size_t i) {
        // Early items finish last: completion order is roughly reversed within each window.
        std::this_thread::sleep_for(std::chrono::microseconds(200 * ((n - i) % 8)));
        return "item " + std::to_string(i);
      },
      [&](std::size_t i, std::string&& value) {
        emitted.push_back(i);
        values.push_back(std::move(value));
      });
  ASSERT_EQ(emitted.size(), n);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(emitted[i], i);
    EXPECT_EQ(values[i], "item " + std::to_string(i));
  }
}

TEST(RunOrdered, NeverEmitsConcurrently) {
  std::atomic<int> inside{0};
  std::atomic<int> overlaps{0};
  run_ordered<int>(
      200, 4, [](std::size_t i) { return static_cast<int>(i); },
      [&](std::size_t, int&&) {
        if (inside.fetch_add(1) != 0) overlaps.fetch_add(1);
        std::this_thread::yield();
        inside.fetch_sub(1);
      });
  EXPECT_EQ(overlaps.load(), 0);
}

TEST(RunOrdered, WorkRunsAtMostFourJobsAheadOfEmission) {
  constexpr unsigned jobs = 2;
  std::mutex m;
  std::size_t started_max = 0;
  std::atomic<std::size_t> emitted{0};
  std::size_t worst_lead = 0;
  run_ordered<int>(
      100, jobs,
      [&](std::size_t i) {
        {
          std::lock_guard lock(m);
          started_max = std::max(started_max, i);
          worst_lead = std::max(worst_lead, i - std::min(i, emitted.load()));
        }
        // Item 0 is slow: everything else must wait for it instead of piling up.
        if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(30));
        return 0;
      },
      [&](std::size_t, int&&) { emitted.fetch_add(1); });
  EXPECT_EQ(emitted.load(), 100u);
  EXPECT_LT(worst_lead, std::size_t{4} * jobs);
}

TEST(RunOrdered, OneJobRunsOnTheCallingThread) {
  const auto caller = std::this_thread::get_id();
  std::vector<std::thread::id> seen;
  run_ordered<int>(
      5, 1,
      [&](std::size_t) {
        seen.push_back(std::this_thread::get_id());
        return 1;
      },
      [](std::size_t, int&&) {});
  ASSERT_EQ(seen.size(), 5u);
  for (const auto& id : seen) EXPECT_EQ(id, caller);
}

TEST(RunOrdered, NoItemsNoCalls) {
  int calls = 0;
  run_ordered<int>(
      0, 8, [&](std::size_t) { ++calls; return 0; }, [&](std::size_t, int&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
