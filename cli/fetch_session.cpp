#include "cli/fetch_session.hpp"

#include "cli/version_info.hpp"

namespace sheaf::cli {

FetchSession::FetchSession(const CliOptions& options, Reporter& reporter) : reporter_(reporter) {
  if (!options.writer.epub.fetch_images) return;
  fetch::FetchOptions fo = options.fetch;
  fo.http.user_agent = std::string("sheaf/") + build_info::sheaf_version;
  fetcher_ = std::make_unique<fetch::RemoteFetcher>(std::move(fo));
}

FetchSession::~FetchSession() {
  if (!fetcher_) return;
  try {
    const fetch::FetchCounts c = fetcher_->counts();
    std::vector<Diagnostic> report;
    if (const std::string problem = fetcher_->cache_problem(); !problem.empty())
      report.push_back(Diagnostic{Severity::warning, "fetch.cache", "image cache not written: " + problem, "", {}});
    const std::size_t total = c.downloaded + c.cached + c.failed;
    if (total > 0) {
      // "remote images: 7 distinct URLs, 2 downloaded, 1 from the cache, 4 not fetched (6
      // requests); 5 kept as links" -- a warning when an image was not embedded.
      const std::string text = "remote images: " + std::to_string(total) +
                               (total == 1 ? " distinct URL, " : " distinct URLs, ") +
                               std::to_string(c.downloaded) + " downloaded, " + std::to_string(c.cached) +
                               " from the cache, " + std::to_string(c.failed) + " not fetched (" +
                               std::to_string(c.requests) + " requests); " + std::to_string(c.kept_as_links) +
                               " kept as links";
      const bool missing = c.failed + c.kept_as_links > 0;
      report.push_back(Diagnostic{missing ? Severity::warning : Severity::info, "fetch.summary", text, "", {}});
    }
    reporter_.diagnostics(report);
  } catch (...) {
    // A destructor must not throw; the report is a courtesy, the conversions are done.
  }
}

}  // namespace sheaf::cli
