// The X12 lexer's speed on 100 MB generated 835 and 837P files, one core:
//   (a) a plain memchr count of segment terminators (the floor any splitter pays),
//   (b) segment splitting into element views (SegmentReader),
//   (c) full parse with every envelope check (EnvelopeReader),
//   (d) (c) reading the file from disk in 1 MiB chunks (what `clearhouse parse` does),
//   (e) (b) with each block classifier this processor runs (split_kernel/835/avx2, .../sse2,
//       .../portable); (b) to (d) use the best one.
#include <benchmark/benchmark.h>

#include <cstring>

#include "bench/support/bench_inputs.hpp"
#include "parsers/x12/detail/separator_index.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"

namespace clearhouse::bench {
namespace {

constexpr std::uint64_t kTargetBytes = 100ull << 20;

const std::string& input(X12Kind kind) {
  static std::string remit, claims;
  std::string& slot = kind == X12Kind::remittance_835 ? remit : claims;
  if (slot.empty()) slot = read_whole_file(generated_x12(kind, kTargetBytes).x12);
  return slot;
}

void memchr_terminators(benchmark::State& state, X12Kind kind) {
  const std::string& text = input(kind);
  std::uint64_t count = 0;
  for (auto _ : state) {
    count = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    while ((p = static_cast<const char*>(std::memchr(p, '~', static_cast<std::size_t>(end - p)))) != nullptr) {
      ++count;
      ++p;
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
  report_max_rss(state);
}

void split_segments(benchmark::State& state, X12Kind kind) {
  const std::string& text = input(kind);
  std::uint64_t segments = 0, elements = 0;
  for (auto _ : state) {
    x12::MemorySource source(text);
    x12::Diagnostics diagnostics;
    x12::SegmentReader reader(source, diagnostics);
    segments = elements = 0;
    while (reader.next()) {
      ++segments;
      elements += reader.segment().size();
    }
    benchmark::DoNotOptimize(elements);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * segments));
  report_max_rss(state);
}

void split_kernel(benchmark::State& state, X12Kind kind, x12::detail::SplitKernel kernel) {
  if (!x12::detail::set_split_kernel(kernel)) {
    state.SkipWithError("this processor cannot run this kernel");
    return;
  }
  split_segments(state, kind);
  x12::detail::set_split_kernel(x12::detail::best_split_kernel());
}

void full_parse(benchmark::State& state, X12Kind kind) {
  const std::string& text = input(kind);
  std::uint64_t segments = 0;
  for (auto _ : state) {
    x12::MemorySource source(text);
    x12::Diagnostics diagnostics;
    x12::SegmentReader segments_reader(source, diagnostics);
    x12::EnvelopeReader reader(segments_reader, diagnostics);
    while (reader.next()) {
    }
    segments = reader.counts().segments;
    if (diagnostics.has_errors()) state.SkipWithError("generated input has envelope errors");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * segments));
  report_max_rss(state);
}

void full_parse_from_file(benchmark::State& state, X12Kind kind) {
  const auto path = generated_x12(kind, kTargetBytes).x12;
  std::uint64_t segments = 0, bytes = 0;
  for (auto _ : state) {
    std::string error;
    auto source = x12::FileSource::open(path.string(), error);
    x12::Diagnostics diagnostics;
    x12::SegmentReader segments_reader(*source, diagnostics);
    x12::EnvelopeReader reader(segments_reader, diagnostics);
    while (reader.next()) {
    }
    segments = reader.counts().segments;
    bytes = segments_reader.bytes_consumed();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * segments));
  report_max_rss(state);
}

BENCHMARK_CAPTURE(memchr_terminators, 835, X12Kind::remittance_835)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(split_segments, 835, X12Kind::remittance_835)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(full_parse, 835, X12Kind::remittance_835)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(full_parse_from_file, 835, X12Kind::remittance_835)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(split_kernel, 835/avx2, X12Kind::remittance_835, x12::detail::SplitKernel::avx2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(split_kernel, 835/sse2, X12Kind::remittance_835, x12::detail::SplitKernel::sse2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(split_kernel, 835/portable, X12Kind::remittance_835, x12::detail::SplitKernel::portable)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(memchr_terminators, 837p, X12Kind::claim_837p)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(split_segments, 837p, X12Kind::claim_837p)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(full_parse, 837p, X12Kind::claim_837p)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(full_parse_from_file, 837p, X12Kind::claim_837p)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
