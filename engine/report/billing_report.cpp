#include "engine/report/billing_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "engine/worklist/worklist_store.hpp"
#include "generators/render/csv_writer.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::report {
namespace {

using ledger::sql::Connection;

// The latest row of each claim id (a replacement supersedes the original) — the claims a
// report counts.
constexpr const char* kLatestClaim =
    "c.id = (SELECT MAX(d.id) FROM claims d WHERE d.payer_id = c.payer_id AND d.claim_id = c.claim_id)";

model::Date date_of(const std::string& text) {
  if (text.size() < 10) return {};
  const auto d = model::Date::parse_iso(std::string_view(text).substr(0, 10));
  return d ? *d : model::Date{};
}

// part / whole x 100 with two decimals, exact (half up).
model::Decimal percent(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return model::Decimal{0, 2};
  const auto scaled = (static_cast<__int128>(part) * 20000 + whole) / (2 * static_cast<__int128>(whole));
  return model::Decimal{static_cast<std::int64_t>(scaled), 2};
}

// Whether remittance posting has created its tables in this ledger (a ledger that only ever
// submitted has none: payments then count as zero).
bool has_table(Connection& c, std::string_view name) {
  auto q = c.prepare(c.dialect() == ledger::sql::Dialect::sqlite
                         ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
                         : "SELECT 1 FROM information_schema.tables WHERE table_name = ?");
  q->bind(1, name);
  return q->single_int().has_value();
}

PayerLine& payer_line(std::map<std::string, PayerLine>& lines, const std::string& payer) {
  auto& line = lines[payer];
  line.payer_id = payer;
  return line;
}

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
  total.billed += p.billed;
  total.paid_cents += p.paid_cents;
  total.adjusted += p.adjusted;
  total.patient_responsibility += p.patient_responsibility;
}

void claims_by_payer(Connection& c, std::map<std::string, PayerLine>& lines) {
  auto q = c.prepare(std::string(
                         "SELECT c.payer_id, MAX(c.payer_name), COUNT(*), SUM(c.billed_cents), "
                         "SUM(CASE WHEN c.status = 'paid' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN c.status = 'partially_paid' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN c.status = 'denied' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN c.status = 'forwarded' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN c.status = 'reversed' THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN c.status IN ('submitted', 'reversed') THEN 1 ELSE 0 END) "
                         "FROM claims c WHERE ") +
                     kLatestClaim + " GROUP BY c.payer_id");
  while (q->step()) {
    auto& line = payer_line(lines, q->column_text(0));
    line.payer_name = q->column_text(1);
    line.submitted = static_cast<std::uint64_t>(q->column_int(2));
    line.billed = model::Money::from_cents(q->column_int(3));
    line.paid = static_cast<std::uint64_t>(q->column_int(4));
    line.partially_paid = static_cast<std::uint64_t>(q->column_int(5));
    line.denied = static_cast<std::uint64_t>(q->column_int(6));
    line.forwarded = static_cast<std::uint64_t>(q->column_int(7));
    line.reversed = static_cast<std::uint64_t>(q->column_int(8));
    line.open = static_cast<std::uint64_t>(q->column_int(9));
  }
  q->reset();
}

void payments_by_payer(Connection& c, std::map<std::string, PayerLine>& lines, BillingReport& r) {
  auto q = c.prepare(
      "SELECT payer_id, CASE WHEN claim_row IS NULL THEN 1 ELSE 0 END, SUM(paid_cents), "
      "SUM(contractual_cents + other_adjustment_cents + payer_initiated_cents + unclassified_cents), "
      "SUM(deductible_cents + coinsurance_cents + copay_cents + other_patient_cents), COUNT(*), "
      "COUNT(DISTINCT CASE WHEN reversal = 0 THEN claim_id END) "
      "FROM claim_payments GROUP BY payer_id, CASE WHEN claim_row IS NULL THEN 1 ELSE 0 END");
  while (q->step()) {
    if (q->column_int(1) != 0) {  // unmatched: money for no submitted claim
      r.unmatched_payments += static_cast<std::uint64_t>(q->column_int(5));
      r.unmatched_paid += model::Money::from_cents(q->column_int(2));
      continue;
    }
    auto& line = payer_line(lines, q->column_text(0));
    line.paid_cents = model::Money::from_cents(q->column_int(2));
    line.adjusted = model::Money::from_cents(q->column_int(3));
    line.patient_responsibility = model::Money::from_cents(q->column_int(4));
    line.adjudicated = static_cast<std::uint64_t>(q->column_int(6));
  }
  q->reset();
}

