#pragma once
// Deterministic inputs for the micro-benchmarks, made up from word pools (no article text), in the
// shapes bench/inputs.py generates for the whole-process suite: news-mirror Jekyll posts and long
// HTML pages with sections, paragraphs, lists, tables and figures, CJK and Latin text.
#include <cstddef>
#include <string>

#include "core/document.hpp"

namespace sheaf::bench {

/// A Jekyll post in the news-mirror shape: front matter, setext link heading, one raw HTML block
/// (lead image, zoom widget, related links, paragraphs in spans, figures, staff line). `scale`
/// 1..8 multiplies the body like the reference post's 1x-8x range.
std::string make_post(int scale, unsigned seed = 1);

/// An HTML page of at least `bytes` bytes.
std::string make_page(std::size_t bytes, unsigned seed = 2);

/// The page read by the HTML reader (the model the writer benchmarks start from).
Document page_document(std::size_t bytes);

}  // namespace sheaf::bench
