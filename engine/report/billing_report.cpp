#include "engine/report/billing_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/ledger/worklist_store.hpp"
#include "generators/render/csv_writer.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::report {

model::Decimal percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return model::Decimal{0, 2};
  const auto scaled = (static_cast<__int128>(part) * 20000 + whole) / (2 * static_cast<__int128>(whole));
  return model::Decimal{static_cast<std::int64_t>(scaled), 2};
}

namespace {

void add_to(PayerLine& total, const PayerLine& p) {
  total.submitted += p.submitted;
  total.paid += p.paid;
  total.partially_paid += p.partially_paid;
  total.denied += p.denied;
  total.forwarded += p.forwarded;
  total.reversed += p.reversed;
  total.open += p.open;
  total.open_items += p.open_items;
  total.adjudicated += p.adjudicated;
  total.billed += p.billed - p.billed_onward;  // a charge billed to several payers in turn counts once
  total.paid_cents += p.paid_cents;
  total.adjusted += p.adjusted;
  total.patient_responsibility += p.patient_responsibility;
}

}  // namespace

BillingReportTally::BillingReportTally(const rules::RulesConfig& config, model::Date today) : config_(config) {
  report_.as_of = today;
  report_.ar_aging = empty_aging(config);
}

PayerLine& BillingReportTally::payer_line(const std::string& payer) {
  auto& line = lines_[payer];
  line.payer_id = payer;
  return line;
}

void BillingReportTally::claims(const ledger::PayerClaimCounts& c) {
  auto& line = payer_line(c.payer_id);
  line.payer_name = c.payer_name;
  line.submitted = c.claims;
  line.billed = model::Money::from_cents(c.billed_cents);
  line.billed_onward = model::Money::from_cents(c.billed_onward_cents);
  line.paid = c.paid;
  line.partially_paid = c.partially_paid;
  line.denied = c.denied;
  line.forwarded = c.forwarded;
  line.reversed = c.reversed;
  line.open = c.awaiting_remittance;
}

void BillingReportTally::payments(const ledger::PayerPaymentTotals& p) {
  if (!p.matched) {  // money for no submitted claim
    report_.unmatched_payments += p.payments;
    report_.unmatched_paid += model::Money::from_cents(p.paid_cents);
    return;
  }
  auto& line = payer_line(p.payer_id);
  line.paid_cents = model::Money::from_cents(p.paid_cents);
  line.adjusted = model::Money::from_cents(p.adjusted_cents);
  line.patient_responsibility = model::Money::from_cents(p.patient_responsibility_cents);
  line.adjudicated = p.claims_adjudicated;
}

void BillingReportTally::open_items(const ledger::PayerOpenItems& o) { payer_line(o.payer_id).open_items = o.items; }

void BillingReportTally::denial_finding(const ledger::DenialFinding& f) {
  // The latest denial finding of each claim and category (a claim denied twice counts once).
  auto& s = denied_[DenialKey{f.payer_id, f.claim_id, f.category}];
  s.amount = f.amount_cents;
  for (auto& code : ledger::split_codes(f.carc))
    if (std::find(s.carc.begin(), s.carc.end(), code) == s.carc.end()) s.carc.push_back(std::move(code));
}

void BillingReportTally::age(model::Date from, std::int64_t cents) {
  const model::Date today = report_.as_of;
  const int age = from.empty() || today.empty() ? 0 : std::max(0, model::days_between(from, today));
  age_into(report_.ar_aging, config_, age, model::Money::from_cents(cents));
  report_.ar_total += model::Money::from_cents(cents);
}

// Claims with no remittance yet (or reversed and not corrected): the whole charge.
void BillingReportTally::awaiting_remittance(const ledger::AwaitingClaim& c) {
  age(model::Date::parse_timestamp_day(c.submitted_at).value_or(model::Date{}), c.billed_cents);
}

// Active worklist items of adjudicated claims: the cents at stake, aged from submission.
void BillingReportTally::open_item_at_stake(const ledger::OpenItemAtStake& i) {
  if (i.claim_status == "submitted" || i.claim_status == "reversed") return;  // counted in full above
  const std::string& from = i.claim_submitted_at.empty() ? i.reference_date : i.claim_submitted_at;
  age(model::Date::parse_timestamp_day(from).value_or(model::Date{}), i.amount_cents);
}

void BillingReportTally::first_payment(const ledger::FirstPayment& p) {
  const auto sent = model::Date::parse_timestamp_day(p.submitted_at).value_or(model::Date{});
  const auto paid = model::Date::parse_timestamp_day(p.paid_on).value_or(model::Date{});
  if (sent.empty() || paid.empty()) return;
  // A payment dated before the claim was recorded (back-dated remittances, imported
  // history) counts as same-day rather than negative.
  days_to_payment_ += std::max(0, model::days_between(sent, paid));
  ++report_.paid_claims_timed;
}

