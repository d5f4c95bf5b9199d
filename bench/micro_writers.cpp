// Writer stages: model → bytes, one benchmark per writer, all from the same model (the generated
// page read once by the HTML reader), into a sink that only counts, so stream growth is not timed.
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

#include "bench/micro_input.hpp"
#include "converters/epub/epub.hpp"
#include "converters/json/json.hpp"
#include "converters/markdown/markdown.hpp"
#include "converters/text/text.hpp"
#include "core/registry.hpp"

namespace sheaf::bench {
namespace {

/// Discards what is written and counts the bytes.
class CountingBuf : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count;
    return traits_type::not_eof(c);
  }
};

void run_writer(benchmark::State& state, WriteFn write) {
  const Document doc = page_document(static_cast<std::size_t>(state.range(0)));
  const WriterOptions options;
  std::size_t bytes = 0;
  for (auto _ : state) {
    MemoryContext context;
    CountingBuf buf;
    std::ostream out(&buf);
    write(doc, options, context, out);
    bytes = buf.count;
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void model_to_markdown(benchmark::State& state) { run_writer(state, markdown::write); }
void model_to_json(benchmark::State& state) { run_writer(state, json::write); }
void model_to_text(benchmark::State& state) { run_writer(state, text::write); }
void model_to_epub(benchmark::State& state) { run_writer(state, epub::write); }

BENCHMARK(model_to_markdown)->Arg(64 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(model_to_json)->Arg(64 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(model_to_text)->Arg(64 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(model_to_epub)->Arg(64 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sheaf::bench
