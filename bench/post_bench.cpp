// Posting 835 claim payments into the ledger: claims/s for ~100,000 generated claim payments
// matched against their submitted claims, into SQLite (a file, WAL) and into PostgreSQL (a
// real server started for the run). Posting only, through reconcile::RemittanceFilePosting as
// `clearhouse post` runs it (reading one set ahead; per 835 transaction set, in one database
// transaction: the ledger's reads, the plan, its write), without the rules pipeline and the
// worklist, which are measured by their own benchmarks.
// Inputs are generated into the build directory and submitted once.
//   ./build/bench/post_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>

#include "bench/support/bench_inputs.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/session_settings.hpp"
#include "engine/reconcile/remittance_file_posting.hpp"
#include "parsers/x12/input_source.hpp"
#include "tests/support/postgres_server.hpp"

namespace clearhouse::bench {
namespace {

namespace fs = std::filesystem;
constexpr int kClaims = 100'000;
constexpr int kSeed = 41;

// The 835 and its encounters from gen_x12.py (the same claims on both sides).
struct PostInput {
  fs::path remittance, encounters;
};

PostInput post_input() {
  const fs::path dir = bench_data_dir();
  PostInput in{dir / fmt::format("post-{}-s{}.835", kClaims, kSeed), dir / fmt::format("post-{}-s{}.jsonl", kClaims, kSeed)};
  if (fs::exists(in.remittance) && fs::exists(in.encounters)) return in;
  const fs::path tool = bench::source_dir().parent_path() / "shared" / "tools" / "gen_x12.py";
  const std::string cmd = fmt::format("python3 '{}' --type 835 --claims {} --seed {} -o '{}.tmp' --encounters-json '{}' 2>/dev/null",
                                      tool.string(), kClaims, kSeed, in.remittance.string(), in.encounters.string());
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("gen_x12.py failed");
  fs::rename(in.remittance.string() + ".tmp", in.remittance);
  return in;
}

fs::path clearhouse_binary() { return bench_data_dir().parent_path() / "engine" / "clearhouse"; }

// Submits the encounters into the ledger at url (what the remittance will be matched against).
void submit(const PostInput& in, const std::string& url, const fs::path& out_dir) {
  const std::string cmd = fmt::format("'{}' submit '{}' --out '{}' --db '{}' >/dev/null", clearhouse_binary().string(),
                                      in.encounters.string(), out_dir.string(), url);
  const int rc = std::system(cmd.c_str());
  if (rc != 0 && WEXITSTATUS(rc) != 1) throw std::runtime_error("clearhouse submit failed: " + cmd);
}

struct PostCounts {
  std::uint64_t claims = 0, matched = 0, remittances = 0;
};

// What `clearhouse post` does, minus the rules pipeline: read (one set ahead), post each set.
PostCounts post_file(ledger::Ledger& ledger, const fs::path& file) {
  std::string error;
  auto source = x12::FileSource::open(file.string(), error);
  if (!source) throw std::runtime_error(error);
  const ledger::RelaxedDurability relaxed(ledger.connection());  // as `clearhouse post` runs it
  PostCounts counts;
  reconcile::RemittanceFilePosting posting(ledger, *source, {file.string(), nullptr, false, {}});
  while (const auto* set = posting.next()) {
    counts.claims += set->outcome.written;
    counts.matched += set->outcome.posted;
    ++counts.remittances;
  }
  return counts;
}

void report(benchmark::State& state, const PostCounts& counts, const fs::path& file) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * counts.claims));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * fs::file_size(file)));
  state.counters["claims"] = static_cast<double>(counts.claims);
  state.counters["matched"] = static_cast<double>(counts.matched);
  report_max_rss(state);
}

void BM_PostIntoSqlite(benchmark::State& state) {
  const auto in = post_input();
  const fs::path dir = bench_data_dir() / "post-sqlite";
  const fs::path base = dir / "submitted.db";
  if (!fs::exists(base)) {
    fs::create_directories(dir);
    submit(in, "sqlite:" + (dir / "building.db").string(), dir / "out");
    fs::rename(dir / "building.db", base);
  }
  PostCounts counts;
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path db = dir / "posting.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    fs::copy_file(base, db);
    auto ledger = ledger::open_ledger("sqlite:" + db.string());
    ledger->connection().execute("PRAGMA wal_autocheckpoint=16384");
    state.ResumeTiming();
    counts = post_file(*ledger, in.remittance);
  }
  report(state, counts, in.remittance);
}
BENCHMARK(BM_PostIntoSqlite)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_PostIntoPostgres(benchmark::State& state) {
  const auto in = post_input();
  auto& server = testing::PostgresServer::instance();
  PostCounts counts;
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string database = fmt::format("post_bench_{}", round++);
    const std::string url = server.create_database(database);
    const fs::path out = bench_data_dir() / fmt::format("post-postgres-out-{}", round);
    fs::remove_all(out);  // a fresh directory: an earlier run's batches must not stand in for this one's
    submit(in, url, out);
    // Remittances arrive days after their claims were submitted: by then autovacuum has been
    // through the new claims and the submission's pages are on disk. Settled here, untimed, so
    // that neither lands inside the posting measured.
    server.psql(database, "VACUUM ANALYZE");
    server.psql(database, "CHECKPOINT");
    auto ledger = ledger::open_ledger(url);
    state.ResumeTiming();
    counts = post_file(*ledger, in.remittance);
  }
  report(state, counts, in.remittance);
}
// Real time: most of the work happens in the server process, which the client's CPU time misses.
BENCHMARK(BM_PostIntoPostgres)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