void open_items_by_payer(Connection& c, std::map<std::string, PayerLine>& lines) {
  auto q = c.prepare(
      "SELECT payer_id, COUNT(*) FROM worklist_items WHERE status IN ('open', 'in_progress') GROUP BY payer_id");
  while (q->step()) payer_line(lines, q->column_text(0)).open_items = static_cast<std::uint64_t>(q->column_int(1));
  q->reset();
}

void denials(Connection& c, const rules::RulesConfig& config, BillingReport& r) {
  // The latest denial finding of each claim and category (a claim denied twice counts once).
  auto q = c.prepare(
      "SELECT i.payer_id, i.claim_id, f.category, f.carc, f.amount_cents FROM worklist_findings f "
      "JOIN worklist_items i ON i.id = f.item_id WHERE f.rule IN ('denial.claim', 'denial.line') ORDER BY f.id");
  using Key = std::tuple<std::string, std::string, std::string>;  // payer, claim, category
  struct Seen {
    std::int64_t amount = 0;
    std::vector<std::string> carc;
  };
  std::map<Key, Seen> by_claim_category;
  while (q->step()) {
    auto& s = by_claim_category[Key{q->column_text(0), q->column_text(1), q->column_text(2)}];
    s.amount = q->column_int(4);
    for (auto& code : worklist::split_codes(q->column_text(3)))
      if (std::find(s.carc.begin(), s.carc.end(), code) == s.carc.end()) s.carc.push_back(std::move(code));
  }
  q->reset();
  struct Tally {
    std::set<std::pair<std::string, std::string>> claims;
    std::int64_t amount = 0;
  };
  std::map<std::string, Tally> by_category, by_carc;
  for (const auto& [key, seen] : by_claim_category) {
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
    r.denials_by_category.push_back(DenialRate{category, config.category(category).label, t.claims.size(),
                                               model::Money::from_cents(t.amount), percent(t.claims.size(), adjudicated)});
  for (const auto& [code, t] : by_carc) {
    const auto* e = config.codes.carc.find(code);
    r.denials_by_carc.push_back(DenialRate{code, e != nullptr ? e->description : std::string("unknown code"),
                                           t.claims.size(), model::Money::from_cents(t.amount),
                                           percent(t.claims.size(), adjudicated)});
  }
  auto order = [](const DenialRate& a, const DenialRate& b) {
    return a.claims != b.claims ? a.claims > b.claims : a.key < b.key;
  };
  std::sort(r.denials_by_category.begin(), r.denials_by_category.end(), order);
  std::sort(r.denials_by_carc.begin(), r.denials_by_carc.end(), order);
}

void ar_aging(Connection& c, const rules::RulesConfig& config, model::Date today, BillingReport& r) {
  for (const auto& b : config.aging_buckets) r.ar_aging.push_back(AgingLine{b.label, 0, {}});
  if (r.ar_aging.empty()) r.ar_aging.push_back(AgingLine{"all", 0, {}});
  auto add = [&](model::Date from, std::int64_t cents) {
    const int age = from.empty() || today.empty() ? 0 : std::max(0, model::days_between(from, today));
    auto& bucket = r.ar_aging[std::min(config.aging_bucket_index(age), r.ar_aging.size() - 1)];
    ++bucket.claims;
    bucket.amount += model::Money::from_cents(cents);
    r.ar_total += model::Money::from_cents(cents);
  };
  // Claims with no remittance yet (or reversed and not corrected): the whole charge.
  auto waiting = c.prepare(std::string("SELECT c.submitted_at, c.billed_cents FROM claims c WHERE c.status IN "
                                       "('submitted', 'reversed') AND ") +
                           kLatestClaim);
  while (waiting->step()) add(date_of(waiting->column_text(0)), waiting->column_int(1));
  waiting->reset();
  // Active worklist items of adjudicated claims: the cents at stake, aged from submission.
  auto items = c.prepare(
      "SELECT i.amount_cents, i.reference_date, "
      "(SELECT c.submitted_at FROM claims c WHERE c.payer_id = i.payer_id AND c.claim_id = i.claim_id ORDER BY c.id DESC LIMIT 1), "
      "(SELECT c.status FROM claims c WHERE c.payer_id = i.payer_id AND c.claim_id = i.claim_id ORDER BY c.id DESC LIMIT 1) "
      "FROM worklist_items i WHERE i.status IN ('open', 'in_progress')");
  while (items->step()) {
    const std::string status = items->column_text(3);
    if (status == "submitted" || status == "reversed") continue;  // counted in full above
    const std::string submitted = items->column_text(2);
    add(submitted.empty() ? date_of(items->column_text(1)) : date_of(submitted), items->column_int(0));
  }
  items->reset();
}

void days_to_payment(Connection& c, BillingReport& r) {
  auto q = c.prepare(std::string(
                         "SELECT c.submitted_at, MIN(m.payment_date) FROM claims c "
                         "JOIN claim_payments p ON p.claim_row = c.id JOIN remittances m ON m.id = p.remittance_id "
                         "WHERE p.paid_cents > 0 AND p.reversal = 0 AND m.payment_date <> '' AND ") +
                     kLatestClaim + " GROUP BY c.id, c.submitted_at");
  std::int64_t total_days = 0;
  while (q->step()) {
    const auto sent = date_of(q->column_text(0));
    const auto paid = date_of(q->column_text(1));
    if (sent.empty() || paid.empty()) continue;
    // A payment dated before the claim was recorded (back-dated remittances, imported
    // history) counts as same-day rather than negative.
    total_days += std::max(0, model::days_between(sent, paid));
    ++r.paid_claims_timed;
  }
  q->reset();
  if (r.paid_claims_timed == 0) return;
  const auto n = static_cast<std::int64_t>(r.paid_claims_timed);
  r.average_days_to_payment = model::Decimal{(total_days * 20 + n) / (2 * n), 1};  // one decimal, half up
}

}  // namespace

