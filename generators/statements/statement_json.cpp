#include "generators/statements/statement_json.hpp"

#include "generators/render/json_writer.hpp"

namespace clearhouse::statements {

namespace {

using render::JsonWriter;

std::string iso(const model::Date& d) { return d.empty() ? std::string() : d.to_iso(); }

void address(JsonWriter& w, const model::Address& a) {
  w.key("address").begin_object();
  w.field("line1", a.line1).field("line2", a.line2).field("city", a.city).field("state", a.state);
  w.field("postal_code", a.postal_code);
  w.end_object();
}

void visit(JsonWriter& w, const model::StatementVisit& v) {
  w.begin_object();
  w.field("claim_id", v.claim_id).field("date", iso(v.date)).field("patient", v.patient_name);
  w.field("provider", v.provider);
  w.key("services").begin_array();
  for (const auto& s : v.services) {
    w.begin_object();
    w.field("code", s.code).field("words", s.words).field("date", iso(s.date)).field("billed_cents", s.billed.cents());
    w.end_object();
  }
  w.end_array();
  w.field("billed_cents", v.billed.cents());
  w.key("payers").begin_array();
  for (const auto& p : v.payers) {
    w.begin_object();
    w.field("name", p.payer_name).field("level", std::int64_t{p.level}).field("paid_cents", p.paid.cents());
    w.field("adjusted_cents", p.adjusted.cents());
    w.end_object();
  }
  w.end_array();
  w.field("insurance_adjustments_cents", v.insurance_adjustments.cents());
  w.field("patient_share_cents", v.patient_share.cents());
  w.field("patient_paid_cents", v.patient_paid.cents());
  w.field("patient_adjustments_cents", v.patient_adjustments.cents());
  w.field("owed_cents", v.owed.cents());
  w.field("pending_insurance", v.pending_insurance);
  w.key("reasons").begin_array();
  for (const auto& r : v.reasons) {
    w.begin_object();
    w.field("group", r.group).field("carc", r.carc).field("words", r.words).field("amount_cents", r.amount.cents());
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string statements_json(std::span<const model::PatientStatement> statements) {
  JsonWriter w;
  w.begin_array();
  for (const auto& s : statements) {
    w.begin_object();
    w.key("guarantor").begin_object();
    w.field("last", s.guarantor.last).field("first", s.guarantor.first).field("middle", s.guarantor.middle);
    w.field("suffix", s.guarantor.suffix);
    address(w, s.guarantor.address);
    w.end_object();
    w.field("account", s.account_number);
    w.field("balance_cents", s.amount_due.cents());
    w.field("in_credit", s.in_credit());
    w.field("statement_date", iso(s.statement_date)).field("due_date", iso(s.due_date));
    w.field("statement_number", std::int64_t{s.statement_number});
    w.field("previous_balance_cents", s.previous_balance.cents());
    w.field("new_charges_cents", s.new_charges.cents());
    w.field("payments_received_cents", s.payments_received.cents());
    w.field("adjustments_cents", s.adjustments.cents());
    w.field("pending_insurance_cents", s.pending_insurance.cents());
    w.field("message", s.message);
    w.key("practice").begin_object();
    w.field("name", s.practice.name);
    address(w, s.practice.address);
    w.field("phone", s.practice.phone);
    w.end_object();
    w.key("claims").begin_array();
    for (const auto& v : s.visits) visit(w, v);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  return w.take();
}

}  // namespace clearhouse::statements
