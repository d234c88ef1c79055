#include "engine/service/claim_detail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "engine/ledger/adjustment_columns.hpp"
#include "engine/model/money.hpp"
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

// One claim status change, from wherever it was recorded.
struct HistoryEntry {
  std::string at;
  std::string status;  // the claim's status after it (submitted, accepted, paid, denied, ...); "" for worklist events
  std::string event;   // what happened
  std::string detail;  // in words, no PHI beyond the claim itself
};

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

std::set<std::string> payers_of(ledger::sql::Connection& c, const std::string& claim_id) {
  std::set<std::string> out;
  auto q = c.prepare(
      "SELECT payer_id FROM claims WHERE claim_id = ? UNION SELECT payer_id FROM worklist_items WHERE claim_id = ? "
      "UNION SELECT payer_id FROM claim_payments WHERE claim_id = ?");
  q->bind(1, claim_id).bind(2, claim_id).bind(3, claim_id);
  while (q->step()) out.insert(q->column_text(0));
  q->reset();
  return out;
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
    const auto payers = payers_of(c, claim_id);
    if (payers.empty()) return ClaimLookup::not_found;
    if (payers.size() > 1) return ClaimLookup::ambiguous;
    payer = *payers.begin();
  }

  std::vector<HistoryEntry> history;
  // The claim as submitted (the latest submission when it was replaced).
  auto claim_q = c.prepare(
      "SELECT c.id, c.batch_id, c.payer_name, c.billing_npi, c.frequency_code, c.original_claim_number, c.billed_cents, "
      "c.service_date_from, c.service_date_to, c.transaction_control_number, c.status, c.submitted_at, c.ack_status, "
      "c.ack_received_at, b.file_name FROM claims c JOIN batches b ON b.id = c.batch_id "
      "WHERE c.payer_id = ? AND c.claim_id = ? ORDER BY c.id");
  claim_q->bind(1, payer).bind(2, claim_id);
  std::int64_t claim_row = 0, billed = 0;
  struct Submitted {
    std::int64_t row, batch;
    std::string payer_name, npi, frequency, original, from, to, st02, status, submitted_at, ack, ack_at, file;
    std::int64_t billed;
  };
  std::vector<Submitted> submissions;
  while (claim_q->step()) {
    Submitted s{claim_q->column_int(0),   claim_q->column_int(1),   claim_q->column_text(2),  claim_q->column_text(3),
                claim_q->column_text(4),  claim_q->column_text(5),  claim_q->column_text(7),  claim_q->column_text(8),
                claim_q->column_text(9),  claim_q->column_text(10), claim_q->column_text(11), claim_q->column_text(12),
                claim_q->column_text(13), claim_q->column_text(14), claim_q->column_int(6)};
    history.push_back({s.submitted_at, "submitted", "submitted",
                       fmt::format("frequency {} in batch {} ({}), transaction {}, billed {}", s.frequency, s.batch,
                                   s.file, s.st02, model::to_x12_amount(model::Money::from_cents(s.billed)))});
    if (!s.ack.empty())
      history.push_back({s.ack_at, s.ack, "acknowledged", fmt::format("999/TA1 acknowledgment: {}", s.ack)});
    submissions.push_back(std::move(s));
  }
  claim_q->reset();

  // Payments posted against it (matched by claim row, or unmatched by payer + claim id).
  struct Payment {
    std::int64_t id;
    std::string trace, payment_date, posted_at, status_code, claim_status, pcn, reasons, remarks;
    bool reversal;
    std::int64_t billed, paid, patient;
    model::AdjustmentTotals buckets;
  };
  std::vector<Payment> payments;
  std::map<std::int64_t, LineTotals> line_totals;  // by submitted service line row
  {
    auto pay_q = c.prepare(fmt::format(
        "SELECT p.id, r.trace_number, r.payment_date, r.posted_at, p.status_code, p.claim_status, "
        "p.payer_claim_control_number, p.reason_codes, p.remark_codes, p.reversal, p.billed_cents, p.paid_cents, "
        "p.patient_responsibility_cents, {} FROM claim_payments p JOIN remittances r ON r.id = p.remittance_id "
        "WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY r.payment_date, p.id",
        ledger::kAdjustmentColumns));
    pay_q->bind(1, payer).bind(2, claim_id);
    while (pay_q->step()) {
      Payment p{pay_q->column_int(0),   pay_q->column_text(1), pay_q->column_text(2),  pay_q->column_text(3),
                pay_q->column_text(4),  pay_q->column_text(5), pay_q->column_text(6),  pay_q->column_text(7),
                pay_q->column_text(8),  pay_q->column_int(9) != 0, pay_q->column_int(10), pay_q->column_int(11),
                pay_q->column_int(12),  ledger::read_adjustment_totals(*pay_q, 13)};
      payments.push_back(std::move(p));
    }
    pay_q->reset();
    auto line_q = c.prepare(fmt::format(
        "SELECT service_line_row, paid_cents, allowed_cents, reason_codes, remark_codes, {} FROM line_payments "
        "WHERE claim_payment_id = ? AND service_line_row IS NOT NULL",
        ledger::kAdjustmentColumns));
    for (const auto& p : payments) {
      const auto* st = config.codes.claim_status.find(p.status_code);
      // Ordered by when the ledger learned of it (posted_at), like every other entry.
      history.push_back({p.posted_at, p.claim_status.empty() ? "unchanged" : p.claim_status,
                         p.reversal ? "reversed" : "remittance",
                         fmt::format("CLP02 {} ({}), paid {} on {}, trace {}", p.status_code,
                                     st != nullptr ? st->description : "unknown status",
                                     model::to_x12_amount(model::Money::from_cents(p.paid)), p.payment_date, p.trace)});
      line_q->bind(1, p.id);
      while (line_q->step()) {
        auto& t = line_totals[line_q->column_int(0)];
        t.paid += line_q->column_int(1);
        if (!line_q->column_is_null(2)) t.allowed = line_q->column_int(2);
        auto append = [](std::string& to, const std::string& codes) {
          for (const auto& code : split(codes))
            if (("," + to + ",").find("," + code + ",") == std::string::npos) to += (to.empty() ? "" : ",") + code;
        };
        append(t.reasons, line_q->column_text(3));
        append(t.remarks, line_q->column_text(4));
        t.buckets += ledger::read_adjustment_totals(*line_q, 5);
      }
      line_q->reset();
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
    claim_paid += p.paid;
    claim_buckets += p.buckets;
  }
  json.key("claim");
  if (submissions.empty()) {
    json.null();
  } else {
    const auto& s = submissions.back();
    claim_row = s.row;
    billed = s.billed;
    json.begin_object();
    json.field("claim_id", claim_id);
    json.field("payer_id", payer);
    json.field("payer_name", s.payer_name);
    json.field("billing_npi", s.npi);
    json.field("frequency_code", s.frequency);
    if (!s.original.empty()) json.field("original_claim_number", s.original);
    json.field("status", s.status);
    json.field("billed_cents", s.billed);
    json.field("paid_cents", claim_paid);
    json.field("adjusted_cents", claim_buckets.non_patient().cents());
    json.field("patient_responsibility_cents", claim_buckets.patient_responsibility().cents());
    json.field("service_date_from", s.from);
    json.field("service_date_to", s.to);
    json.field("submitted_at", s.submitted_at);
    json.key("batch_id").number(s.batch);
    json.field("transaction_control_number", s.st02);
    if (!s.ack.empty()) json.field("ack_status", s.ack);
    json.key("submissions").number(static_cast<std::int64_t>(submissions.size()));
    json.end_object();
  }

  json.key("lines").begin_array();
  if (claim_row != 0) {
    auto lines_q = c.prepare(
        "SELECT id, line_number, line_control_number, procedure_code, modifiers, charge_cents, units, unit_code, "
        "service_date FROM service_lines WHERE claim_row = ? ORDER BY line_number");
    lines_q->bind(1, claim_row);
    while (lines_q->step()) {
      const auto it = line_totals.find(lines_q->column_int(0));
      const LineTotals t = it == line_totals.end() ? LineTotals{} : it->second;
      json.begin_object();
      json.key("line_number").number(lines_q->column_int(1));
      json.field("line_control_number", lines_q->column_text(2));
      json.field("procedure_code", lines_q->column_text(3));
      json.field("modifiers", lines_q->column_text(4));
      json.field("units", lines_q->column_text(6));
      json.field("unit_code", lines_q->column_text(7));
      json.field("service_date", lines_q->column_text(8));
      json.field("billed_cents", lines_q->column_int(5));
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
    lines_q->reset();
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
    json.key("id").number(p.id);
    json.field("trace_number", p.trace);
    json.field("payment_date", p.payment_date);
    json.field("posted_at", p.posted_at);
    json.field("status_code", p.status_code);
    json.field("status_text", st != nullptr ? st->description : std::string("unknown CLP02 code"));
    json.field("claim_status", p.claim_status);
    json.field("reversal", p.reversal);
    json.field("payer_claim_control_number", p.pcn);
    json.field("billed_cents", p.billed);
    json.field("paid_cents", p.paid);
    json.field("patient_responsibility_cents", p.patient);
    json.field("adjusted_cents", p.buckets.non_patient().cents());
    write_buckets(json, p.buckets);
    write_codes(json, "reasons", p.reasons, config, false);
    write_codes(json, "remarks", p.remarks, config, true);
    json.end_object();
  }
  json.end_array();

  json.key("status_history").begin_array();
  for (const auto& h : history) {
    json.begin_object();
    json.field("at", h.at);
    json.field("status", h.status);
    json.field("event", h.event);
    json.field("detail", h.detail);
    json.end_object();
  }
  json.end_array();

  json.key("worklist");
  if (row) worklist::write_item_detail_json(*row, config, json);
  else json.null();
  json.end_object();
  return ClaimLookup::found;
}

}  // namespace clearhouse::service
