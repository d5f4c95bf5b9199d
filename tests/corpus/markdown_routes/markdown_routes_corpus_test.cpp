// The Markdown reader's two routes (converters/markdown/cmark_model.hpp) on the corpora: every
// CommonMark and GFM spec example, kramdown's and pandoc's Markdown test files, and every Jekyll
// post must give the same document and diagnostics through cmark's tree as through its HTML.
// Also checks cmark_bridge's claim that an extension left out where it cannot act
// (extension_may_act) changes nothing.
#include <gtest/gtest.h>

#include <iostream>

#include "converters/markdown/cmark_bridge.hpp"
#include "core/context.hpp"
#include "tests/support/corpus.hpp"
#include "tests/support/markdown_routes.hpp"
#include "tests/support/spec_examples.hpp"

namespace sheaf {
namespace {

struct Tally {
  std::size_t inputs = 0, direct = 0, mismatches = 0;
};

void check_markdown(const std::string& where, const std::string& text, Tally& tally) {
  const test::RouteComparison r = test::compare_markdown_routes(text);
  ++tally.inputs;
  if (r.direct) ++tally.direct;
  if (!r.mismatch.empty()) {
    ++tally.mismatches;
    ADD_FAILURE() << where << ": " << r.mismatch << "\ninput:\n" << text;
  }
}

std::vector<std::string> spec_inputs(const std::filesystem::path& file) {
  std::vector<std::string> out;
  for (const test::SpecExample& ex : test::load_spec_examples(read_file_or_throw(file))) out.push_back(ex.input);
  return out;
}

TEST(MarkdownRoutesCorpus, SpecExamplesAgree) {
  SHEAF_REQUIRE_CORPUS();
  Tally tally;
  for (const auto& file : test::files_under(corpus / "commonmark", {".txt"})) {
    const auto inputs = spec_inputs(file);
    for (std::size_t i = 0; i < inputs.size(); ++i)
      check_markdown(file.string() + " example " + std::to_string(i + 1), inputs[i], tally);
  }
  std::cout << "spec examples: " << tally.inputs << " read, " << tally.direct << " by the tree route, "
            << tally.mismatches << " differ\n";
  EXPECT_GT(tally.inputs, 1000u);
  EXPECT_GT(tally.direct * 2, tally.inputs);
}

TEST(MarkdownRoutesCorpus, MarkdownFilesAgree) {
  SHEAF_REQUIRE_CORPUS();
  Tally tally;
  for (const char* dir : {"kramdown", "pandoc"})
    for (const auto& file : test::files_under(corpus / dir, {".text", ".md", ".markdown"}))
      check_markdown(file.string(), read_file_or_throw(file), tally);
  std::cout << "kramdown and pandoc files: " << tally.inputs << " read, " << tally.direct
            << " by the tree route, " << tally.mismatches << " differ\n";
  EXPECT_GT(tally.inputs, 200u);
  EXPECT_GT(tally.direct, 50u);
}

TEST(MarkdownRoutesCorpus, JekyllPostsAgree) {
  SHEAF_REQUIRE_CORPUS();
  std::size_t posts = 0, mismatches = 0;
  for (const char* dir : {"jekyll-news", "jekyll-blogs", "jekyll-testsite"})
    for (const auto& file : test::files_under(corpus / dir, {".md", ".markdown"})) {
      const std::string bytes = read_file_or_throw(file);
      const test::RouteComparison r =
          test::compare_jekyll_routes(Input{bytes, file.string(), file.parent_path().string()});
      ++posts;
      if (!r.mismatch.empty()) {
        ++mismatches;
        ADD_FAILURE() << file << ": " << r.mismatch;
      }
    }
  std::cout << "Jekyll posts: " << posts << " read both ways, " << mismatches << " differ\n";
  EXPECT_GT(posts, 500u);
}

TEST(MarkdownRoutesCorpus, ExtensionsLeftOutWhereTheyCannotActChangeNothing) {
  SHEAF_REQUIRE_CORPUS();
  std::size_t checked = 0, without_some = 0;
  auto check = [&](const std::string& where, const std::string& text) {
    ++checked;
    bool skipped = false;
    for (const char* ext : {"table", "strikethrough", "autolink", "tasklist", "footnotes"})
      skipped = skipped || !markdown::extension_may_act(ext, text);
    if (!skipped) return;
    ++without_some;
    EXPECT_EQ(markdown::render_gfm_html(text), markdown::render_gfm_html(text, true)) << where << "\n" << text;
  };
  for (const auto& file : test::files_under(corpus / "commonmark", {".txt"})) {
    const auto inputs = spec_inputs(file);
    for (std::size_t i = 0; i < inputs.size(); ++i) check(file.string() + " example " + std::to_string(i + 1), inputs[i]);
  }
  for (const char* dir : {"kramdown", "pandoc", "jekyll-news", "jekyll-blogs", "jekyll-testsite"})
    for (const auto& file : test::files_under(corpus / dir, {".text", ".md", ".markdown"}))
      check(file.string(), read_file_or_throw(file));
  std::cout << checked << " inputs, " << without_some << " parsed without one extension or more\n";
  EXPECT_GT(without_some, 1000u);
}

}  // namespace
}  // namespace sheaf
