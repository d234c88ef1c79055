#include "engine/reconcile/remittance_file_posting.hpp"

#include <fmt/format.h>

#include "engine/reconcile/remittance_read_ahead.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::reconcile {

RemittanceFileTotals post_remittance_file(x12::InputSource& source, const std::string& name, RemittancePoster& poster,
                                          const RemittanceFileCallbacks& callbacks) {
  RemittanceReadAhead ahead(source, name);
  RemittanceFileTotals totals;
  auto report = [&](const std::vector<model::Finding>& findings) {
    for (const auto& f : findings) {
      if (callbacks.finding) callbacks.finding(f);
      ++totals.findings;
      if (f.is_error()) totals.rejected = true;
    }
  };
  while (auto* item = ahead.next()) {
    const model::Remittance& remittance = item->remittance;
    ++totals.remittances;
    totals.claims += remittance.claims.size();
    report(item->file_findings);
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
    if (callbacks.progress) callbacks.progress(item->bytes_consumed, totals.claims);
  }
  report(ahead.file_findings());
  if (ahead.fatal()) totals.rejected = true;
  if (totals.remittances == 0 && ahead.skipped_transactions() == 0 && !ahead.fatal()) {
    totals.problems.push_back(fmt::format("{} holds no 835 transaction set", name));
    totals.rejected = true;
  } else if (totals.remittances == 0 && ahead.skipped_transactions() > 0) {
    totals.problems.push_back(fmt::format("{} holds no 835 transaction set ({} of other types)", name,
                                          ahead.skipped_transactions()));
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
