#include "engine/ack/claim_status_file_posting.hpp"

#include "generators/render/json_writer.hpp"

#include <fmt/format.h>

#include <fstream>

#include "engine/ack/claim_status_planner.hpp"
#include "engine/ledger/claim_status_reads.hpp"
#include "engine/ledger/claim_status_store.hpp"
#include "engine/validation/validation_input.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_277/claim_status_reader.hpp"

namespace clearhouse::ack {
namespace {

void note(ClaimStatusFileTotals& t, const model::Finding& f) {
  ++t.findings;
  if (f.is_error()) ++t.errors;
  if (t.listed.size() < kListedFindings) t.listed.push_back(f);
}

void add_counts(ClaimStatusFileTotals& t, const model::ClaimStatusPlan& plan) {
  t.statuses += plan.changes.size();
  t.unmatched += plan.unmatched;
  t.matched += plan.changes.size() - plan.unmatched;
  t.accepted += plan.accepted;
  t.rejected += plan.rejected;
  t.pended += plan.pended;
  t.forwarded += plan.forwarded;
  t.finalized += plan.finalized;
  t.denied += plan.denied;
  t.not_found += plan.not_found;
  t.other += plan.other;
  for (const auto& change : plan.worklist) t.worklist += worklist::counts_of(change);
}

}  // namespace

ClaimStatusFileTotals post_claim_status_source(x12::InputSource& source, ledger::Ledger& ledger,
                                               const ClaimStatusPostingOptions& options) {
  ClaimStatusFileTotals totals;
  const auto catalog = validation::default_catalog();
  if (!catalog->ok()) throw std::runtime_error("cannot load the implementation-guide specs: " + catalog->error());
  x12::Diagnostics diagnostics(source.name(), 100);
  x12::SegmentReader segments(source, diagnostics);
  x12::EnvelopeReader envelope(segments, diagnostics);
  x12_277::ClaimStatusReader reader(envelope, diagnostics, *catalog);
  auto& c = ledger.connection();
  ledger::ClaimStatusReads reads(c);
  ledger::ClaimStatusStore store(c);
  StatusPlanContext context{options.source_name, options.now, options.today, options.config};

  model::ClaimStatusReport report;
  while (reader.next(report)) {
    for (const auto& f : reader.take_file_findings()) note(totals, f);
    ++totals.sets;
    ledger::sql::Transaction tx(c);
    const auto inputs = reads.read(claim_status_query(report, *options.config));
    auto plan = plan_claim_status(report, inputs, context);
    if (plan.writes() && !store.apply(plan)) {
      // A concurrent poster of the same set committed first: nothing of ours was written.
      plan.result = model::ClaimStatusPlan::Result::already_posted;
    }
    tx.commit();
    switch (plan.result) {
      case model::ClaimStatusPlan::Result::post:
        ++totals.posted;
        add_counts(totals, plan);
        break;
      case model::ClaimStatusPlan::Result::already_posted: ++totals.already_posted; break;
      case model::ClaimStatusPlan::Result::not_posted: ++totals.not_posted; break;
    }
    for (const auto& f : plan.findings) note(totals, f);
    if (options.on_plan) options.on_plan(plan);
  }
  for (const auto& f : reader.take_file_findings()) note(totals, f);
  totals.skipped_sets = reader.skipped_transactions();
  return totals;
}

bool is_claim_status_file(const std::string& path) {
  // The first 8 KiB: a banner before the ISA, the ISA (106 bytes), GS and the first ST.
  std::ifstream in(path, std::ios::binary);
  std::string head(8192, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const auto isa = head.find("ISA");
  if (isa == std::string::npos || head.size() < isa + 106) return false;
  const char element = head[isa + 3];
  const auto st_at = head.find(std::string("ST") + element, isa + 106);
  return st_at != std::string::npos && head.compare(st_at + 3, 3, "277") == 0 &&
         (st_at + 6 >= head.size() || head[st_at + 6] == element);
}

void write_claim_status_totals_fields(render::JsonWriter& json, const ClaimStatusFileTotals& t) {
  json.key("sets").unsigned_number(t.sets);
  json.key("posted").unsigned_number(t.posted);
  json.key("already_posted").unsigned_number(t.already_posted);
  json.key("not_posted").unsigned_number(t.not_posted);
  json.key("statuses").unsigned_number(t.statuses);
  json.key("matched").unsigned_number(t.matched);
  json.key("unmatched").unsigned_number(t.unmatched);
  json.key("accepted").unsigned_number(t.accepted);
  json.key("rejected").unsigned_number(t.rejected);
  json.key("pended").unsigned_number(t.pended);
  json.key("forwarded").unsigned_number(t.forwarded);
  json.key("finalized").unsigned_number(t.finalized);
  json.key("denied").unsigned_number(t.denied);
  json.key("not_found").unsigned_number(t.not_found);
  json.key("worklist").begin_object();
  json.key("opened").unsigned_number(t.worklist.opened);
  json.key("reopened").unsigned_number(t.worklist.reopened);
  json.key("updated").unsigned_number(t.worklist.updated);
  json.key("resolved").unsigned_number(t.worklist.resolved);
  json.end_object();
  json.key("findings").unsigned_number(t.findings);
  json.key("errors").unsigned_number(t.errors);
}

}  // namespace clearhouse::ack
