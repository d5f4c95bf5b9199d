#pragma once
// What --fetch-images gives a conversion's Context::fetch: each distinct URL fetched at most once
// per run (batch and book mode share one RemoteFetcher, and so one cache and one connection pool),
// the content-addressed cache consulted first, and nothing but the cache with --offline.
// Thread-safe: conversions run on many threads.
#include <cstddef>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "converters/fetch/content_cache.hpp"
#include "converters/fetch/http_client.hpp"
#include "core/context.hpp"

namespace sheaf::fetch {

struct FetchOptions {
  bool offline = false;                 ///< --offline: the cache only, never a request. Default off.
  std::filesystem::path cache_dir;      ///< --cache-dir; empty: no cache. Default: default_cache_dir().
  HttpOptions http;                     ///< limits of each request (http_client.hpp gives defaults)
};

/// What happened to the distinct URLs of a run, for the end-of-run report.
struct FetchCounts {
  std::size_t downloaded = 0;  ///< fetched over the network (2xx)
  std::size_t cached = 0;      ///< served from the cache
  std::size_t failed = 0;      ///< no bytes: network error, HTTP error, not in the cache offline…
  std::size_t requests = 0;    ///< transfers started (after deduplication)
  std::size_t kept_as_links = 0;  ///< images the consumer did not embed (count_kept_as_link), per book
};

class RemoteFetcher {
 public:
  explicit RemoteFetcher(FetchOptions options);
  ~RemoteFetcher();
  RemoteFetcher(const RemoteFetcher&) = delete;
  RemoteFetcher& operator=(const RemoteFetcher&) = delete;

  /// Context::fetch's contract: one result per request, in order. A URL asked for again (by this
  /// or another thread) gets the first answer without a second request.
  std::vector<FetchResult> fetch(const std::vector<FetchRequest>& requests);
  [[nodiscard]] FetchCounts counts() const;
  /// Counts an image its consumer (the EPUB writer) left as a link: not fetched, or refused by
  /// its bytes. Thread-safe.
  void count_kept_as_link();
  /// Why the cache could not be written, when it could not (first problem only); else empty.
  [[nodiscard]] std::string cache_problem() const;

 private:
  FetchOptions options_;
  ContentCache cache_;
  std::unique_ptr<HttpClient> http_;  // created on the first request that needs the network
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_future<FetchResult>> seen_;  // URL → its one answer
  FetchCounts counts_;
  std::string cache_problem_;
};

/// Only absolute http: and https: URLs may be fetched.
bool fetchable_url(const std::string& url);

}  // namespace sheaf::fetch
