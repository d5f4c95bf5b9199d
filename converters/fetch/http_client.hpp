#pragma once
// The libcurl adapter (the only file that includes curl): HTTP(S) GETs run by one worker thread
// over one curl multi handle, so that every caller (every conversion thread of a batch) shares
// one connection pool and one set of limits. Only http and https, also after redirects.
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sheaf::fetch {

struct HttpOptions {
  std::chrono::milliseconds timeout{30'000};          ///< whole transfer, per request. Default 30 s.
  std::chrono::milliseconds connect_timeout{10'000};  ///< connection set-up. Default 10 s.
  std::size_t max_bytes = std::size_t{50} << 20;      ///< a larger body aborts the transfer. Default 50 MiB.
  long max_redirects = 5;                             ///< redirects followed. Default 5.
  long max_connections = 8;                           ///< transfers at once, overall. Default 8.
  long max_host_connections = 2;                      ///< connections to one host. Default 2.
  std::string user_agent = "sheaf";                   ///< User-Agent header. Default "sheaf".
};

struct HttpRequest {
  std::string url;
  std::string referer;  ///< sent only when not empty
};

struct HttpResult {
  std::optional<std::string> body;  ///< set only for a complete 2xx response within max_bytes
  std::string failure;              ///< why there is no body: "timeout", "HTTP 404"…
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Runs the requests (in parallel, within the limits) and waits for all of them; one result
  /// per request, in order. Thread-safe. TLS peers and host names are always verified.
  std::vector<HttpResult> get(const std::vector<HttpRequest>& requests);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sheaf::fetch
