// Liquid without an engine: each supported tag, outputs with filters, and dropped tags' warnings.
#include "converters/jekyll/liquid.hpp"

#include <gtest/gtest.h>

namespace sheaf::jekyll {
namespace {

MetaValue str(const char* s) { return MetaValue{std::string(s)}; }

struct Fixture {
  MetaMap site{{"url", str("https://blog.example.org")}, {"baseurl", str("/blog")}, {"title", str("Site")}};
  MetaMap page{{"title", str("Post")}, {"tags", MetaValue{MetaList{str("a"), str("b")}}}};
  MemoryContext context;
  std::string run(std::string_view body) {
    return expand_liquid(body, LiquidScope{&site, &page}, "p.md", 10, context);
  }
};

TEST(Liquid, TextWithoutLiquidIsUnchanged) {
  Fixture f;
  EXPECT_EQ(f.run("a { b } c {{ d"), "a { b } c {{ d");
  EXPECT_TRUE(f.context.diagnostics.empty());
}

TEST(Liquid, SiteAndPageOutputs) {
  Fixture f;
  EXPECT_EQ(f.run("![x]({{ site.baseurl }}/img.png) {{site.url}} {{ page.title }} {{ site.title }}"),
            "![x](/blog/img.png) https://blog.example.org Post Site");
  EXPECT_TRUE(f.context.diagnostics.empty());
}

TEST(Liquid, UrlFilters) {
  Fixture f;
  EXPECT_EQ(f.run("{{ '/a.png' | relative_url }} {{ \"a.png\" | absolute_url }}"),
            "/blog/a.png https://blog.example.org/blog/a.png");
}

TEST(Liquid, UndefinedOutputIsEmptyWithAWarningNamingTheLine) {
  Fixture f;
  EXPECT_EQ(f.run("x\n{{ page.nothing }}y"), "x\ny");
  ASSERT_EQ(f.context.diagnostics.size(), 1u);
  EXPECT_EQ(f.context.diagnostics[0].id, "jekyll.liquid_dropped");
  EXPECT_EQ(f.context.diagnostics[0].pos.line, 11u);
  EXPECT_NE(f.context.diagnostics[0].message.find("page.nothing"), std::string::npos);
}

TEST(Liquid, RawIsLiteral) {
  Fixture f;
  EXPECT_EQ(f.run("{% raw %}{{ site.url }} {% if %}{% endraw %}!"), "{{ site.url }} {% if %}!");
  EXPECT_TRUE(f.context.diagnostics.empty());
}

TEST(Liquid, HighlightBecomesAFence) {
  Fixture f;
  EXPECT_EQ(f.run("Text\n{% highlight ruby linenos %}\ndef x\n  ```\nend\n{% endhighlight %}\nAfter"),
            "Text\n````ruby\ndef x\n  ```\nend\n````\n\nAfter");
}

TEST(Liquid, PostUrlAndLink) {
  Fixture f;
  EXPECT_EQ(f.run("[a]({% post_url 2010-7-21-name %}) [b]({% link _posts/2011-01-02-x.md %}) "
                  "[c]({% link about.md %})"),
            "[a](/blog/2010/07/21/name.html) [b](/blog/2011/01/02/x.html) [c](/blog/about.html)");
  f.site.push_back(MetaField{"permalink", str("pretty")});
  EXPECT_EQ(f.run("{% post_url 2010-07-21-name %}"), "/blog/2010/07/21/name/");
  EXPECT_TRUE(f.context.diagnostics.empty());
}

TEST(Liquid, CommentAndCaptureVanish) {
  Fixture f;
  EXPECT_EQ(f.run("a{% comment %}hidden{% endcomment %}b{% capture x %}y{% endcapture %}c"), "abc");
  ASSERT_EQ(f.context.diagnostics.size(), 1u);  // capture warns, comment does not
}

TEST(Liquid, OtherTagsAreDroppedWithAWarningEach) {
  Fixture f;
  EXPECT_EQ(f.run("{% include note.html %}\n{%- if page.x -%}kept{% endif %}{% gist 123 %}"), "\nkept");
  ASSERT_EQ(f.context.diagnostics.size(), 4u);
  EXPECT_NE(f.context.diagnostics[0].message.find("include"), std::string::npos);
  EXPECT_EQ(f.context.diagnostics[0].pos.line, 10u);
  EXPECT_EQ(f.context.diagnostics[1].pos.line, 11u);
  EXPECT_NE(f.context.diagnostics[3].message.find("gist"), std::string::npos);
}

TEST(Liquid, UnclosedMarkupStaysText) {
  Fixture f;
  EXPECT_EQ(f.run("a {{ b and {% c"), "a {{ b and {% c");
}

TEST(Liquid, LinearOnALongLineOfBraces) {
  Fixture f;
  const std::string body(200000, '{');
  EXPECT_EQ(f.run(body), body);
}

TEST(Liquid, PostUrlOfAnUndatedName) {
  EXPECT_EQ(post_url("not-a-post", "", ""), "");
  EXPECT_EQ(post_url("2020-02-03-x", "", ""), "/2020/02/03/x.html");
}

}  // namespace
}  // namespace sheaf::jekyll
