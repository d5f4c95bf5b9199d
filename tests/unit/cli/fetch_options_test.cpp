// --fetch-images and its options as parsed, and the context the CLI hands to conversions: fetch
// goes to the run's fetcher only when there is one. No test here opens a connection (--offline).
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "cli/cli_options.hpp"
#include "cli/fetch_session.hpp"

namespace sheaf::cli {
namespace {

CliOptions parse(std::vector<const char*> args) {
  args.insert(args.begin(), "sheaf");
  return parse_command_line(static_cast<int>(args.size()), args.data());
}

TEST(FetchOptions, OffByDefault) {
  const CliOptions o = parse({"post.md"});
  EXPECT_FALSE(o.writer.epub.fetch_images);
  EXPECT_FALSE(o.writer.epub.fail_on_missing_images);
  EXPECT_FALSE(o.fetch.offline);
  EXPECT_EQ(o.fetch.http.timeout, std::chrono::seconds(30));
  EXPECT_EQ(o.fetch.http.max_redirects, 5);
}

TEST(FetchOptions, EveryOptionReachesItsField) {
  const CliOptions o = parse({"post.md", "--fetch-images", "--offline", "--cache-dir", "some/cache",
                              "--fetch-timeout", "7", "--max-image-size", "2M", "--fail-on-missing-images"});
  EXPECT_TRUE(o.writer.epub.fetch_images);
  EXPECT_TRUE(o.fetch.offline);
  EXPECT_EQ(o.fetch.cache_dir, std::filesystem::path("some/cache"));
  EXPECT_EQ(o.fetch.http.timeout, std::chrono::seconds(7));
  EXPECT_EQ(o.fetch.http.max_bytes, std::size_t{2} << 20);
  EXPECT_EQ(o.writer.epub.max_image_bytes, std::size_t{2} << 20) << "one limit for local and fetched images";
  EXPECT_TRUE(o.writer.epub.fail_on_missing_images);
}

TEST(FetchOptions, DefaultCacheFolderFollowsXdg) {
  ::setenv("XDG_CACHE_HOME", "/tmp/xdg-test-cache", 1);
  EXPECT_EQ(parse({"post.md", "--fetch-images"}).fetch.cache_dir, std::filesystem::path("/tmp/xdg-test-cache/sheaf"));
  ::setenv("XDG_CACHE_HOME", "relative/is/ignored", 1);
  ::setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(parse({"post.md", "--fetch-images"}).fetch.cache_dir, std::filesystem::path("/home/someone/.cache/sheaf"));
}

TEST(FetchOptions, OfflineNeedsFetchImages) {
  try {
    parse({"post.md", "--offline"});
    FAIL() << "expected a usage error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::usage);
  }
}

TEST(FetchingContext, WithoutAFetcherTheDefaultRefuses) {
  MemoryContext inner;
  FetchingContext context(inner, nullptr);
  const auto r = context.fetch({FetchRequest{"https://img.example/a.png", ""}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_FALSE(r[0].bytes);
}

TEST(FetchingContext, GoesToTheFetcherAndCountsLinksForTheReport) {
  fetch::FetchOptions options;
  options.offline = true;  // an empty cache and no network: every URL fails without a request
  fetch::RemoteFetcher fetcher(options);
  MemoryContext inner;
  FetchingContext context(inner, &fetcher);
  const auto r = context.fetch({FetchRequest{"https://img.example/a.png", ""}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].failure, "offline and not in the cache");
  context.report(Diagnostic{Severity::warning, "epub.image_fetch", "x", "post.md", {}});
  context.report(Diagnostic{Severity::warning, "epub.image_missing", "y", "post.md", {}});
  EXPECT_EQ(inner.diagnostics.size(), 2u) << "diagnostics go on to the inner context";
  const fetch::FetchCounts c = fetcher.counts();
  EXPECT_EQ(c.failed, 1u);
  EXPECT_EQ(c.requests, 0u);
  EXPECT_EQ(c.kept_as_links, 1u);
}

}  // namespace
}  // namespace sheaf::cli
