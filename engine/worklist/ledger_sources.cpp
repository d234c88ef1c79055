#include "engine/worklist/ledger_sources.hpp"

#include <memory>

namespace clearhouse::worklist {
namespace {

model::Posting read_posting(ledger::sql::Statement& q) {
  model::Posting p;
  p.id = q.column_int(0);
  p.claim_id = q.column_text(1);
  p.payer_id = q.column_text(2);
  p.payer_claim_control_number = q.column_text(3);
  p.status_code = model::Code(q.column_text(4));
  p.claim_status = model::claim_status_from_string(q.column_text(5));
  p.reversal = q.column_int(6) != 0;
  p.reverses = q.column_is_null(7) ? 0 : q.column_int(7);
  p.billed = model::Money::from_cents(q.column_int(8));
  p.paid = model::Money::from_cents(q.column_int(9));
  p.patient_responsibility = model::Money::from_cents(q.column_int(10));
  auto& a = p.adjustments;
  a.contractual = model::Money::from_cents(q.column_int(11));
  a.deductible = model::Money::from_cents(q.column_int(12));
  a.coinsurance = model::Money::from_cents(q.column_int(13));
  a.copay = model::Money::from_cents(q.column_int(14));
  a.other_patient = model::Money::from_cents(q.column_int(15));
  a.other = model::Money::from_cents(q.column_int(16));
  a.payer_initiated = model::Money::from_cents(q.column_int(17));
  a.unclassified = model::Money::from_cents(q.column_int(18));
  p.claim_row = q.column_is_null(19) ? 0 : q.column_int(19);
  p.matched = p.claim_row != 0;
  return p;
}

}  // namespace

ReviewSources ledger_review_sources(ledger::Ledger& ledger) {
  ReviewSources s;
  s.submitted = [&ledger](std::string_view payer, std::string_view claim) { return ledger.find_claim(payer, claim); };
  // Statements are prepared once and shared by the copies of the functions.
  auto history = std::make_shared<std::unique_ptr<ledger::sql::Statement>>();
  s.history = [&ledger, history](std::string_view payer, std::string_view claim) {
    if (!*history)
      *history = ledger.connection().prepare(
          "SELECT id, claim_id, payer_id, payer_claim_control_number, status_code, claim_status, reversal, reverses, "
          "billed_cents, paid_cents, patient_responsibility_cents, contractual_cents, deductible_cents, "
          "coinsurance_cents, copay_cents, other_patient_cents, other_adjustment_cents, payer_initiated_cents, "
          "unclassified_cents, claim_row FROM claim_payments WHERE payer_id = ? AND claim_id = ? ORDER BY id");
    auto& q = **history;
    q.bind(1, payer).bind(2, claim);
    std::vector<model::Posting> out;
    while (q.step()) out.push_back(read_posting(q));
    q.reset();
    return out;
  };
  auto last = std::make_shared<std::unique_ptr<ledger::sql::Statement>>();
  s.last_posted_on = [&ledger, last](std::string_view payer, std::string_view claim) {
    if (!*last)
      *last = ledger.connection().prepare(
          "SELECT r.payment_date, r.posted_at FROM claim_payments p JOIN remittances r ON r.id = p.remittance_id "
          "WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY p.id DESC LIMIT 1");
    auto& q = **last;
    q.bind(1, payer).bind(2, claim);
    model::Date date;
    if (q.step()) {
      for (int column : {0, 1}) {
        const std::string text = q.column_text(column);
        if (text.size() < 10) continue;
        if (const auto d = model::Date::parse_iso(std::string_view(text).substr(0, 10))) {
          date = *d;
          break;
        }
      }
    }
    q.reset();
    return date;
  };
  return s;
}

}  // namespace clearhouse::worklist
