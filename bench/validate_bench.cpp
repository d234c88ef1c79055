// Implementation-guide validation speed on 100 MB generated 837P and 835 files, one core:
// the whole validator (envelopes, structure walker, elements, HL, claim rules / 835
// balancing, code-set formats) over a buffer in memory, and from disk in 1 MiB chunks.
// Target: >= 100 MB/s on the 837P.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "bench/support/bench_inputs.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "parsers/x12/spec/spec_catalog.hpp"

namespace clearhouse::bench {
namespace {

constexpr std::uint64_t kTargetBytes = 100ull << 20;

const x12::spec::SpecCatalog& catalog() {
  static const auto c = x12::spec::SpecCatalog::load((bench::source_dir() / "schemas" / "x12").string());
  return *c;
}

const std::string& input(X12Kind kind) {
  static std::string remit, claims;
  std::string& slot = kind == X12Kind::remittance_835 ? remit : claims;
  if (slot.empty()) slot = read_whole_file(generated_x12(kind, kTargetBytes).x12);
  return slot;
}

void validate_in_memory(benchmark::State& state, X12Kind kind) {
  const std::string& text = input(kind);
  if (!catalog().ok()) {
    state.SkipWithError(catalog().error().c_str());
    return;
  }
  std::uint64_t segments = 0, errors = 0;
  for (auto _ : state) {
    x12::MemorySource source(text);
    const auto report = x12::spec::validate_x12(source, catalog());
    segments = report.segments;
    errors = report.error_count;
    if (errors != 0 && !report.findings.empty()) std::fprintf(stderr, "%s\n", report.findings.front().message.c_str());
    benchmark::DoNotOptimize(errors);
  }
  if (errors != 0) state.SkipWithError(("generated input did not validate clean: " + std::to_string(errors)).c_str());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * segments));
  report_max_rss(state);
}

void validate_from_disk(benchmark::State& state, X12Kind kind) {
  const auto path = generated_x12(kind, kTargetBytes).x12;
  std::uint64_t bytes = 0, segments = 0;
  for (auto _ : state) {
    std::string error;
    auto source = x12::FileSource::open(path.string(), error);
    const auto report = x12::spec::validate_x12(*source, catalog());
    bytes = report.bytes;
    segments = report.segments;
    benchmark::DoNotOptimize(report.error_count);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * segments));
  report_max_rss(state);
}

BENCHMARK_CAPTURE(validate_in_memory, claim_837p, X12Kind::claim_837p)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK_CAPTURE(validate_in_memory, remittance_835, X12Kind::remittance_835)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK_CAPTURE(validate_from_disk, claim_837p, X12Kind::claim_837p)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
