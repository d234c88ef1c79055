#include "engine/reconcile/remittance_file_posting.hpp"

#include <fmt/format.h>

#include "generators/render/json_writer.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_835/remittance_reader.hpp"

namespace clearhouse::reconcile {

RemittanceFileTotals post_remittance_file(x12::InputSource& source, const std::string& name, RemittancePoster& poster,
                                          const RemittanceFileCallbacks& callbacks) {
  x12::Diagnostics diagnostics(name);
  x12::SegmentReader segments(source, diagnostics);
  x12::EnvelopeReader envelope(segments, diagnostics);
  x12_835::RemittanceReader reader(envelope, diagnostics);

  RemittanceFileTotals totals;
  auto report = [&](const std::vector<model::Finding>& findings) {
    for (const auto& f : findings) {
      if (callbacks.finding) callbacks.finding(f);
      ++totals.findings;
      if (f.is_error()) totals.rejected = true;
    }
  };
  model::Remittance remittance;
  while (reader.next(remittance)) {
    ++totals.remittances;
    totals.claims += remittance.claims.size();
    report(reader.take_file_findings());
    const auto outcome = poster.post(remittance);
    switch (outcome.result) {
      case RemittanceOutcome::Result::posted: break;
      case RemittanceOutcome::Result::already_posted: ++totals.already_posted; break;
      case RemittanceOutcome::Result::not_posted:
        ++totals.not_posted;
        totals.rejected = true;
        break;
    }
    totals.posted += outcome.posted;
    totals.matched += outcome.matched;
    totals.unmatched += outcome.unmatched;
    totals.unbalanced += outcome.unbalanced;
    totals.paid += outcome.paid.cents();
    totals.patient_resp += outcome.patient_responsibility.cents();
    totals.adjustments += outcome.adjustments.cents();
    totals.provider_adjustments += outcome.provider_adjustments.cents();
    report(outcome.findings);
    if (callbacks.outcome) callbacks.outcome(remittance, outcome);
    if (callbacks.progress) callbacks.progress(segments.bytes_consumed(), totals.claims);
  }
  report(reader.take_file_findings());
  if (diagnostics.has_fatal()) totals.rejected = true;
  if (totals.remittances == 0 && reader.skipped_transactions() == 0 && !diagnostics.has_fatal()) {
    totals.problems.push_back(fmt::format("{} holds no 835 transaction set", name));
    totals.rejected = true;
  } else if (totals.remittances == 0 && reader.skipped_transactions() > 0) {
    totals.problems.push_back(fmt::format("{} holds no 835 transaction set ({} of other types)", name,
                                          reader.skipped_transactions()));
    totals.rejected = true;
  }
  return totals;
}

void write_remittance_totals_fields(render::JsonWriter& json, const RemittanceFileTotals& t) {
  json.key("remittances").unsigned_number(t.remittances);
  json.key("claims").unsigned_number(t.claims);
  json.key("posted").unsigned_number(t.posted);
  json.key("matched").unsigned_number(t.matched);
  json.key("unmatched").unsigned_number(t.unmatched);
  json.key("unbalanced").unsigned_number(t.unbalanced);
  json.key("already_posted").unsigned_number(t.already_posted);
  json.key("paid_cents").number(t.paid);
  json.key("patient_resp_cents").number(t.patient_resp);
  json.key("adjustment_cents").number(t.adjustments);
  json.key("provider_adjustment_cents").number(t.provider_adjustments);
  json.key("findings").unsigned_number(t.findings);
}

}  // namespace clearhouse::reconcile
