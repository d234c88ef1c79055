#include "engine/service/claim_detail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "engine/ledger/claim_detail_reads.hpp"
#include "engine/model/money.hpp"
#include "engine/worklist/claim_timeline.hpp"
#include "engine/worklist/worklist.hpp"
#include "engine/worklist/worklist_format.hpp"
#include "engine/worklist/worklist_query.hpp"

namespace clearhouse::service {
namespace {

using Statement = ledger::sql::Statement;

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// One claim status change, from wherever it was recorded (worklist/claim_timeline.hpp).
using HistoryEntry = worklist::TimelineEntry;

// The adjustment buckets posting keeps, in the order a biller reads them, each with its group
// and in words.
void write_buckets(render::JsonWriter& json, const model::AdjustmentTotals& b) {
  json.key("adjustments").begin_array();
  auto one = [&](std::string_view bucket, std::string_view group, std::string_view words, model::Money amount) {
    if (amount.is_zero()) return;
    json.begin_object();
    json.field("bucket", bucket);
    json.field("group", group);
    json.field("description", words);
    json.field("amount_cents", amount.cents());
    json.end_object();
  };
  // The group says who carries the amount; the reason codes (CARC/RARC) say why.
  one("contractual", "CO", "contractual obligation: not billable to the patient", b.contractual);
  one("deductible", "PR", "deductible: the patient owes it", b.deductible);
  one("coinsurance", "PR", "coinsurance: the patient owes it", b.coinsurance);
  one("copay", "PR", "copay: the patient owes it", b.copay);
  one("other_patient", "PR", "other patient responsibility: the patient owes it", b.other_patient);
  one("other_adjustment", "OA", "other adjustment", b.other);
  one("payer_initiated", "PI", "payer-initiated reduction: not billable to the patient", b.payer_initiated);
  one("unclassified", "", "adjustment in a group clearhouse does not classify", b.unclassified);
  json.end_array();
}

void write_codes(render::JsonWriter& json, std::string_view key, const std::string& joined,
                 const rules::RulesConfig& config, bool remark) {
  json.key(key).begin_array();
  for (const auto& code : split(joined)) {
    json.begin_object();
    json.field("code", code);
    std::string_view words;
    if (remark) {
      if (const auto* e = config.codes.rarc.find(code)) words = e->description;
    } else if (const auto* e = config.codes.carc.find(code)) {
      words = e->description;
    }
    json.field("description", words.empty() ? std::string_view("(not in clearhouse's code table)") : words);
    json.end_object();
  }
  json.end_array();
}

struct LineTotals {
  std::int64_t paid = 0;
  std::optional<std::int64_t> allowed;
  model::AdjustmentTotals buckets;
  std::string reasons, remarks;
};

}  // namespace

ClaimLookup write_claim_detail(ledger::Ledger& ledger, const rules::RulesConfig& config, model::Date today,
                               const std::string& claim_id, const std::string& payer_arg, render::JsonWriter& json) {
  auto& c = ledger.connection();
  std::string payer = payer_arg;
  if (payer.empty()) {
    auto payers = ledger::payers_of_claim(c, claim_id);
    if (payers.empty()) return ClaimLookup::not_found;
    if (payers.size() > 1) {
      // Sent on from one payer to the next (coordination of benefits): the first payer's claim,
      // with every payer's part under "coordination".
      payer = ledger::coordination_first_payer(c, claim_id);
      if (payer.empty()) return ClaimLookup::ambiguous;
    } else {
      payer = std::move(payers.front());
    }
  }

  const auto records = ledger::read_claim_detail(ledger, payer, claim_id);
  const auto& submissions = records.submissions;
  const auto& payments = records.payments;
  // Submitted, acknowledged (999, 277CA/277), paid: the timeline; the worklist's events join it below.
  std::vector<HistoryEntry> history = worklist::claim_timeline(records, config);

  // Payments posted against it (matched by claim row, or unmatched by payer + claim id).
  std::map<std::int64_t, LineTotals> line_totals;  // by submitted service line row
  for (const auto& p : payments) {
    for (const auto& l : p.lines) {
      auto& t = line_totals[l.service_line_row];
      t.paid += l.paid_cents;
      if (l.allowed_cents) t.allowed = l.allowed_cents;
      auto append = [](std::string& to, const std::string& codes) {
        for (const auto& code : split(codes))
          if (("," + to + ",").find("," + code + ",") == std::string::npos) to += (to.empty() ? "" : ",") + code;
      };
      append(t.reasons, l.reason_codes);
      append(t.remarks, l.remark_codes);
      t.buckets += l.adjustments;
    }
  }

  // The worklist item, if the rules opened one.
  std::optional<worklist::WorklistRow> row;
  {
    worklist::Worklist list(c, config);
    try {
      row = worklist::compute_row(list.item(claim_id, payer, true), config, today);
    } catch (const worklist::WorklistError&) {
      row.reset();
    }
  }
  if (submissions.empty() && payments.empty() && !row) return ClaimLookup::not_found;
  if (row)
    for (const auto& e : row->item.history)
      history.push_back({e.at, "", "worklist_" + e.event,
                         e.note.empty() ? fmt::format("by {}", e.actor) : fmt::format("by {}: {}", e.actor, e.note)});
  std::stable_sort(history.begin(), history.end(), [](const auto& a, const auto& b) { return a.at < b.at; });

  json.begin_object();
  json.field("claim_id", claim_id);
  json.field("payer_id", payer);
  model::AdjustmentTotals claim_buckets;
  std::int64_t claim_paid = 0;
  for (const auto& p : payments) {
    claim_paid += p.paid_cents;
    claim_buckets += p.adjustments;
  }
  std::int64_t billed = 0;
  json.key("claim");
  if (submissions.empty()) {
    json.null();
  } else {
    const auto& s = submissions.back();
    billed = s.claim.billed_cents;
    json.begin_object();
    json.field("claim_id", claim_id);
    json.field("payer_id", payer);
    json.field("payer_name", s.claim.payer_name);
    json.field("billing_npi", s.claim.billing_npi);
    json.field("frequency_code", s.claim.frequency_code);
    if (!s.claim.original_claim_number.empty()) json.field("original_claim_number", s.claim.original_claim_number);
    json.field("status", s.claim.status);
    json.field("billed_cents", s.claim.billed_cents);
    json.field("paid_cents", claim_paid);
    json.field("adjusted_cents", claim_buckets.non_patient().cents());
    json.field("patient_responsibility_cents", claim_buckets.patient_responsibility().cents());
    json.field("service_date_from", s.claim.service_date_from);
    json.field("service_date_to", s.claim.service_date_to);
    json.field("submitted_at", s.submitted_at);
    json.key("batch_id").number(s.claim.batch_id);
    json.field("transaction_control_number", s.claim.transaction_control_number);
    if (!s.ack_status.empty()) json.field("ack_status", s.ack_status);
    if (!s.front_door_status.empty()) json.field("front_door_status", s.front_door_status);
    if (!s.payer_claim_control_number.empty()) json.field("payer_claim_control_number", s.payer_claim_control_number);
    json.key("submissions").number(static_cast<std::int64_t>(submissions.size()));
    json.end_object();
  }

  json.key("lines").begin_array();
  for (const auto& line : records.lines) {
    const auto it = line_totals.find(line.row_id);
    const LineTotals t = it == line_totals.end() ? LineTotals{} : it->second;
    json.begin_object();
    json.key("line_number").number(line.line_number);
    json.field("line_control_number", line.line_control_number);
    json.field("procedure_code", line.procedure_code);
    json.field("modifiers", line.modifiers);
    json.field("units", line.units);
    json.field("unit_code", line.unit_code);
    json.field("service_date", line.service_date);
    json.field("billed_cents", line.charge_cents);
    json.field("paid_cents", t.paid);
    json.key("allowed_cents");
    if (t.allowed) json.number(*t.allowed);
    else json.null();
    json.field("adjusted_cents", t.buckets.non_patient().cents());
    json.field("patient_responsibility_cents", t.buckets.patient_responsibility().cents());
    write_buckets(json, t.buckets);
    write_codes(json, "reasons", t.reasons, config, false);
    write_codes(json, "remarks", t.remarks, config, true);
    json.end_object();
  }
  json.end_array();

  json.key("totals").begin_object();
  json.field("billed_cents", billed);
  json.field("paid_cents", claim_paid);
  json.field("adjusted_cents", claim_buckets.non_patient().cents());
  json.field("patient_responsibility_cents", claim_buckets.patient_responsibility().cents());
  json.end_object();

  json.key("postings").begin_array();
  for (const auto& p : payments) {
    const auto* st = config.codes.claim_status.find(p.status_code);
    json.begin_object();
    json.key("id").number(p.row_id);
    json.field("trace_number", p.trace_number);
    json.field("payment_date", p.payment_date);
    json.field("posted_at", p.posted_at);
    json.field("status_code", p.status_code);
    json.field("status_text", st != nullptr ? st->description : std::string("unknown CLP02 code"));
    json.field("claim_status", p.claim_status);
    json.field("reversal", p.reversal);
    json.field("payer_claim_control_number", p.payer_claim_control_number);
    json.field("billed_cents", p.billed_cents);
    json.field("paid_cents", p.paid_cents);
    json.field("patient_responsibility_cents", p.patient_responsibility_cents);
    json.field("adjusted_cents", p.adjustments.non_patient().cents());
    write_buckets(json, p.adjustments);
    write_codes(json, "reasons", p.reason_codes, config, false);
    write_codes(json, "remarks", p.remark_codes, config, true);
    json.end_object();
  }
  json.end_array();

  // A claim billed to several payers in turn: each payer's part, what they paid together, and
  // what is left: the patient share the last payer that adjudicated it left (CLP05).
  const auto levels = ledger::coordination_levels(c, claim_id);
  if (!levels.empty()) {
    json.key("coordination").begin_object();
    std::int64_t paid_all = 0, balance = 0;
    bool awaiting = false;
    json.key("payers").begin_array();
    for (const auto& l : levels) {
      json.begin_object();
      json.field("payer_id", l.payer_id);
      json.field("payer_name", l.payer_name);
      json.field("payer_level", l.payer_level);
      json.field("status", l.status);
      json.field("billed_cents", l.billed_cents);
      json.field("paid_cents", l.paid_cents);
      json.field("patient_responsibility_cents", l.patient_responsibility_cents);
      json.end_object();
      paid_all += l.paid_cents;
      if (l.adjudicated) balance = l.patient_responsibility_cents;
      else awaiting = true;
    }
    json.end_array();
    json.field("paid_cents", paid_all);
    json.field("balance_cents", balance);
    json.field("awaiting_payer", awaiting);
    json.end_object();
  }

  json.key("status_history");
  worklist::write_timeline_json(history, json);

  json.key("worklist");
  if (row) worklist::write_item_detail_json(*row, config, json);
  else json.null();
  json.end_object();
  return ClaimLookup::found;
}

}  // namespace clearhouse::service
