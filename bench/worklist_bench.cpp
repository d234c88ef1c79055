// The worklist over a large ledger: 1,000,000 submitted claims (one line each) and 100,000
// active worklist items (plus 20,000 resolved ones), each with a finding and an event, built
// once with bulk SQL into build/bench-data/worklist_1m.db. Measures
//   (a) the list query + JSON rendering in process (what GET /v1/worklist does), and
//   (b) the CLI end to end: `clearhouse worklist --format json --db sqlite:... > /dev/null`,
//       wall time including process start, ledger open and config load. Target: < 2 s.
//   ./build/bench/worklist_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "bench/support/bench_inputs.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/worklist_format.hpp"
#include "engine/worklist/worklist_query.hpp"
#include "engine/util/schemas_directory.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::bench {
namespace {

constexpr int kClaims = 1'000'000;

// Categories and their actions as the shipped rules.json has them, cycled over the items.
constexpr const char* kCategories[][3] = {
    {"missing_information", "correct_resubmit", "16"}, {"authorization", "obtain_auth", "197"},
    {"eligibility", "verify_eligibility", "27"},       {"timely_filing", "appeal", "29"},
    {"medical_necessity", "appeal", "50"},             {"coding", "correct_coding", "97"},
    {"duplicate", "check_duplicate", "18"},            {"non_covered", "review", "96"},
    {"coordination_of_benefits", "bill_other_payer", "22"}, {"underpayment", "appeal", "45"},
};

std::string category_case(int column) {
  std::string sql = "CASE (n / 10) % 10";
  for (int i = 0; i < 10; ++i) sql += " WHEN " + std::to_string(i) + " THEN '" + kCategories[i][column] + "'";
  return sql + " END";
}

std::filesystem::path ledger_path() {
  const auto path = bench_data_dir() / "worklist_1m.db";
  if (std::filesystem::exists(path)) return path;
  std::filesystem::create_directories(path.parent_path());
  const auto building = path.string() + ".building";
  std::filesystem::remove(building);
  {
    auto ledger = ledger::open_ledger("sqlite:" + building);
    auto& c = ledger->connection();
    c.execute("PRAGMA synchronous=OFF");
    ledger::sql::Transaction tx(c);
    c.execute(
        "INSERT INTO batches (file_name, sha256, bytes, sender_id, receiver_id, interchange_control_number, "
        "group_control_number, first_transaction_number, last_transaction_number, transaction_count, claim_count, "
        "line_count, billed_cents, created_at) VALUES ('bench.837', '0', 0, 'SENDER', 'RECEIVER', 1, 1, 1, 1000, "
        "1000, 1000000, 1000000, 0, '2024-01-01T00:00:00Z')");
    const std::string seq = "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " +
                            std::to_string(kClaims) + ") ";
    const std::string payer = "CASE n % 4 WHEN 0 THEN '60054' WHEN 1 THEN '00590' WHEN 2 THEN '15202' ELSE '77027' END";
    c.execute(seq +
              "INSERT INTO claims (batch_id, batch_sequence, claim_id, payer_id, payer_name, billing_npi, frequency_code, "
              "original_claim_number, billed_cents, line_count, service_date_from, service_date_to, "
              "transaction_control_number, status, submitted_at) "
              "SELECT 1, n, printf('CLM%07d', n), " + payer + ", 'PAYER', '1234567893', '1', NULL, 10000 + (n * 37) % 90000, 1, "
              "date('2024-01-01', '+' || (n % 150) || ' days'), date('2024-01-01', '+' || (n % 150) || ' days'), "
              "printf('%09d', n / 1000), CASE WHEN n % 10 = 0 THEN 'denied' ELSE 'paid' END, "
              "date('2024-01-02', '+' || (n % 150) || ' days') || 'T00:00:00Z' FROM seq");
    c.execute(seq +
              "INSERT INTO service_lines (claim_row, line_number, line_control_number, procedure_code, modifiers, "
              "charge_cents, units, unit_code, service_date) "
              "SELECT n, 1, printf('CLM%07d-1', n), '99213', '', 10000 + (n * 37) % 90000, '1', 'UN', "
              "date('2024-01-01', '+' || (n % 150) || ' days') FROM seq");
    // Every 10th claim has an active item (a tenth of those in progress); every 50th (offset 5)
    // a resolved one.
    c.execute(seq +
              "INSERT INTO worklist_items (payer_id, claim_id, category, rules, carc, rarc, amount_cents, action, status, "
              "owner, reference_date, trace_number, opened_at, updated_at, resolved_at, resolved_by, resolution_note) "
              "SELECT " + payer + ", printf('CLM%07d', n), " + category_case(0) + ", 'denial.claim', " + category_case(2) +
              ", CASE WHEN n % 20 = 0 THEN 'N290' ELSE '' END, 10000 + (n * 37) % 90000, " + category_case(1) +
              ", CASE WHEN n % 100 = 0 THEN 'in_progress' WHEN n % 10 = 0 THEN 'open' ELSE 'resolved' END, "
              "CASE WHEN n % 100 = 0 THEN 'lee' ELSE '' END, date('2024-01-20', '+' || (n % 150) || ' days'), "
              "printf('TRN%06d', n / 500), '2024-06-01T00:00:00Z', '2024-06-01T00:00:00Z', "
              "CASE WHEN n % 10 = 0 THEN NULL ELSE '2024-06-02T00:00:00Z' END, "
              "CASE WHEN n % 10 = 0 THEN NULL ELSE 'clearhouse' END, "
              "CASE WHEN n % 10 = 0 THEN NULL ELSE 'paid in full' END "
              "FROM seq WHERE n % 10 = 0 OR n % 50 = 5");
    c.execute(
        "INSERT INTO worklist_findings (item_id, posting_id, source, rule, category, line_number, carc, rarc, "
        "amount_cents, message, action, is_open, created_at, closed_at) "
        "SELECT id, id, 'posting', 'denial.claim', category, 0, carc, rarc, amount_cents, 'Claim denied.', action, "
        "CASE WHEN status IN ('open', 'in_progress') THEN 1 ELSE 0 END, opened_at, resolved_at FROM worklist_items");
    c.execute(
        "INSERT INTO worklist_events (item_id, at, actor, event, posting_id, amount_cents, note) "
        "SELECT id, opened_at, 'clearhouse', 'opened', id, amount_cents, '1 finding(s): denial.claim' FROM worklist_items");
    tx.commit();
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  std::filesystem::rename(building, path);
  for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(building + suffix);
  return path;
}

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = [] {
    auto load = rules::load_rules_config(util::schemas_directory());
    if (!load.config) throw std::runtime_error("rules config does not load");
    return std::move(*load.config);
  }();
  return c;
}

void worklist_query_json(benchmark::State& state) {
  const auto path = ledger_path();
  auto ledger = ledger::open_ledger("sqlite:" + path.string());
  std::size_t items = 0, bytes = 0;
  for (auto _ : state) {
    const auto page = worklist::query_worklist(ledger->connection(), worklist::WorklistQuery{}, config(),
                                               model::Date{2024, 9, 1});
    render::JsonWriter json;
    worklist::write_worklist_json(page, config(), json);
    items = page.rows.size();
    bytes = json.text().size();
    benchmark::DoNotOptimize(json.text().data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["items"] = static_cast<double>(items);
  state.counters["json_mb"] = static_cast<double>(bytes) / (1 << 20);
  report_max_rss(state);
}
BENCHMARK(worklist_query_json)->Unit(benchmark::kMillisecond)->Iterations(3);

void cli_worklist_json(benchmark::State& state) {
  const auto path = ledger_path();
  const std::string command = bench::clearhouse_binary().string() + " worklist --format json --as-of 2024-09-01 --db sqlite:" +
                              path.string() + " > /dev/null";
  for (auto _ : state)
    if (std::system(command.c_str()) != 0) state.SkipWithError("clearhouse worklist failed");
  state.counters["claims"] = kClaims;
  state.SetLabel(command);
}
BENCHMARK(cli_worklist_json)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
