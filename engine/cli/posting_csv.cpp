#include "engine/cli/posting_csv.hpp"

#include <fmt/format.h>

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

PostingCsv::PostingCsv(std::FILE* out) : out_(out) {}
PostingCsv::~PostingCsv() { flush(); }

void PostingCsv::field(std::string_view value) {
  if (!first_in_row_) buffer_.push_back(',');
  first_in_row_ = false;
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    buffer_.append(value);
    return;
  }
  buffer_.push_back('"');
  for (char c : value) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
}

void PostingCsv::field(std::int64_t value) { field(std::string_view(fmt::format("{}", value))); }

void PostingCsv::end_row() {
  buffer_.push_back('\n');
  first_in_row_ = true;
  if (buffer_.size() > (1 << 16)) flush();
}

void PostingCsv::flush() {
  if (buffer_.empty()) return;
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  buffer_.clear();
}

void PostingCsv::header() {
  for (const char* c : kColumns) field(std::string_view(c));
  end_row();
}

void PostingCsv::write(const model::Remittance& r, const model::Posting& p) {
  auto buckets = [&](const model::AdjustmentTotals& a) {
    field(a.contractual.cents());
    field(a.deductible.cents());
    field(a.coinsurance.cents());
    field(a.copay.cents());
    field(a.other_patient.cents());
    field(a.other.cents());
    field(a.payer_initiated.cents());
    field(a.unclassified.cents());
  };
  const std::string status = p.claim_status ? std::string(model::to_string(*p.claim_status)) : std::string();
  field("claim");
  field(r.trace.reference);
  field(p.payer_id);
  field(p.claim_id);
  field(std::string_view());
  field(p.matched ? "yes" : "no");
  field(p.status_code.view());
  field(status);
  field(p.reversal ? "yes" : "no");
  field(p.payer_claim_control_number);
  field(std::string_view());
  field(std::string_view());
  field(std::string_view());
  field(std::string_view());
  field(p.billed.cents());
  field(p.paid.cents());
  field(std::string_view());
  buckets(p.adjustments);
  field(ledger::join_codes(p.reason_codes));
  field(ledger::join_codes(p.remark_codes));
  end_row();
  for (const auto& l : p.lines) {
    field("line");
    field(r.trace.reference);
    field(p.payer_id);
    field(p.claim_id);
    field(static_cast<std::int64_t>(l.line_number));
    field(l.submitted_line != 0 ? "yes" : "no");
    field(p.status_code.view());
    field(status);
    field(p.reversal ? "yes" : "no");
    field(p.payer_claim_control_number);
    field(l.procedure.code);
    field(joined_modifiers(l.procedure.modifiers));
    field(l.service_date.empty() ? std::string() : l.service_date.to_iso());
    field(l.line_control_number);
    field(l.billed.cents());
    field(l.paid.cents());
    if (l.allowed) field(l.allowed->cents());
    else field(std::string_view());
    buckets(l.adjustments);
    field(ledger::join_codes(l.reason_codes));
    field(ledger::join_codes(l.remark_codes));
    end_row();
  }
}

}  // namespace clearhouse::cli
