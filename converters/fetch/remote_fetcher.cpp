#include "converters/fetch/remote_fetcher.hpp"

#include <cctype>

#include "core/error.hpp"

namespace sheaf::fetch {

bool fetchable_url(const std::string& url) {
  std::string scheme;
  for (char c : url.substr(0, url.find(':'))) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t colon = url.find(':');
  return colon != std::string::npos && (scheme == "http" || scheme == "https") &&
         url.compare(colon, 3, "://") == 0 && url.size() > colon + 3;
}

RemoteFetcher::RemoteFetcher(FetchOptions options) : options_(std::move(options)), cache_(options_.cache_dir) {}

RemoteFetcher::~RemoteFetcher() = default;

FetchCounts RemoteFetcher::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

void RemoteFetcher::count_kept_as_link() {
  std::lock_guard lock(mutex_);
  ++counts_.kept_as_links;
}

std::string RemoteFetcher::cache_problem() const {
  std::lock_guard lock(mutex_);
  return cache_problem_;
}

std::vector<FetchResult> RemoteFetcher::fetch(const std::vector<FetchRequest>& requests) {
  // Claim the URLs nobody asked for yet; the others wait on the first asker's answer.
  std::vector<std::shared_future<FetchResult>> answers;
  std::vector<std::pair<std::size_t, std::promise<FetchResult>>> mine;  // request index → promise
  {
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (auto it = seen_.find(requests[i].url); it != seen_.end()) {
        answers.push_back(it->second);
        continue;
      }
      std::promise<FetchResult> promise;
      std::shared_future<FetchResult> future = promise.get_future().share();
      seen_.emplace(requests[i].url, future);
      answers.push_back(future);
      mine.emplace_back(i, std::move(promise));
    }
  }
  // The cache first; then, unless offline, the network for the rest, all at once.
  std::vector<HttpRequest> to_download;
  std::vector<std::size_t> download_owner;  // index into `mine`
  std::size_t cached = 0, failed = 0;
  for (std::size_t k = 0; k < mine.size(); ++k) {
    const FetchRequest& request = requests[mine[k].first];
    FetchResult r;
    if (!fetchable_url(request.url)) {
      r.failure = "not an http or https URL";
    } else if (std::optional<std::string> bytes = cache_.lookup(request.url)) {
      r.bytes = std::move(bytes);
      r.from_cache = true;
      ++cached;
    } else if (options_.offline) {
      r.failure = "offline and not in the cache";
    } else {
      to_download.push_back(HttpRequest{request.url, request.referer});
      download_owner.push_back(k);
      continue;
    }
    if (!r.bytes) ++failed;
    mine[k].second.set_value(std::move(r));
  }
  std::size_t downloaded = 0;
  std::string problem;
  if (!to_download.empty()) {
    HttpClient* http = nullptr;
    try {
      std::lock_guard lock(mutex_);
      if (!http_) http_ = std::make_unique<HttpClient>(options_.http);
      http = http_.get();
    } catch (const std::exception&) {
      http = nullptr;
    }
    std::vector<HttpResult> results;
    try {
      if (!http) throw Error(ErrorCode::internal, "the HTTP client could not start");
      results = http->get(to_download);
    } catch (const std::exception& e) {
      // Every claimed URL must get an answer: other threads may be waiting for it.
      results.assign(to_download.size(), HttpResult{std::nullopt, std::string("network: ") + e.what()});
    }
    for (std::size_t j = 0; j < results.size(); ++j) {
      FetchResult r;
      if (results[j].body) {
        if (std::string error = cache_.store(to_download[j].url, *results[j].body); !error.empty() && problem.empty())
          problem = error;
        r.bytes = std::move(results[j].body);
        ++downloaded;
      } else {
        r.failure = std::move(results[j].failure);
        ++failed;
      }
      mine[download_owner[j]].second.set_value(std::move(r));
    }
  }
  {
    std::lock_guard lock(mutex_);
    counts_.cached += cached;
    counts_.failed += failed;
    counts_.downloaded += downloaded;
    counts_.requests += to_download.size();
    if (cache_problem_.empty()) cache_problem_ = problem;
  }
  std::vector<FetchResult> out;
  out.reserve(answers.size());
  for (const auto& answer : answers) out.push_back(answer.get());
  return out;
}

}  // namespace sheaf::fetch
