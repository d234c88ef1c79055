// The rules pipeline over 1,000,000 posted claim payments held in memory (the ledger is not
// involved): every after-post rule, with the shipped configuration and code tables and a fee
// schedule, on a deterministic mix of paid, partly paid, denied, underpaid, patient-share and
// unmatched claims. Target: >= 500,000 claims/s on one core.
//   ./build/bench/rules_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <memory>
#include <stdexcept>
#include <vector>

#include "bench/support/bench_inputs.hpp"
#include "engine/model/adjustment_totals.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/util/schemas_directory.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::bench {
namespace {

constexpr std::size_t kClaims = 1'000'000;
// $CLEARHOUSE_BENCH_CLAIMS overrides the count for quick profiling runs.
std::size_t claim_count() {
  if (const char* env = std::getenv("CLEARHOUSE_BENCH_CLAIMS"); env != nullptr && *env != '\0')
    return static_cast<std::size_t>(std::stoull(env));
  return kClaims;
}

struct PostedClaim {
  model::ClaimPayment payment;
  model::Posting posting;
  ledger::ClaimRecord submitted;
};

struct Corpus {
  rules::RulesConfig config;
  rules::FeeSchedule fees;
  std::vector<PostedClaim> claims;
  std::uint64_t lines = 0;
};

model::Adjustment adjustment(model::AdjustmentGroup group, const char* code, const char* reason, std::int64_t cents) {
  model::Adjustment a;
  a.group = group;
  a.group_code = code;
  a.reason = reason;
  a.amount = model::Money::from_cents(cents);
  return a;
}

// A deterministic mix: 60% paid as contracted, 15% with patient share, 8% a denied line,
// 5% denied claims, 5% underpaid, 4% partial bundling cuts, 2% unmatched, 1% unknown codes.
const Corpus& corpus() {
  static const std::unique_ptr<Corpus> c = [] {
    auto out = std::make_unique<Corpus>();
    auto load = rules::load_rules_config(util::schemas_directory());
    if (!load.config) throw std::runtime_error("rules config does not load: " + load.errors.front());
    out->config = std::move(*load.config);
    static const char* kProcedures[] = {"99211", "99212", "99213", "99214", "99215", "36415", "80053", "85025",
                                        "93000", "97110", "97112", "97140", "71046", "73030", "20610", "11721"};
    for (std::size_t i = 0; i < std::size(kProcedures); ++i)
      out->fees.add({"PAYER1", kProcedures[i], "", static_cast<std::int64_t>(4000 + 900 * i)});
    out->claims.resize(claim_count());
    std::uint64_t state = 88172645463325252ull;
    auto next = [&state] {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      return state;
    };
    for (std::size_t n = 0; n < out->claims.size(); ++n) {
      auto& pc = out->claims[n];
      auto& claim = pc.payment;
      const unsigned mix = static_cast<unsigned>(next() % 100);
      claim.patient_control_number = "CLM" + std::to_string(n);
      claim.status_code = mix < 5 ? "4" : "1";
      claim.payer_claim_control_number = "PCN" + std::to_string(n);
      const std::size_t line_count = 1 + next() % 3;
      claim.lines.resize(line_count);
      pc.submitted.claim_id = claim.patient_control_number;
      pc.submitted.payer_id = "PAYER1";
      for (std::size_t l = 0; l < line_count; ++l) {
        auto& line = claim.lines[l];
        const std::size_t p = next() % std::size(kProcedures);
        line.procedure.qualifier = "HC";
        line.procedure.code = kProcedures[p];
        const std::int64_t allowed = 4000 + 900 * static_cast<std::int64_t>(p);
        const std::int64_t billed = allowed + 2500;
        line.billed = model::Money::from_cents(billed);
        line.line_control_number = claim.patient_control_number + "-" + std::to_string(l + 1);
        if (mix < 5) {  // denied claim
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", l == 0 ? "197" : "16", billed));
        } else if (mix < 13 && l == line_count - 1) {  // denied line
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "97", billed));
        } else if (mix < 18) {  // underpaid
          line.paid = model::Money::from_cents(allowed - 1500);
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "45", billed - allowed + 1500));
        } else if (mix < 22) {  // partial bundling cut
          line.paid = model::Money::from_cents(allowed - 1000);
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "45", billed - allowed));
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "59", 1000));
        } else if (mix < 37) {  // patient share
          line.paid = model::Money::from_cents(allowed - 2000);
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "45", billed - allowed));
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::patient, "PR", "2", 2000));
        } else if (mix < 38) {  // unknown code
          line.paid = model::Money::from_cents(allowed);
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "Z9", billed - allowed));
        } else {
          line.paid = model::Money::from_cents(allowed);
          line.adjustments.push_back(adjustment(model::AdjustmentGroup::contractual, "CO", "45", billed - allowed));
        }
        claim.billed += line.billed;
        claim.paid += line.paid;
        ledger::LineRecord sent;
        sent.line_number = static_cast<std::int64_t>(l + 1);
        sent.line_control_number = line.line_control_number;
        sent.procedure_code = line.procedure.code;
        sent.charge_cents = billed;
        pc.submitted.lines.push_back(std::move(sent));
        ++out->lines;
      }
      pc.submitted.billed_cents = claim.billed.cents();
      auto& post = pc.posting;
      post.id = static_cast<std::int64_t>(n + 1);
      post.claim_id = claim.patient_control_number;
      post.payer_id = "PAYER1";
      post.status_code = claim.status_code;
      post.matched = !(mix >= 98);
      post.billed = claim.billed;
      post.paid = claim.paid;
      post.lines.resize(line_count);
      for (std::size_t l = 0; l < line_count; ++l) {
        auto& lp = post.lines[l];
        lp.line_number = static_cast<int>(l + 1);
        lp.submitted_line = post.matched ? static_cast<int>(l + 1) : 0;
        lp.billed = claim.lines[l].billed;
        lp.paid = claim.lines[l].paid;
        for (const auto& a : claim.lines[l].adjustments) {
          lp.adjustments.add(a);
          post.adjustments.add(a);
        }
      }
    }
    return out;
  }();
  return *c;
}

void rules_after_post(benchmark::State& state) {
  const Corpus& c = corpus();
  const rules::Pipeline pipeline(c.config);
  const rules::RuleEnvironment env{c.config, &c.fees, model::Date{2024, 6, 1}};
  std::vector<model::Finding> findings;
  findings.reserve(1024);
  std::uint64_t total_findings = 0;
  for (auto _ : state) {
    total_findings = 0;
    for (const auto& pc : c.claims) {
      rules::ClaimContext ctx;
      ctx.payment = &pc.payment;
      ctx.posting = &pc.posting;
      ctx.submitted = pc.posting.matched ? &pc.submitted : nullptr;
      ctx.history = std::span<const model::Posting>(&pc.posting, 1);
      ctx.payer_id = "PAYER1";
      ctx.trace_number = "TRACE";
      ctx.remittance_date = model::Date{2024, 5, 1};
      pipeline.after_post(ctx, env, findings);
      total_findings += findings.size();
      findings.clear();
    }
    benchmark::DoNotOptimize(total_findings);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * c.claims.size()));
  state.counters["claims"] = static_cast<double>(c.claims.size());
  state.counters["lines"] = static_cast<double>(c.lines);
  state.counters["findings"] = static_cast<double>(total_findings);
  report_max_rss(state);
}
BENCHMARK(rules_after_post)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
