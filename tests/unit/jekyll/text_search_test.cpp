// The indexed forward searches of the kramdown passes (text_search.hpp) give the answers of the
// plain scans they replace, from every position of texts made of the characters they look for.
#include "converters/jekyll/text_search.hpp"

#include <gtest/gtest.h>

#include <random>

namespace sheaf::jekyll {
namespace {

/// Deterministic texts over a small alphabet, so that needles, runs and brackets are frequent.
std::vector<std::string> texts(std::string_view alphabet) {
  std::mt19937 random(9);
  std::vector<std::string> out{"", std::string(1, alphabet[0])};
  for (int n = 0; n < 300; ++n) {
    std::string t(random() % 40, ' ');
    for (char& c : t) c = alphabet[random() % alphabet.size()];
    out.push_back(std::move(t));
  }
  return out;
}

TEST(TextSearch, OccurrenceIndexIsFind) {
  for (const std::string& text : texts("-->a}")) {
    for (const std::string needle : {"-->", "}", "--", "a-"}) {
      OccurrenceIndex index(text, needle);
      for (std::size_t from = text.size() + 2; from-- > 0;)  // backwards: any order of searches
        EXPECT_EQ(index(from), std::string_view(text).find(needle, from)) << text << " " << needle << " " << from;
    }
  }
}

TEST(TextSearch, BacktickRunsAreFind) {
  for (const std::string& text : texts("``` a")) {
    BacktickRuns runs(text);
    for (std::size_t from = 0; from <= text.size(); ++from)
      for (std::size_t m = 1; m <= 4; ++m)
        EXPECT_EQ(runs(from, m), std::string_view(text).find(std::string(m, '`'), from)) << text << " " << from << " " << m;
  }
}

TEST(TextSearch, BracketMatcherIsScanFromOpener) {
  auto scan = [](std::string_view text, std::size_t at) {
    int depth = 0;
    for (std::size_t k = at; k < text.size(); ++k) {
      if (text[k] == '\\') ++k;
      else if (text[k] == '[') ++depth;
      else if (text[k] == ']' && --depth == 0) return k;
    }
    return std::string_view::npos;
  };
  for (const std::string& text : texts("[[]]\\a")) {
    BracketMatcher match(text, '[', ']');
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (text[at] == '[') {
        EXPECT_EQ(match(at), scan(text, at)) << text << " " << at;
      }
    }
  }
}

}  // namespace
}  // namespace sheaf::jekyll
