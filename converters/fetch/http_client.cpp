#include "converters/fetch/http_client.hpp"

#include <curl/curl.h>

#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "core/error.hpp"

namespace sheaf::fetch {
namespace {

struct EasyDeleter {
  void operator()(CURL* h) const noexcept { curl_easy_cleanup(h); }
};
struct MultiDeleter {
  void operator()(CURLM* h) const noexcept { curl_multi_cleanup(h); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;
using SlistHandle = std::unique_ptr<curl_slist, SlistDeleter>;

/// curl_global_init/cleanup are reference-counted by libcurl (thread-safe since 7.84).
struct GlobalInit {
  GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~GlobalInit() { curl_global_cleanup(); }
  GlobalInit(const GlobalInit&) = delete;
  GlobalInit& operator=(const GlobalInit&) = delete;
};

struct Transfer {
  EasyHandle easy;
  SlistHandle headers;
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
  char error[CURL_ERROR_SIZE] = {};
  std::promise<HttpResult> done;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (bytes > t->max_bytes - t->body.size()) {
    t->too_large = true;
    return 0;  // fewer bytes than given: libcurl aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->body.append(data, bytes);
  return bytes;
}

std::string failure_of(CURLcode code, const Transfer& t) {
  const std::string detail = t.error[0] ? std::string(t.error) : std::string(curl_easy_strerror(code));
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return "timeout";
    case CURLE_TOO_MANY_REDIRECTS: return "too many redirects";
    case CURLE_FILESIZE_EXCEEDED: return "larger than " + std::to_string(t.max_bytes) + " bytes";
    case CURLE_WRITE_ERROR:
      return t.too_large ? "larger than " + std::to_string(t.max_bytes) + " bytes" : "network: " + detail;
    case CURLE_UNSUPPORTED_PROTOCOL: return "not an http or https URL";
    case CURLE_COULDNT_RESOLVE_HOST: return "host not found";
    case CURLE_COULDNT_CONNECT: return "cannot connect";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM: return "TLS: " + detail;
    default: return "network: " + detail;
  }
}

}  // namespace

struct HttpClient::Impl {
  GlobalInit global;
  HttpOptions options;
  MultiHandle multi{curl_multi_init()};
  std::mutex mutex;
  std::deque<std::unique_ptr<Transfer>> queue;           // guarded by mutex
  bool stopping = false;                                 // guarded by mutex
  std::map<CURL*, std::unique_ptr<Transfer>> active;     // worker thread only
  std::thread worker;

  std::unique_ptr<Transfer> make(const HttpRequest& request) {
    auto t = std::make_unique<Transfer>();
    t->easy.reset(curl_easy_init());
    t->max_bytes = options.max_bytes;
    CURL* e = t->easy.get();
    if (!e) return t;
    curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
    // Only the web: never file:, ftp:, data: or anything else, also not after a redirect.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, options.max_redirects);
    curl_easy_setopt(e, CURLOPT_AUTOREFERER, 0L);  // a redirect must not add a Referer the page did not allow
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
    if (!request.referer.empty()) curl_easy_setopt(e, CURLOPT_REFERER, request.referer.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // any encoding libcurl can decode
    t->headers.reset(curl_slist_append(nullptr, "Accept: image/png,image/jpeg,image/gif,image/webp,image/svg+xml;q=0.9,*/*;q=0.5"));
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers.get());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    return t;
  }

  static void finish(Transfer& t, CURLcode code) {
    HttpResult r;
    long status = 0;
    curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK) r.failure = failure_of(code, t);
    else if (status < 200 || status > 299) r.failure = "HTTP " + std::to_string(status);
    else r.body = std::move(t.body);
    t.done.set_value(std::move(r));
  }

  void run() {
    while (true) {
      {
        std::lock_guard lock(mutex);
        while (!queue.empty()) {
          std::unique_ptr<Transfer> t = std::move(queue.front());
          queue.pop_front();
          CURL* e = t->easy.get();
          if (!e || curl_multi_add_handle(multi.get(), e) != CURLM_OK) {
            t->done.set_value(HttpResult{std::nullopt, "cannot start the transfer"});
            continue;
          }
          active.emplace(e, std::move(t));
        }
        if (stopping && active.empty()) return;
      }
      int running = 0;
      curl_multi_perform(multi.get(), &running);
      int left = 0;
      while (CURLMsg* m = curl_multi_info_read(multi.get(), &left)) {
        if (m->msg != CURLMSG_DONE) continue;
        CURL* e = m->easy_handle;
        const CURLcode code = m->data.result;  // m is invalid after the handle is removed
        curl_multi_remove_handle(multi.get(), e);
        auto node = active.extract(e);
        if (!node.empty()) finish(*node.mapped(), code);
      }
      curl_multi_poll(multi.get(), nullptr, 0, 1000, nullptr);
    }
  }
};

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  CURLM* m = impl_->multi.get();
  if (!m) throw Error(ErrorCode::internal, "libcurl could not create a transfer handle");
  curl_multi_setopt(m, CURLMOPT_MAX_TOTAL_CONNECTIONS, impl_->options.max_connections);
  curl_multi_setopt(m, CURLMOPT_MAX_HOST_CONNECTIONS, impl_->options.max_host_connections);
  impl_->worker = std::thread([impl = impl_.get()] { impl->run(); });
}

HttpClient::~HttpClient() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  curl_multi_wakeup(impl_->multi.get());
  impl_->worker.join();
}

std::vector<HttpResult> HttpClient::get(const std::vector<HttpRequest>& requests) {
  std::vector<std::future<HttpResult>> pending;
  {
    std::lock_guard lock(impl_->mutex);
    for (const HttpRequest& request : requests) {
      std::unique_ptr<Transfer> t = impl_->make(request);
      pending.push_back(t->done.get_future());
      impl_->queue.push_back(std::move(t));
    }
  }
  curl_multi_wakeup(impl_->multi.get());
  std::vector<HttpResult> out;
  out.reserve(pending.size());
  for (auto& f : pending) out.push_back(f.get());
  return out;
}

}  // namespace sheaf::fetch
