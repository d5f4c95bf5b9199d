// --fetch-images in the EPUB writer, hermetically: a MemoryContext whose fetch is a fake (a map of
// URL → answer, every request logged), the fallback to the reference form, the content-addressed
// cache and the run's fetcher in --offline mode (which never opens a connection).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "converters/epub/svg_check.hpp"
#include "converters/fetch/content_cache.hpp"
#include "converters/fetch/remote_fetcher.hpp"
#include "converters/fetch/sha256.hpp"
#include "core/error.hpp"
#include "core/meta.hpp"
#include "tests/unit/epub/epub_test_util.hpp"
#include "tests/unit/epub/samples.hpp"

namespace sheaf::test::epub {
namespace {
namespace fs = std::filesystem;

/// Answers from `remote`; an URL not in it fails with "HTTP 404". Every asked URL is logged.
class FakeFetchContext : public MemoryContext {
 public:
  std::vector<FetchResult> fetch(const std::vector<FetchRequest>& requests) override {
    ++calls;
    std::vector<FetchResult> out;
    for (const FetchRequest& r : requests) {
      asked.push_back(r.url);
      referers.push_back(r.referer);
      if (auto it = remote.find(r.url); it != remote.end()) out.push_back(FetchResult{it->second, "", false});
      else out.push_back(FetchResult{std::nullopt, "HTTP 404", false});
    }
    return out;
  }
  std::map<std::string, std::string> remote;
  std::vector<std::string> asked;
  std::vector<std::string> referers;
  int calls = 0;
};

WriterOptions fetching() {
  WriterOptions o;
  o.epub.fetch_images = true;
  return o;
}

Document post_with(Blocks blocks) {
  Document doc;
  meta_set(doc.meta, "title", MetaValue{std::string("Remote images")});
  doc.source_name = "post.md";
  doc.base = "/site/posts";
  doc.blocks = std::move(blocks);
  return doc;
}

const Diagnostic* find_diagnostic(const MemoryContext& c, const std::string& id) {
  for (const Diagnostic& d : c.diagnostics)
    if (d.id == id) return &d;
  return nullptr;
}

TEST(FetchImages, OffByDefaultNoRequestAndTheLinkStays) {
  FakeFetchContext context;
  context.remote["https://img.example/a.png"] = tiny_png();
  const auto files = entries(write_epub(post_with({figure("https://img.example/a.png", "alt", {text("cap")}, {})}), context));
  EXPECT_EQ(context.calls, 0);
  EXPECT_NE(files.at("EPUB/text/ch001.xhtml").find("href=\"https://img.example/a.png\""), std::string::npos);
  EXPECT_TRUE(has_diagnostic(context, "epub.remote_image"));
}

TEST(FetchImages, TheDefaultContextRefusesEveryFetch) {
  MemoryContext context;
  const std::vector<FetchResult> r = context.fetch({FetchRequest{"https://img.example/a.png", ""}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_FALSE(r[0].bytes);
  EXPECT_FALSE(r[0].failure.empty());
}

TEST(FetchImages, EmbedsFetchedImagesOnceEachInOneBatchWithoutReferer) {
  FakeFetchContext context;
  context.remote["https://img.example/a.png"] = tiny_png();
  context.remote["https://img.example/b.gif"] = tiny_gif();
  const Document doc = post_with({
      figure("https://img.example/a.png", "first", {text("A caption")}, {text("Photo: Agency")}),
      para({text("inline "), image("https://img.example/b.gif", "gif")}),
      figure("https://img.example/a.png", "again", {}, {}),
  });
  const auto files = entries(write_epub(doc, context, fetching()));
  EXPECT_EQ(context.calls, 1) << "all remote images are asked for in one call";
  EXPECT_EQ(context.asked, (std::vector<std::string>{"https://img.example/a.png", "https://img.example/b.gif"}));
  for (const std::string& r : context.referers) EXPECT_EQ(r, "") << "the model keeps no referrerpolicy";
  EXPECT_EQ(files.at("EPUB/images/image-001.png"), tiny_png());
  EXPECT_EQ(files.at("EPUB/images/image-002.gif"), tiny_gif());
  EXPECT_EQ(files.count("EPUB/images/image-003.png"), 0u) << "the repeated URL is embedded once";
  const std::string& x = files.at("EPUB/text/ch001.xhtml");
  EXPECT_EQ(count(x, "src=\"../images/image-001.png\""), 2u);
  EXPECT_EQ(x.find("remote-image"), std::string::npos);
  EXPECT_NE(x.find("Photo: Agency"), std::string::npos);
  EXPECT_FALSE(has_diagnostic(context, "epub.image_fetch"));
  EXPECT_FALSE(has_diagnostic(context, "epub.remote_image"));
}

TEST(FetchImages, FailuresFallBackToTheReferenceFormWithOneDiagnosticEach) {
  FakeFetchContext context;
  context.remote["https://img.example/page.png"] = "<!DOCTYPE html><html><body>not an image</body></html>";
  context.remote["https://img.example/evil.svg"] =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>";
  const Document doc = post_with({
      figure("https://img.example/missing.png", "missing alt", {text("Kept caption")}, {text("Kept credit")}),
      figure("https://img.example/page.png", "html alt", {}, {}),
      figure("https://img.example/evil.svg", "svg alt", {}, {}),
      figure("https://img.example/missing.png", "missing alt", {}, {}),
  });
  const auto files = entries(write_epub(doc, context, fetching()));
  const std::string& x = files.at("EPUB/text/ch001.xhtml");
  EXPECT_NE(x.find("<p class=\"remote-image\"><a href=\"https://img.example/missing.png\">missing alt</a></p>"),
            std::string::npos) << x;
  EXPECT_NE(x.find("Kept caption"), std::string::npos);
  EXPECT_NE(x.find("Kept credit"), std::string::npos);
  EXPECT_NE(x.find("<a href=\"https://img.example/page.png\">html alt</a>"), std::string::npos);
  EXPECT_NE(x.find("<a href=\"https://img.example/evil.svg\">svg alt</a>"), std::string::npos);
  for (const auto& [name, bytes] : files) EXPECT_NE(name.rfind("EPUB/images/", 0), 0u) << name;
  std::vector<std::string> messages;
  for (const Diagnostic& d : context.diagnostics)
    if (d.id == "epub.image_fetch") {
      EXPECT_EQ(d.severity, Severity::warning);
      EXPECT_EQ(d.source_name, "post.md");
      messages.push_back(d.message);
    }
  ASSERT_EQ(messages.size(), 3u) << "one line per distinct URL";
  EXPECT_EQ(messages[0], "remote image not embedded (HTTP 404), kept as a link: https://img.example/missing.png");
  EXPECT_EQ(messages[1],
            "remote image not embedded (not a PNG, JPEG, GIF, WebP or SVG image), kept as a link: https://img.example/page.png");
  EXPECT_EQ(messages[2],
            "remote image not embedded (SVG with active content: event attribute), kept as a link: https://img.example/evil.svg");
}

TEST(FetchImages, TooLargeAfterTheFetchIsRefused) {
  FakeFetchContext context;
  context.remote["https://img.example/a.png"] = tiny_png();
  WriterOptions o = fetching();
  o.epub.max_image_bytes = 10;
  write_epub(post_with({figure("https://img.example/a.png", "a", {}, {})}), context, o);
  const Diagnostic* d = find_diagnostic(context, "epub.image_fetch");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "remote image not embedded (larger than 10 bytes), kept as a link: https://img.example/a.png");
}

TEST(FetchImages, FailOnMissingImagesThrowsNotFoundAfterReportingAll) {
  FakeFetchContext context;
  WriterOptions o = fetching();
  o.epub.fail_on_missing_images = true;
  const Document doc = post_with({figure("https://img.example/x.png", "x", {}, {}), figure("https://img.example/y.png", "y", {}, {})});
  try {
    write_epub(doc, context, o);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
    EXPECT_STREQ(e.what(), "2 images could not be embedded (--fail-on-missing-images)");
  }
  std::size_t lines = 0;
  for (const Diagnostic& d : context.diagnostics) lines += d.id == "epub.image_fetch";
  EXPECT_EQ(lines, 2u);
}

TEST(FetchImages, FailOnMissingImagesIsQuietWhenAllAreEmbedded) {
  FakeFetchContext context;
  context.remote["https://img.example/a.png"] = tiny_png();
  WriterOptions o = fetching();
  o.epub.fail_on_missing_images = true;
  EXPECT_NO_THROW(write_epub(post_with({figure("https://img.example/a.png", "a", {}, {})}), context, o));
}

TEST(SvgCheck, FindsActiveContentTheSnifferLetsThrough) {
  EXPECT_EQ(sheaf::epub::svg_active_content(tiny_svg()), "");
  EXPECT_EQ(sheaf::epub::svg_active_content("<svg xmlns=\"http://www.w3.org/2000/svg\" onclick = \"x()\"></svg>"), "event attribute");
  EXPECT_EQ(sheaf::epub::svg_active_content("<svg><image href = 'http://x/y.png'/></svg>"), "external reference");
  EXPECT_EQ(sheaf::epub::svg_active_content("<svg><rect style=\"fill:url(https://x/p#a)\"/></svg>"), "external reference");
  EXPECT_EQ(sheaf::epub::svg_active_content("<svg><rect style=\"fill:url(#grad)\"/></svg>"), "");
  EXPECT_EQ(sheaf::epub::svg_active_content("<svg><style>@import 'x.css';</style></svg>"), "external reference");
  EXPECT_EQ(sheaf::epub::svg_active_content("<svg><SCRIPT>x</SCRIPT></svg>"), "script");
}

// ---- the cache and the run's fetcher ----------------------------------------------------------

class TempDir {
 public:
  TempDir() {
    static int n = 0;
    path_ = fs::temp_directory_path() / ("sheaf-fetch-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::size_t files_under(const fs::path& dir) {
  std::size_t n = 0;
  if (!fs::exists(dir)) return 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(fetch::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(fetch::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(fetch::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(fetch::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(ContentCache, StoresByContentAndFindsByUrl) {
  TempDir dir;
  const fetch::ContentCache cache(dir.path());
  EXPECT_FALSE(cache.lookup("https://a.example/x.png"));
  EXPECT_EQ(cache.store("https://a.example/x.png", tiny_png()), "");
  EXPECT_EQ(cache.store("https://b.example/same.png", tiny_png()), "");
  EXPECT_EQ(cache.lookup("https://a.example/x.png"), tiny_png());
  EXPECT_EQ(cache.lookup("https://b.example/same.png"), tiny_png());
  EXPECT_EQ(files_under(dir.path() / "objects"), 1u) << "equal bytes are stored once";
  EXPECT_EQ(files_under(dir.path() / "urls"), 2u);
  EXPECT_FALSE(cache.lookup("https://a.example/other.png"));
}

TEST(ContentCache, ADamagedObjectIsAMiss) {
  TempDir dir;
  const fetch::ContentCache cache(dir.path());
  ASSERT_EQ(cache.store("https://a.example/x.png", tiny_png()), "");
  const std::string digest = fetch::sha256_hex(tiny_png());
  std::ofstream(dir.path() / "objects" / digest.substr(0, 2) / digest, std::ios::binary | std::ios::trunc) << "junk";
  EXPECT_FALSE(cache.lookup("https://a.example/x.png"));
}

TEST(ContentCache, NoFolderMeansNoCache) {
  const fetch::ContentCache cache{fs::path()};
  EXPECT_EQ(cache.store("https://a.example/x.png", tiny_png()), "");
  EXPECT_FALSE(cache.lookup("https://a.example/x.png"));
}

TEST(RemoteFetcher, OfflineServesTheCacheOnlyAndNeverRequests) {
  TempDir dir;
  ASSERT_EQ(fetch::ContentCache(dir.path()).store("https://a.example/x.png", tiny_png()), "");
  fetch::FetchOptions options;
  options.offline = true;
  options.cache_dir = dir.path();
  fetch::RemoteFetcher fetcher(options);
  const auto r = fetcher.fetch({FetchRequest{"https://a.example/x.png", ""}, FetchRequest{"https://a.example/y.png", ""},
                                FetchRequest{"file:///etc/passwd", ""}, FetchRequest{"https://a.example/x.png", ""}});
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].bytes, tiny_png());
  EXPECT_TRUE(r[0].from_cache);
  EXPECT_EQ(r[1].failure, "offline and not in the cache");
  EXPECT_EQ(r[2].failure, "not an http or https URL");
  EXPECT_EQ(r[3].bytes, tiny_png());
  const fetch::FetchCounts c = fetcher.counts();
  EXPECT_EQ(c.requests, 0u);
  EXPECT_EQ(c.cached, 1u) << "each distinct URL once";
  EXPECT_EQ(c.failed, 2u);
  fetcher.fetch({FetchRequest{"https://a.example/y.png", ""}});
  EXPECT_EQ(fetcher.counts().failed, 2u) << "an URL asked again gets the first answer";
}

TEST(RemoteFetcher, OnlyHttpAndHttpsAreFetchable) {
  EXPECT_TRUE(fetch::fetchable_url("https://a.example/x.png"));
  EXPECT_TRUE(fetch::fetchable_url("HTTP://a.example/x.png"));
  EXPECT_FALSE(fetch::fetchable_url("file:///etc/passwd"));
  EXPECT_FALSE(fetch::fetchable_url("data:image/png;base64,AAAA"));
  EXPECT_FALSE(fetch::fetchable_url("ftp://a.example/x.png"));
  EXPECT_FALSE(fetch::fetchable_url("https:x.png"));
}

}  // namespace
}  // namespace sheaf::test::epub
