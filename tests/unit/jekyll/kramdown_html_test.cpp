// kramdown's HTML rules (kramdown_html.hpp), alone and through the reader with `input: kramdown`.
#include "converters/jekyll/kramdown_html.hpp"

#include <gtest/gtest.h>

#include "converters/jekyll/jekyll.hpp"
#include "core/context.hpp"
#include "core/plain_text.hpp"

namespace sheaf::jekyll {
namespace {

using kramdown_html::Model;

/// The post's text when the site reads kramdown with the given extra `kramdown:` settings.
std::string kramdown_text(std::string_view body, const std::string& settings = "") {
  MemoryContext context;
  context.files["site/_config.yml"] = "kramdown:\n  input: kramdown\n" + settings;
  const std::string input = "---\n---\n" + std::string(body);
  const Document doc = read(Input{input, "site/_posts/2024-01-01-x.md", ""}, ReaderOptions{}, context);
  return plain_text(doc.blocks);
}

TEST(KramdownHtml, ContentModelsAndTheMarkdownAttribute) {
  EXPECT_EQ(kramdown_html::content_model("div"), Model::block);
  EXPECT_EQ(kramdown_html::content_model("p"), Model::span);
  EXPECT_EQ(kramdown_html::content_model("table"), Model::raw);
  const auto tag = kramdown_html::start_tag("<DIV markdown=\"0\" class=x>", 0);
  ASSERT_TRUE(tag);
  EXPECT_EQ(tag->name, "div");
  EXPECT_EQ(tag->html, "<DIV class=x>");
  EXPECT_EQ(kramdown_html::with_markdown_attribute(*tag, Model::block), Model::raw);
  EXPECT_FALSE(kramdown_html::start_tag("<http://example.com>", 0));  // an autolink
  EXPECT_TRUE(kramdown_html::start_tag("<br>", 0)->closed);           // no content
}

TEST(KramdownHtml, RawContentKeepsTagsAndEscapesTheRest) {
  const std::string_view text = "x </p> <b>&amp; <![CDATA[<c>]]></b><!-- k --> a < b</div>after";
  std::vector<kramdown_html::Frame> stack{{"div", Model::raw}};
  std::string out;
  std::size_t pos = 0;
  const auto stop = kramdown_html::read_raw(text, pos, stack, out, [](std::string_view s) { return std::string(s); });
  EXPECT_EQ(stop, kramdown_html::RawStop::closed);
  EXPECT_EQ(out, "x &lt;/p&gt; <b>&amp; &lt;c&gt;</b><!-- k --> a &lt; b</div>");
  EXPECT_EQ(text.substr(pos), "after");
}

TEST(KramdownHtml, BlockHtmlFollowsKramdown) {
  // Raw by default: Markdown inside is text, a stray end tag is text.
  EXPECT_EQ(kramdown_text("<div>\n*a*\n</p>\n</div>\n"), "*a* </p>\n");
  // parse_block_html reads the content as blocks, up to the end tag at a block start.
  EXPECT_EQ(kramdown_text("<div>\n    code </div>\n</div>\n", "  parse_block_html: true\n"), "code </div>\n");
  // markdown="span" reads spans; markdown="0" keeps them.
  EXPECT_EQ(kramdown_text("<div markdown=\"span\">*a*</div>\n\n<p markdown=\"0\">*b*</p>\n"), "a\n*b*\n");
  // An end tag that closes nothing and a processing instruction are paragraph text.
  EXPECT_EQ(kramdown_text("</div>\n\n<? pi ?>\n"), "</div>\n<? pi ?>\n");
}

TEST(KramdownHtml, SpanHtmlFollowsKramdown) {
  EXPECT_EQ(kramdown_text("A <kbd>*k*</kbd> <span markdown=\"0\">_s_</span> <span>*e*</span>.\n"), "A *k* _s_ e.\n");
  EXPECT_EQ(kramdown_text("A <p>block</p> and </closing> <![CDATA[<c>]]>.\n"), "A <p>block</p> and </closing> <c>.\n");
}

TEST(KramdownHtml, HtmlToNativeParagraphTakesTheTextAfterIt) {
  EXPECT_EQ(kramdown_text("<p><b>x</b></p> more\nlines\n", "  html_to_native: true\n"), "x more lines\n");
}

}  // namespace
}  // namespace sheaf::jekyll
