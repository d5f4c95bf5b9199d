// Reader stages: bytes → model. HTML (libxml2 parse + tree translation) is the hot path of every
// news post, whose body is one raw HTML block; the Jekyll reader adds front matter and cmark-gfm.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/micro_input.hpp"
#include "converters/html/html.hpp"
#include "converters/jekyll/jekyll.hpp"

namespace sheaf::bench {
namespace {

void html_to_model(benchmark::State& state) {
  const std::string html = make_page(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    MemoryContext context;
    Document doc = html::read(Input{html, "page.html", "."}, ReaderOptions{}, context);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * html.size()));
}
BENCHMARK(html_to_model)->Arg(64 << 10)->Arg(1 << 20)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

void jekyll_post_to_model(benchmark::State& state) {
  const std::string post = make_post(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    MemoryContext context;
    Document doc = jekyll::read(Input{post, "2025-03-14-post.md", "."}, ReaderOptions{}, context);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * post.size()));
}
BENCHMARK(jekyll_post_to_model)->Arg(1)->Arg(8)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace sheaf::bench
