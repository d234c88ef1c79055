#include "engine/cli/posting_csv.hpp"

#include "engine/ledger/posting_store.hpp"

namespace clearhouse::cli {
namespace {

constexpr const char* kColumns[] = {
    "level",          "trace_number",      "payer_id",          "claim_id",           "line_number",
    "matched",        "status_code",       "claim_status",      "reversal",           "payer_claim_control_number",
    "procedure",      "modifiers",         "service_date",      "line_control_number", "billed_cents",
    "paid_cents",     "allowed_cents",     "contractual_cents", "deductible_cents",   "coinsurance_cents",
    "copay_cents",    "other_patient_cents", "other_adjustment_cents", "payer_initiated_cents", "unclassified_cents",
    "reason_codes",   "remark_codes"};

std::string joined_modifiers(const std::vector<model::Code>& modifiers) {
  std::string out;
  for (const auto& m : modifiers) {
    if (!out.empty()) out += ':';
    out += m.view();
  }
  return out;
}

}  // namespace

void PostingCsv::header() {
  for (const char* c : kColumns) csv_.field(c);
  csv_.end_row();
}

void PostingCsv::write(const model::Remittance& r, const model::Posting& p) {
  auto buckets = [&](const model::AdjustmentTotals& a) {
    csv_.field(a.contractual.cents());
    csv_.field(a.deductible.cents());
    csv_.field(a.coinsurance.cents());
    csv_.field(a.copay.cents());
    csv_.field(a.other_patient.cents());
    csv_.field(a.other.cents());
    csv_.field(a.payer_initiated.cents());
    csv_.field(a.unclassified.cents());
  };
  const std::string status = p.claim_status ? std::string(model::to_string(*p.claim_status)) : std::string();
  csv_.field("claim");
  csv_.field(r.trace.reference);
  csv_.field(p.payer_id);
  csv_.field(p.claim_id);
  csv_.empty();
  csv_.field(p.matched ? "yes" : "no");
  csv_.field(p.status_code.view());
  csv_.field(status);
  csv_.field(p.reversal ? "yes" : "no");
  csv_.field(p.payer_claim_control_number);
  csv_.empty();
  csv_.empty();
  csv_.empty();
  csv_.empty();
  csv_.field(p.billed.cents());
  csv_.field(p.paid.cents());
  csv_.empty();
  buckets(p.adjustments);
  csv_.field(ledger::join_codes(p.reason_codes));
  csv_.field(ledger::join_codes(p.remark_codes));
  csv_.end_row();
  for (const auto& l : p.lines) {
    csv_.field("line");
    csv_.field(r.trace.reference);
    csv_.field(p.payer_id);
    csv_.field(p.claim_id);
    csv_.field(l.line_number);
    csv_.field(l.submitted_line != 0 ? "yes" : "no");
    csv_.field(p.status_code.view());
    csv_.field(status);
    csv_.field(p.reversal ? "yes" : "no");
    csv_.field(p.payer_claim_control_number);
    csv_.field(l.procedure.code);
    csv_.field(joined_modifiers(l.procedure.modifiers));
    csv_.field(l.service_date.empty() ? std::string() : l.service_date.to_iso());
    csv_.field(l.line_control_number);
    csv_.field(l.billed.cents());
    csv_.field(l.paid.cents());
    if (l.allowed) csv_.field(l.allowed->cents());
    else csv_.empty();
    buckets(l.adjustments);
    csv_.field(ledger::join_codes(l.reason_codes));
    csv_.field(ledger::join_codes(l.remark_codes));
    csv_.end_row();
  }
}

}  // namespace clearhouse::cli
