#include "engine/worklist/claim_timeline.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/model/money.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::worklist {

std::vector<TimelineEntry> claim_timeline(const ledger::ClaimDetailRecords& records, const rules::RulesConfig& config) {
  std::vector<TimelineEntry> out;
  for (const auto& s : records.submissions) {
    out.push_back({s.submitted_at, "submitted", "submitted",
                   fmt::format("frequency {} in batch {} ({}), transaction {}, billed {}", s.claim.frequency_code,
                               s.claim.batch_id, s.batch_file_name, s.claim.transaction_control_number,
                               model::to_x12_amount(model::Money::from_cents(s.claim.billed_cents)))});
    if (!s.ack_status.empty())
      out.push_back({s.ack_received_at, s.ack_status, "acknowledged", fmt::format("999/TA1 acknowledgment: {}", s.ack_status)});
  }
  for (const auto& st : records.statuses) {
    std::string detail = fmt::format("{} {} ({} level): {}", st.guide, st.transaction_control_number, st.level,
                                     st.status_codes.empty() ? std::string("no status code") : st.message);
    if (!st.payer_claim_control_number.empty()) detail += fmt::format("; payer claim number {}", st.payer_claim_control_number);
    if (!st.effective_date.empty()) detail += fmt::format("; effective {}", st.effective_date);
    out.push_back({st.received_at, st.status, "claim_status", std::move(detail)});
  }
  for (const auto& p : records.payments) {
    const auto* code = config.codes.claim_status.find(p.status_code);
    out.push_back({p.posted_at, p.claim_status.empty() ? "unchanged" : p.claim_status, p.reversal ? "reversed" : "remittance",
                   fmt::format("CLP02 {} ({}), paid {} on {}, trace {}", p.status_code,
                               code != nullptr ? code->description : "unknown status",
                               model::to_x12_amount(model::Money::from_cents(p.paid_cents)), p.payment_date,
                               p.trace_number)});
  }
  for (const auto& e : records.coordination) {
    std::string detail = e.message;
    if (!e.file_name.empty()) detail += fmt::format(" in {}", e.file_name);
    out.push_back({e.at, "", "coordination_" + e.event, std::move(detail)});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  return out;
}

void write_timeline_json(const std::vector<TimelineEntry>& timeline, render::JsonWriter& json) {
  json.begin_array();
  for (const auto& h : timeline) {
    json.begin_object();
    json.field("at", h.at);
    json.field("status", h.status);
    json.field("event", h.event);
    json.field("detail", h.detail);
    json.end_object();
  }
  json.end_array();
}

}  // namespace clearhouse::worklist