BillingReport BillingReportTally::finish() {
  BillingReport r = std::move(report_);
  for (auto& [payer, line] : lines_) {
    add_to(r.totals, line);
    r.payers.push_back(std::move(line));
  }
  r.totals.payer_id = "*";
  r.totals.payer_name = "all payers";

  struct Tally {
    std::set<std::pair<std::string, std::string>> claims;
    std::int64_t amount = 0;
  };
  std::map<std::string, Tally> by_category, by_carc;
  for (const auto& [key, seen] : denied_) {
    const auto claim = std::make_pair(std::get<0>(key), std::get<1>(key));
    auto& cat = by_category[std::get<2>(key)];
    cat.claims.insert(claim);
    cat.amount += seen.amount;
    for (const auto& code : seen.carc) {
      auto& t = by_carc[code];
      t.claims.insert(claim);
      t.amount += seen.amount;
    }
  }
  const std::uint64_t adjudicated = r.totals.adjudicated;
  for (const auto& [category, t] : by_category)
    r.denials_by_category.push_back(DenialRate{category, config_.category(category).label, t.claims.size(),
                                               model::Money::from_cents(t.amount), percent(t.claims.size(), adjudicated)});
  for (const auto& [code, t] : by_carc) {
    const auto* e = config_.codes.carc.find(code);
    r.denials_by_carc.push_back(DenialRate{code, e != nullptr ? e->description : std::string("unknown code"),
                                           t.claims.size(), model::Money::from_cents(t.amount),
                                           percent(t.claims.size(), adjudicated)});
  }
  auto order = [](const DenialRate& a, const DenialRate& b) {
    return a.claims != b.claims ? a.claims > b.claims : a.key < b.key;
  };
  std::sort(r.denials_by_category.begin(), r.denials_by_category.end(), order);
  std::sort(r.denials_by_carc.begin(), r.denials_by_carc.end(), order);

  if (r.paid_claims_timed > 0) {
    const auto n = static_cast<std::int64_t>(r.paid_claims_timed);
    r.average_days_to_payment = model::Decimal{(days_to_payment_ * 20 + n) / (2 * n), 1};  // one decimal, half up
  }
  return r;
}

BillingReport build_report(ledger::sql::Connection& connection, const rules::RulesConfig& config, model::Date today) {
  BillingReportTally tally(config, today);
  ledger::read_billing_report(connection, tally);
  auto report = tally.finish();
  report.front_door = front_door_report(ledger::read_front_door_report(connection), config);
  report.patient = build_patient_receivables(connection, config, today);
  return report;
}

