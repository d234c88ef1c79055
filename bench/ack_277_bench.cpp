// Posting a 277CA (005010X214) into the ledger: claims/s for 100,000 claim statuses matched
// against their submitted claims (SQLite, a file in WAL mode), as `clearhouse ack` runs it:
// per 277 transaction set (one per 837 transaction set acknowledged, <= 5,000 claims), in one
// database transaction, the ledger's reads, the plan, its write -- statuses, history, payer
// claim numbers, and worklist items for the 10% rejected. Peak RSS stays flat: the reader
// holds one transaction set; what grows is SQLite's page cache, up to its limit (compare
// /10000/8192 with /100000/8192, each run on its own: --benchmark_filter='BM_Ack277ca/10000/8192/').
// The input is generated (deterministic, never committed) into the build directory: the
// encounters of post_bench's generator submitted once, then a 277CA answering every claim of
// every 837 written, by tests/support/claim_ack_277ca.hpp, in a child process (so its memory
// is not this process's peak).
//   ./build/bench/ack_277_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "bench/support/bench_inputs.hpp"
#include "engine/ack/claim_status_file_posting.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/session_settings.hpp"
#include "engine/util/schemas_directory.hpp"
#include "parsers/x12/input_source.hpp"
#include "tests/support/claim_ack_277ca.hpp"

namespace clearhouse::bench {
namespace {

namespace fs = std::filesystem;
constexpr int kClaims = 100'000;
constexpr int kSeed = 41;

fs::path ack_dir() { return bench_data_dir() / "ack-277"; }

// The claims of post_bench's generator, submitted into a SQLite ledger kept as a template.
fs::path submitted_ledger() {
  const fs::path dir = ack_dir();
  const fs::path base = dir / "submitted.db";
  if (fs::exists(base)) return base;
  fs::create_directories(dir);
  const auto in = generated_claims(X12Kind::claim_837p, kClaims, kSeed);
  fs::remove_all(dir / "out");
  const std::string cmd = fmt::format("'{}' submit '{}' --out '{}' --db 'sqlite:{}' >/dev/null", clearhouse_binary().string(),
                                      in.encounters.string(), (dir / "out").string(), (dir / "building.db").string());
  const int rc = std::system(cmd.c_str());
  if (rc != 0 && WEXITSTATUS(rc) != 1) throw std::runtime_error("clearhouse submit failed: " + cmd);
  fs::rename(dir / "building.db", base);
  return base;
}

// The 277CA answering the first `claims` claims of the 837s submitted: one 277 set per 837
// transaction set, 9 in 10 accepted with a payer claim number, 1 in 10 rejected (A7:33:IL,
// A7:562:85, A6:21 in turn).
fs::path generated_277ca(int claims) {
  const fs::path file = ack_dir() / fmt::format("ack-{}.277", claims);
  if (fs::exists(file)) return file;
  const pid_t pid = ::fork();
  if (pid == 0) {
    try {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(ack_dir() / "out"))
        if (e.path().extension() == ".837") files.push_back(e.path());
      std::sort(files.begin(), files.end());
      std::ofstream out(file.string() + ".tmp", std::ios::binary);
      int n = 0;
      std::uint64_t interchange = 0;
      static const char* kRejections[] = {"A7:33:IL", "A7:562:85", "A6:21"};
      for (const auto& f : files) {
        for (const auto& batch : testing::read_sent_837(f)) {
          if (n >= claims) break;
          std::vector<testing::Ack277caClaim> statuses;
          for (const auto& c : batch.claims) {
            if (n >= claims) break;
            const bool rejected = n % 10 == 9;
            statuses.push_back(testing::status_for(c, rejected ? kRejections[(n / 10) % 3] : "A2:20",
                                                   rejected ? "" : fmt::format("P{:010}", n)));
            ++n;
          }
          auto spec = testing::answer_to(batch, statuses, ++interchange);
          spec.control_number = fmt::format("{:04}", interchange % 10000);
          testing::write_277ca(out, spec);
        }
      }
      out.close();
      fs::rename(file.string() + ".tmp", file);
      ::_exit(0);
    } catch (...) {
      ::_exit(1);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("277CA generation failed");
  return file;
}

// range(1): the SQLite page cache in KiB (0: the ledger's own, 64 MiB). The page cache is the
// one thing that grows while posting, up to its limit: with 8 MiB, peak RSS is the same for
// 10,000 and 100,000 claims.
void BM_Ack277ca(benchmark::State& state) {
  const int claims = static_cast<int>(state.range(0));
  const std::int64_t cache_kib = state.range(1);
  const fs::path base = submitted_ledger();
  const fs::path file = generated_277ca(claims);
  auto load = rules::load_rules_config(util::schemas_directory());
  if (!load.config) throw std::runtime_error("rules do not load");
  ack::ClaimStatusFileTotals totals;
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path db = ack_dir() / "acking.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    fs::copy_file(base, db);
    auto ledger = ledger::open_ledger("sqlite:" + db.string());
    const ledger::RelaxedDurability relaxed(ledger->connection());
    if (cache_kib > 0) ledger::limit_page_cache(ledger->connection(), cache_kib);
    std::string error;
    auto source = x12::FileSource::open(file.string(), error);
    if (!source) throw std::runtime_error(error);
    ack::ClaimStatusPostingOptions options;
    options.source_name = file.string();
    options.now = "2024-06-01T00:00:00Z";
    options.today = {2024, 6, 1};
    options.config = &*load.config;
    state.ResumeTiming();
    totals = ack::post_claim_status_source(*source, *ledger, options);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * totals.statuses));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * fs::file_size(file)));
  state.counters["claims"] = static_cast<double>(totals.statuses);
  state.counters["matched"] = static_cast<double>(totals.matched);
  state.counters["rejected"] = static_cast<double>(totals.rejected);
  state.counters["items_opened"] = static_cast<double>(totals.worklist.opened);
  state.counters["sets"] = static_cast<double>(totals.sets);
  report_max_rss(state);
}
BENCHMARK(BM_Ack277ca)
    ->Args({10'000, 0})
    ->Args({kClaims, 0})
    ->Args({10'000, 8192})
    ->Args({kClaims, 8192})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
