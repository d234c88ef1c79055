#include "engine/reconcile/remittance_file_posting.hpp"

#include <fmt/format.h>

#include "engine/reconcile/remittance_parts_ahead.hpp"
#include "engine/reconcile/remittance_read_ahead.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::reconcile {

RemittanceFilePosting::RemittanceFilePosting(ledger::Ledger& ledger, x12::InputSource& source,
                                             FilePostingOptions options)
    : options_(std::move(options)),
      poster_(ledger, options_.source_name, options_.review,
              options_.dry_run ? RemittancePoster::Transactions::callers : RemittancePoster::Transactions::own,
              options_.now),
      ahead_(options_.jobs >= 2 && !source.may_wait()
                 ? std::unique_ptr<RemittanceSets>(
                       std::make_unique<RemittancePartsAhead>(source, options_.source_name, options_.jobs))
                 : std::make_unique<RemittanceReadAhead>(source, options_.source_name)) {
  if (options_.dry_run) dry_run_.emplace(ledger.connection());
}

// The read-ahead stops first (its thread may be reading), then a dry run's transaction rolls back.
RemittanceFilePosting::~RemittanceFilePosting() { ahead_.reset(); }

const x12::PartsRead* RemittanceFilePosting::parts_read() const {
  const auto* parts = dynamic_cast<const RemittancePartsAhead*>(ahead_.get());
  return parts != nullptr && finished_ ? &parts->parts_read() : nullptr;
}

void RemittanceFilePosting::count(const std::vector<model::Finding>& findings) {
  for (const auto& f : findings) {
    ++totals_.findings;
    if (f.is_error()) totals_.rejected = true;
  }
}

const SetOutcome* RemittanceFilePosting::next() {
  if (finished_) return nullptr;
  auto* item = ahead_->next();
  if (item == nullptr) {
    finish();
    return nullptr;
  }
  const model::Remittance& remittance = item->remittance;
  current_.remittance = &remittance;
  current_.file_findings = std::move(item->file_findings);
  current_.bytes_consumed = item->bytes_consumed;
  ++totals_.remittances;
  totals_.claims += remittance.claims.size();
  count(current_.file_findings);
  current_.outcome = poster_.post(remittance);
  const auto& outcome = current_.outcome;
  switch (outcome.result) {
    case RemittanceOutcome::Result::posted: break;
    case RemittanceOutcome::Result::already_posted: ++totals_.already_posted; break;
    case RemittanceOutcome::Result::not_posted:
      ++totals_.not_posted;
      totals_.rejected = true;
      break;
  }
  totals_.posted += outcome.posted;
  totals_.matched += outcome.matched;
  totals_.unmatched += outcome.unmatched;
  totals_.unbalanced += outcome.unbalanced;
  totals_.paid += outcome.paid.cents();
  totals_.patient_resp += outcome.patient_responsibility.cents();
  totals_.adjustments += outcome.adjustments.cents();
  totals_.provider_adjustments += outcome.provider_adjustments.cents();
  totals_.rule_findings += outcome.rule_findings.size();
  totals_.worklist += outcome.worklist;
  count(outcome.findings);
  return &current_;
}

void RemittanceFilePosting::finish() {
  finished_ = true;
  final_findings_ = std::move(ahead_->file_findings());
  count(final_findings_);
  if (ahead_->fatal()) totals_.rejected = true;
  const auto& name = options_.source_name;
  if (totals_.remittances == 0 && ahead_->skipped_transactions() == 0 && !ahead_->fatal()) {
    totals_.problems.push_back(fmt::format("{} holds no 835 transaction set", name));
    totals_.rejected = true;
  } else if (totals_.remittances == 0 && ahead_->skipped_transactions() > 0) {
    totals_.problems.push_back(
        fmt::format("{} holds no 835 transaction set ({} of other types)", name, ahead_->skipped_transactions()));
    totals_.rejected = true;
  }
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

void write_remittance_worklist_field(render::JsonWriter& json, const RemittanceFileTotals& t) {
  json.key("worklist").begin_object();
  json.key("rule_findings").unsigned_number(t.rule_findings);
  json.key("opened").unsigned_number(t.worklist.opened);
  json.key("reopened").unsigned_number(t.worklist.reopened);
  json.key("updated").unsigned_number(t.worklist.updated);
  json.key("resolved").unsigned_number(t.worklist.resolved);
  json.end_object();
}

}  // namespace clearhouse::reconcile
