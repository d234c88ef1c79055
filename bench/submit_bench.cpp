// Encounters -> 837P files: the whole `clearhouse submit` pipeline (JSON Lines reader, claim
// edits, 837P writer, files, and optionally the SQLite ledger) on 100,000 generated encounters,
// one in ten with a drug line (2410); the *OtherCoverage runs have, in addition, one encounter
// in four with a second payer (2320/2330A/2330B), the mix practices send.
// items/s = claims written; bytes/s = 837P bytes written. Inputs are generated into the build
// directory by ../shared/tools/gen_x12.py on first use.
//
//   ./build/bench/submit_bench --benchmark_counters_tabular=true
//
// CLEARHOUSE_SUBMIT_BENCH_ENCOUNTERS=N runs on N encounters instead, e.g. 10000 under callgrind,
// whose instruction counts compare versions independently of the machine's load (3 runs each):
//   CLEARHOUSE_SUBMIT_BENCH_ENCOUNTERS=10000 valgrind --tool=callgrind
//     --toggle-collect='clearhouse::submit::run_submit*' ./build/bench/submit_bench --benchmark_filter=Without
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "bench/support/bench_inputs.hpp"
#include "bench/support/encounter_mixes.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/submit/submit_run.hpp"
#include "parsers/encounter/encounter_reader.hpp"

namespace clearhouse::bench {
namespace {

namespace fs = std::filesystem;

std::uint64_t encounter_count() {
  static const std::uint64_t n = [] {
    const char* env = std::getenv("CLEARHOUSE_SUBMIT_BENCH_ENCOUNTERS");
    const std::uint64_t v = env != nullptr ? std::strtoull(env, nullptr, 10) : 0;
    return v > 0 ? v : 100'000;
  }();
  return n;
}

submit::SubmitOptions options(const fs::path& encounters, const fs::path& out) {
  submit::SubmitOptions o;
  o.input = encounters.string();
  o.out_dir = out;
  o.line_breaks = false;
  return o;
}

fs::path drug_mix() { return with_drug_lines(generated_claims(X12Kind::claim_837p, encounter_count()).encounters); }
fs::path other_coverage_mix() { return with_other_coverage(drug_mix()); }

void run(benchmark::State& state, bool with_ledger, const fs::path& input) {
  const fs::path work = bench_data_dir() / (with_ledger ? "submit-ledger" : "submit-no-ledger");
  std::uint64_t claims = 0, bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove_all(work);
    fs::create_directories(work);
    state.ResumeTiming();
    submit::SubmitReport report;
    if (with_ledger) {
      auto ledger = ledger::open_ledger("sqlite:" + (work / "ledger.db").string());
      submit::LedgerSubmission recorder(*ledger);
      report = submit::run_submit(options(input, work / "out"), recorder);
    } else {
      submit::UnrecordedSubmission recorder;
      report = submit::run_submit(options(input, work / "out"), recorder);
    }
    if (report.claims != encounter_count()) state.SkipWithError("not every encounter became a claim");
    claims += report.claims;
    bytes += report.bytes;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(claims));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["input_MB"] = static_cast<double>(fs::file_size(input)) / 1e6;
  report_max_rss(state);
}

// The first stage alone: JSON Lines -> typed encounters (for finding where the time goes).
void read_encounters(benchmark::State& state, const fs::path& input) {
  std::uint64_t n = 0;
  for (auto _ : state) {
    std::string error;
    auto reader = encounter::EncounterReader::open(input.string(), error);
    while (reader->next()) ++n;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
  state.SetBytesProcessed(static_cast<std::int64_t>(fs::file_size(input) * state.iterations()));
}

void BM_ReadEncounters(benchmark::State& state) { read_encounters(state, drug_mix()); }
void BM_ReadEncountersOtherCoverage(benchmark::State& state) { read_encounters(state, other_coverage_mix()); }
void BM_SubmitWithoutLedger(benchmark::State& state) { run(state, false, drug_mix()); }
void BM_SubmitWithoutLedgerOtherCoverage(benchmark::State& state) { run(state, false, other_coverage_mix()); }
void BM_SubmitWithSqliteLedger(benchmark::State& state) { run(state, true, drug_mix()); }
void BM_SubmitWithSqliteLedgerOtherCoverage(benchmark::State& state) { run(state, true, other_coverage_mix()); }

BENCHMARK(BM_ReadEncounters)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReadEncountersOtherCoverage)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SubmitWithoutLedger)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_SubmitWithoutLedgerOtherCoverage)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_SubmitWithSqliteLedger)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_SubmitWithSqliteLedgerOtherCoverage)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