BillingReport build_report(Connection& c, const rules::RulesConfig& config, model::Date today) {
  BillingReport r;
  r.as_of = today;
  std::map<std::string, PayerLine> lines;
  const bool posted = has_table(c, "claim_payments") && has_table(c, "remittances");
  claims_by_payer(c, lines);
  if (posted) payments_by_payer(c, lines, r);
  open_items_by_payer(c, lines);
  for (auto& [payer, line] : lines) {
    add_to(r.totals, line);
    r.payers.push_back(std::move(line));
  }
  r.totals.payer_id = "*";
  r.totals.payer_name = "all payers";
  denials(c, config, r);
  ar_aging(c, config, today, r);
  if (posted) days_to_payment(c, r);
  return r;
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
  json.key("ar_aging").begin_array();
  for (const auto& a : r.ar_aging) {
    json.begin_object();
    json.field("bucket", a.label);
    json.key("claims").unsigned_number(a.claims);
    json.field("amount_cents", a.amount.cents());
    json.end_object();
  }
  json.end_array();
  json.field("ar_total_cents", r.ar_total.cents());
  json.key("average_days_to_payment");
  if (r.average_days_to_payment) json.raw(r.average_days_to_payment->to_string());
  else json.null();
  json.key("paid_claims_timed").unsigned_number(r.paid_claims_timed);
  json.key("unmatched_payments").unsigned_number(r.unmatched_payments);
  json.field("unmatched_paid_cents", r.unmatched_paid.cents());
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
  for (const auto& a : r.ar_aging) {
    row("ar_aging", a.label, "claims", std::to_string(a.claims));
    row("ar_aging", a.label, "amount_cents", std::to_string(a.amount.cents()));
  }
  row("ar_aging", "*", "amount_cents", std::to_string(r.ar_total.cents()));
  row("payment", "*", "average_days_to_payment",
      r.average_days_to_payment ? r.average_days_to_payment->to_string() : std::string());
  row("payment", "*", "paid_claims_timed", std::to_string(r.paid_claims_timed));
  row("payment", "*", "unmatched_payments", std::to_string(r.unmatched_payments));
  row("payment", "*", "unmatched_paid_cents", std::to_string(r.unmatched_paid.cents()));
}

}  // namespace clearhouse::report
