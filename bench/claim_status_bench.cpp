// 277CA -> typed ClaimStatusReport: bytes/s and claims/s of the 277 reader on one core, over a
// synthetic 100,000-claim claim acknowledgment (20 transaction sets of 5,000 claims, one in
// ten rejected with two STCs and a service line) built in memory here.
//   ./build/bench/claim_status_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <stdexcept>
#include <string>

#include "bench/support/bench_inputs.hpp"
#include "engine/model/claim_status_report.hpp"
#include "engine/util/schemas_directory.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12/spec/spec_catalog.hpp"
#include "parsers/x12_277/claim_status_reader.hpp"

namespace clearhouse::bench {
namespace {

constexpr int kClaims = 100'000;
constexpr int kClaimsPerSet = 5'000;
constexpr int kClaimsPerProvider = 250;

std::string acknowledgment() {
  std::string out;
  out.reserve(static_cast<std::size_t>(kClaims) * 190);
  out += "ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*CLEARHOUSE     *240605*0900*^*00501*000000001*0*P*:~";
  out += "GS*HN*ACMEHEALTH*CLEARHOUSE*20240605*0900*1*X*005010X214~";
  int claim = 0, sets = 0;
  while (claim < kClaims) {
    ++sets;
    int segments = 0;
    auto seg = [&](const std::string& s) {
      out += s;
      out += '~';
      ++segments;
    };
    seg(fmt::format("ST*277*{:04}*005010X214", sets));
    seg("BHT*0085*08*ACK240605*20240605*0900*TH");
    seg("HL*1**20*1");
    seg("NM1*PR*2*ACME HEALTH PLAN*****PI*60054");
    seg("TRN*1*RCPT0001");
    seg("DTP*050*D8*20240604");
    seg("DTP*009*D8*20240605");
    seg("HL*2*1*21*1");
    seg("NM1*41*2*NORTHWIND BILLING*****46*SUB0001");
    seg(fmt::format("TRN*2*BATCH{:04}", sets));
    seg("STC*A1:19:PR*20240605*WQ*1250000");
    int hl = 2, provider_hl = 0;
    for (int in_set = 0; in_set < kClaimsPerSet && claim < kClaims; ++in_set, ++claim) {
      if (in_set % kClaimsPerProvider == 0) {
        provider_hl = ++hl;
        seg(fmt::format("HL*{}*2*19*1", provider_hl));
        seg(fmt::format("NM1*85*2*CLINIC {}*****XX*{:010}", provider_hl, 1000000000 + provider_hl));
        seg("TRN*1*0");
        seg("QTY*QA*240");
        seg("AMT*YU*30000");
      }
      ++hl;
      seg(fmt::format("HL*{}*{}*PT", hl, provider_hl));
      seg(fmt::format("NM1*QC*1*PATIENT*P{}****MI*W{:08}", claim % 97, claim));
      seg(fmt::format("TRN*2*PCN{:08}", claim));
      const bool rejected = claim % 10 == 9;
      if (rejected) {
        seg(fmt::format("STC*A7:562:85*20240605*U*{}.{:02}", 100 + claim % 400, claim % 100));
        seg(fmt::format("STC*A7:21*20240605*U*{}.{:02}", 100 + claim % 400, claim % 100));
      } else {
        seg(fmt::format("STC*A2:20*20240605*WQ*{}.{:02}", 100 + claim % 400, claim % 100));
        seg(fmt::format("REF*1K*24157{:08}", claim));
      }
      seg("DTP*472*D8*20240601");
      if (rejected) {
        seg("SVC*HC:99213*150*****1");
        seg("STC*A7:454*20240605*U");
        seg(fmt::format("REF*FJ*L{:08}", claim));
        seg("DTP*472*D8*20240601");
      }
    }
    out += fmt::format("SE*{}*{:04}~", segments + 1, sets);
  }
  out += fmt::format("GE*{}*1~IEA*1*000000001~", sets);
  return out;
}

const std::string& input() {
  static const std::string text = acknowledgment();
  return text;
}

void BM_ClaimAcknowledgmentFromMemory(benchmark::State& state) {
  const std::string& text = input();
  const auto catalog = x12::spec::SpecCatalog::load(util::schemas_directory() + "/x12");
  if (!catalog->ok()) throw std::runtime_error(catalog->error());
  std::uint64_t claims = 0, statuses = 0;
  for (auto _ : state) {
    x12::MemorySource source(text);
    x12::Diagnostics diagnostics(source.name());
    x12::SegmentReader segments(source, diagnostics);
    x12::EnvelopeReader envelope(segments, diagnostics);
    x12_277::ClaimStatusReader reader(envelope, diagnostics, *catalog);
    model::ClaimStatusReport report;
    claims = statuses = 0;
    while (reader.next(report)) {
      if (!report.complete || !report.findings.empty()) throw std::runtime_error("benchmark input did not read cleanly");
      claims += report.claims.size();
      for (const auto& c : report.claims) statuses += c.statuses.size();
    }
    if (diagnostics.has_errors()) throw std::runtime_error("benchmark input has envelope errors");
    benchmark::DoNotOptimize(claims);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * claims));
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["statuses"] = static_cast<double>(statuses);
  state.counters["input_mb"] = static_cast<double>(text.size()) / (1 << 20);
  report_max_rss(state);
}
BENCHMARK(BM_ClaimAcknowledgmentFromMemory)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace clearhouse::bench

BENCHMARK_MAIN();
