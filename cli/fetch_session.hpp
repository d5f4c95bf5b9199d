#pragma once
// --fetch-images in the command: one RemoteFetcher for the whole run (one cache, one connection
// pool, each URL fetched once, whatever the mode), handed to conversions through FetchingContext,
// and the end-of-run report of what was fetched.
#include <memory>
#include <vector>

#include "cli/cli_options.hpp"
#include "cli/report.hpp"
#include "converters/fetch/remote_fetcher.hpp"
#include "core/context.hpp"

namespace sheaf::cli {

/// A context that is `inner` in everything but fetch, which goes to `fetcher` when there is one
/// (and is refused by the default otherwise). It also counts the writer's `epub.image_fetch`
/// lines for the end-of-run report.
class FetchingContext : public Context {
 public:
  FetchingContext(Context& inner, fetch::RemoteFetcher* fetcher) : inner_(inner), fetcher_(fetcher) {}
  void report(Diagnostic d) override {
    if (fetcher_ && d.id == "epub.image_fetch") fetcher_->count_kept_as_link();
    inner_.report(std::move(d));
  }
  std::optional<std::string> read_file(const std::filesystem::path& path) override { return inner_.read_file(path); }
  std::optional<std::uintmax_t> file_size(const std::filesystem::path& path) override { return inner_.file_size(path); }
  std::chrono::system_clock::time_point now() override { return inner_.now(); }
  std::vector<FetchResult> fetch(const std::vector<FetchRequest>& requests) override {
    return fetcher_ ? fetcher_->fetch(requests) : inner_.fetch(requests);
  }

 private:
  Context& inner_;
  fetch::RemoteFetcher* fetcher_;
};

/// Lives for one run. With --fetch-images it owns the fetcher; when it ends it reports
/// `fetch.summary` (counts; a warning when an image failed) and `fetch.cache` (the cache could
/// not be written) through `reporter`.
class FetchSession {
 public:
  FetchSession(const CliOptions& options, Reporter& reporter);
  ~FetchSession();
  FetchSession(const FetchSession&) = delete;
  FetchSession& operator=(const FetchSession&) = delete;

  /// nullptr without --fetch-images: no conversion reaches the network.
  [[nodiscard]] fetch::RemoteFetcher* fetcher() noexcept { return fetcher_.get(); }

 private:
  Reporter& reporter_;
  std::unique_ptr<fetch::RemoteFetcher> fetcher_;
};

}  // namespace sheaf::cli