namespace {

void write_payer(render::JsonWriter& json, const PayerLine& p) {
  json.begin_object();
  json.field("payer_id", p.payer_id);
  json.field("payer_name", p.payer_name);
  json.key("claims").begin_object();
  json.key("submitted").unsigned_number(p.submitted);
  json.key("paid").unsigned_number(p.paid);
  json.key("partially_paid").unsigned_number(p.partially_paid);
  json.key("denied").unsigned_number(p.denied);
  json.key("forwarded").unsigned_number(p.forwarded);
  json.key("reversed").unsigned_number(p.reversed);
  json.key("open").unsigned_number(p.open);
  json.key("adjudicated").unsigned_number(p.adjudicated);
  json.key("open_items").unsigned_number(p.open_items);
  json.end_object();
  json.key("cents").begin_object();
  json.field("billed", p.billed.cents());
  json.field("paid", p.paid_cents.cents());
  json.field("adjusted", p.adjusted.cents());
  json.field("patient_responsibility", p.patient_responsibility.cents());
  json.end_object();
  json.end_object();
}

void write_rates(render::JsonWriter& json, const char* key_name, const std::vector<DenialRate>& rates) {
  json.begin_array();
  for (const auto& d : rates) {
    json.begin_object();
    json.field(key_name, d.key);
    json.field("label", d.label);
    json.key("claims").unsigned_number(d.claims);
    json.field("amount_cents", d.amount.cents());
    json.key("rate_percent").raw(d.rate_percent.to_string());
    json.end_object();
  }
  json.end_array();
}

// Payers' and patients' aging alike.
void write_aging(render::JsonWriter& json, const std::vector<AgingLine>& aging) {
  json.begin_array();
  for (const auto& a : aging) {
    json.begin_object();
    json.field("bucket", a.label);
    json.key("claims").unsigned_number(a.claims);
    json.field("amount_cents", a.amount.cents());
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_report_json(const BillingReport& r, render::JsonWriter& json) {
  json.begin_object();
  json.field("as_of", r.as_of.empty() ? std::string() : r.as_of.to_iso());
  json.key("payers").begin_array();
  for (const auto& p : r.payers) write_payer(json, p);
  json.end_array();
  json.key("totals");
  write_payer(json, r.totals);
  json.key("denials_by_category");
  write_rates(json, "category", r.denials_by_category);
  json.key("denials_by_carc");
  write_rates(json, "carc", r.denials_by_carc);
  json.key("ar_aging");
  write_aging(json, r.ar_aging);
  json.field("ar_total_cents", r.ar_total.cents());
  json.key("average_days_to_payment");
  if (r.average_days_to_payment) json.raw(r.average_days_to_payment->to_string());
  else json.null();
  json.key("paid_claims_timed").unsigned_number(r.paid_claims_timed);
  json.key("unmatched_payments").unsigned_number(r.unmatched_payments);
  json.field("unmatched_paid_cents", r.unmatched_paid.cents());
  json.key("front_door");
  write_front_door_json(r.front_door, json);
  const auto& p = r.patient;
  json.key("patient").begin_object();
  json.key("accounts").unsigned_number(p.accounts);
  json.key("accounts_owing").unsigned_number(p.accounts_owing);
  json.key("ar_aging");
  write_aging(json, p.aging);
  json.field("ar_total_cents", p.due.cents());
  json.key("claims_pending_insurance").unsigned_number(p.claims_pending);
  json.field("pending_insurance_cents", p.pending_insurance.cents());
  json.key("accounts_in_credit").unsigned_number(p.accounts_in_credit);
  json.field("credits_cents", p.credits.cents());
  json.key("statements_sent").unsigned_number(p.statements_sent);
  json.key("accounts_sent_statements").unsigned_number(p.accounts_sent_statements);
  json.end_object();
  json.end_object();
}

void write_report_csv(const BillingReport& r, std::FILE* out) {
  render::CsvWriter csv(out);
  auto row = [&](std::string_view section, std::string_view key, std::string_view metric, const std::string& value) {
    csv.field(section).field(key).field(metric).field(value);
    csv.end_row();
  };
  row("section", "key", "metric", "value");
  row("report", "as_of", "date", r.as_of.empty() ? std::string() : r.as_of.to_iso());
  auto payer = [&](const PayerLine& p) {
    const std::string& k = p.payer_id;
    row("payer", k, "submitted", std::to_string(p.submitted));
    row("payer", k, "paid", std::to_string(p.paid));
    row("payer", k, "partially_paid", std::to_string(p.partially_paid));
    row("payer", k, "denied", std::to_string(p.denied));
    row("payer", k, "forwarded", std::to_string(p.forwarded));
    row("payer", k, "reversed", std::to_string(p.reversed));
    row("payer", k, "open", std::to_string(p.open));
    row("payer", k, "adjudicated", std::to_string(p.adjudicated));
    row("payer", k, "open_items", std::to_string(p.open_items));
    row("payer", k, "billed_cents", std::to_string(p.billed.cents()));
    row("payer", k, "paid_cents", std::to_string(p.paid_cents.cents()));
    row("payer", k, "adjusted_cents", std::to_string(p.adjusted.cents()));
    row("payer", k, "patient_responsibility_cents", std::to_string(p.patient_responsibility.cents()));
  };
  for (const auto& p : r.payers) payer(p);
  payer(r.totals);
  for (const auto& d : r.denials_by_category) {
    row("denial_category", d.key, "claims", std::to_string(d.claims));
    row("denial_category", d.key, "amount_cents", std::to_string(d.amount.cents()));
    row("denial_category", d.key, "rate_percent", d.rate_percent.to_string());
  }
  for (const auto& d : r.denials_by_carc) {
    row("denial_carc", d.key, "claims", std::to_string(d.claims));
    row("denial_carc", d.key, "amount_cents", std::to_string(d.amount.cents()));
    row("denial_carc", d.key, "rate_percent", d.rate_percent.to_string());
  }
  const auto aging = [&](const char* section, const std::vector<AgingLine>& lines) {
    for (const auto& a : lines) {
      row(section, a.label, "claims", std::to_string(a.claims));
      row(section, a.label, "amount_cents", std::to_string(a.amount.cents()));
    }
  };
  aging("ar_aging", r.ar_aging);
  row("ar_aging", "*", "amount_cents", std::to_string(r.ar_total.cents()));
  aging("patient_ar_aging", r.patient.aging);
  row("patient_ar_aging", "*", "amount_cents", std::to_string(r.patient.due.cents()));
  row("patient", "*", "accounts", std::to_string(r.patient.accounts));
  row("patient", "*", "accounts_owing", std::to_string(r.patient.accounts_owing));
  row("patient", "*", "claims_pending_insurance", std::to_string(r.patient.claims_pending));
  row("patient", "*", "pending_insurance_cents", std::to_string(r.patient.pending_insurance.cents()));
  row("patient", "*", "accounts_in_credit", std::to_string(r.patient.accounts_in_credit));
  row("patient", "*", "credits_cents", std::to_string(r.patient.credits.cents()));
  row("patient", "*", "statements_sent", std::to_string(r.patient.statements_sent));
  row("patient", "*", "accounts_sent_statements", std::to_string(r.patient.accounts_sent_statements));
  row("payment", "*", "average_days_to_payment",
      r.average_days_to_payment ? r.average_days_to_payment->to_string() : std::string());
  row("payment", "*", "paid_claims_timed", std::to_string(r.paid_claims_timed));
  row("payment", "*", "unmatched_payments", std::to_string(r.unmatched_payments));
  row("payment", "*", "unmatched_paid_cents", std::to_string(r.unmatched_paid.cents()));
  write_front_door_csv(r.front_door, csv);
}

}  // namespace clearhouse::report
