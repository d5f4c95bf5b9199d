#include "bench/micro_input.hpp"

#include <array>
#include <cstdint>
#include <string_view>

#include "converters/html/html.hpp"

namespace sheaf::bench {
namespace {

constexpr std::array<std::string_view, 24> kNouns = {
    "城市", "图书馆", "居民", "工程", "数字化", "计划", "委员会", "报告", "公园", "交通", "学校", "医院",
    "市场", "河流", "文化", "历史", "社区", "记者", "档案馆", "志愿者", "博物馆", "地铁站", "研究所", "出版社"};
constexpr std::array<std::string_view, 12> kVerbs = {"表示", "宣布", "完成", "启动", "介绍", "发布",
                                                     "讨论", "提出", "修复", "扩建", "开放", "整理"};
constexpr std::array<std::string_view, 16> kLatin = {
    "city", "library", "council", "reading", "room", "repair", "archive", "survey",
    "volunteers", "station", "market", "river", "district", "report", "data", "museum"};

/// A small linear congruential generator: the same sequence on every platform, unlike std::rand.
class Rng {
 public:
  explicit Rng(unsigned seed) : state_(seed * 2654435761u + 1) {}
  std::size_t operator()(std::size_t n) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state_ >> 33) % n;
  }

 private:
  std::uint64_t state_;
};

template <std::size_t N>
std::string_view pick(Rng& rng, const std::array<std::string_view, N>& pool) {
  return pool[rng(N)];
}

void cjk_sentence(Rng& rng, std::string& out) {
  const std::size_t clauses = 2 + rng(3);
  for (std::size_t c = 0; c < clauses; ++c) {
    if (c) out += "，";
    out += pick(rng, kNouns);
    out += "的";
    out += pick(rng, kNouns);
    out += pick(rng, kVerbs);
    if (rng(6) == 0) {
      out += " ";
      out += pick(rng, kLatin);
      out += " ";
      out += pick(rng, kLatin);
    }
    if (rng(5) == 0) out += std::to_string(1990 + rng(36)) + "年";
  }
  out += "。";
}

void latin_sentence(Rng& rng, std::string& out) {
  const std::size_t words = 6 + rng(10);
  for (std::size_t w = 0; w < words; ++w) {
    if (w) out += ' ';
    out += pick(rng, kLatin);
  }
  out += '.';
}

void paragraph(Rng& rng, std::string& out, bool latin) {
  const std::size_t sentences = 2 + rng(4);
  for (std::size_t s = 0; s < sentences; ++s) {
    if (latin) {
      if (s) out += ' ';
      latin_sentence(rng, out);
    } else {
      cjk_sentence(rng, out);
    }
  }
}

}  // namespace

std::string make_post(int scale, unsigned seed) {
  Rng rng(seed);
  const std::string url = "https://news.example.org/culture/2025/03/post.html";
  std::string out =
      "---\nlayout: post\ntitle: \"河畔市立图书馆重新开放 benchmark\"\ndate: 2025-03-14T08:15:30.120Z\n"
      "author: 样例通讯社\nfrom: " + url + "\ntags: [ 样例通讯社 ]\ncomments: True\n"
      "categories: [ 样例通讯社 ]\n---\n<!--1741940130120-->\n[河畔市立图书馆重新开放](" + url +
      ")\n------\n\n<div>\n<img src=\"" + url + "/@@images/lead.jpeg\" alt=\"图书馆\" height=\"400\" "
      "width=\"600\">  <span class=\"lead_image_caption\">";
  cjk_sentence(rng, out);
  out += "</span> <div id=\"zoomattribute\"> <a id=\"single_image\" href=\"" + url +
         "\" data-fancybox=\"\"><img src=\"https://news.example.org/++resources/img/icon-zoom.png\"></a>"
         " <span class=\"copyright\">样例图片社</span> </div> <!-- zoomattribute --><ul>";
  for (int k = 0; k < 3; ++k) {
    out += "<li><a href=\"https://news.example.org/related-" + std::to_string(k) + ".html\"><strong>";
    cjk_sentence(rng, out);
    out += "&nbsp;&nbsp;</strong></a></li>";
  }
  out += "</ul>";
  for (int n = 0; n < 21 * scale; ++n) {
    if (n % 6 == 5) {
      out += "<p></p><figure class=\"image-richtext\"><img alt=\"样例\" src=\"" + url + "/figure-" +
             std::to_string(n) + ".jpeg\" width=\"800\"><figcaption class=\"image-caption\">";
      cjk_sentence(rng, out);
      out += "</figcaption><small></small><div id=\"zoomattribute\"><a data-fancybox=\"\" href=\"" + url +
             "\"><img src=\"https://news.example.org/++resources/img/icon-zoom.png\"></a></div></figure><p></p>";
    } else {
      out += "<p><span style=\"font-weight: 400;\">";
      paragraph(rng, out, n % 9 == 8);
      out += "</span></p>";
    }
  }
  out += "<p><span style=\"font-weight: 400;\">记者：陈思&nbsp;&nbsp;&nbsp; 责编：赵明</span></p>\n</div>\n";
  return out;
}

std::string make_page(std::size_t bytes, unsigned seed) {
  Rng rng(seed);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>样例长页面 benchmark page</title>\n</head>\n<body>\n<article>\n<h1>样例长页面</h1>\n";
  for (std::size_t n = 0; out.size() < bytes; ++n) {
    out += "<section id=\"s" + std::to_string(n) + "\">\n<h2>";
    out += pick(rng, kNouns);
    out += pick(rng, kVerbs);
    out += "</h2>\n";
    for (int k = 0; k < 6; ++k) {
      out += "<p>";
      paragraph(rng, out, k % 3 == 2);
      out += " <a href=\"https://news.example.org/" + std::to_string(n) + "\">";
      out += pick(rng, kNouns);
      out += "</a> <em>";
      out += pick(rng, kLatin);
      out += "</em></p>\n";
    }
    switch (n % 3) {
      case 0:
        out += "<ul>\n";
        for (int i = 0; i < 5; ++i) {
          out += "<li>";
          cjk_sentence(rng, out);
          out += "</li>\n";
        }
        out += "</ul>\n";
        break;
      case 1:
        out += "<table>\n<thead><tr><th>项目</th><th>数量</th><th>note</th></tr></thead>\n<tbody>\n";
        for (int i = 0; i < 6; ++i) {
          out += "<tr><td>";
          out += pick(rng, kNouns);
          out += "</td><td>" + std::to_string(rng(10000)) + "</td><td>";
          latin_sentence(rng, out);
          out += "</td></tr>\n";
        }
        out += "</tbody>\n</table>\n";
        break;
      default:
        out += "<figure><img src=\"https://news.example.org/img/" + std::to_string(n) +
               ".jpg\" alt=\"样例\"><figcaption>";
        cjk_sentence(rng, out);
        out += "</figcaption></figure>\n";
        break;
    }
    out += "</section>\n";
  }
  out += "</article>\n</body>\n</html>\n";
  return out;
}

Document page_document(std::size_t bytes) {
  const std::string html = make_page(bytes);
  MemoryContext context;
  return html::read(Input{html, "page.html", "."}, ReaderOptions{}, context);
}

}  // namespace sheaf::bench
