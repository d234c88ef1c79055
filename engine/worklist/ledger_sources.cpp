#include "engine/worklist/ledger_sources.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <optional>
#include <span>

#include "engine/ledger/adjustment_columns.hpp"
#include "engine/ledger/sql/list_statements.hpp"

namespace clearhouse::worklist {
namespace {

model::Posting read_posting(const ledger::sql::Statement& q) {
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
  p.adjustments = ledger::read_adjustment_totals(q, 11);
  p.claim_row = q.column_is_null(19) ? 0 : q.column_int(19);
  p.matched = p.claim_row != 0;
  return p;
}

constexpr const char* kPostingColumns =
    "p.id, p.claim_id, p.payer_id, p.payer_claim_control_number, p.status_code, p.claim_status, p.reversal, "
    "p.reverses, p.billed_cents, p.paid_cents, p.patient_responsibility_cents, p.contractual_cents, "
    "p.deductible_cents, p.coinsurance_cents, p.copay_cents, p.other_patient_cents, p.other_adjustment_cents, "
    "p.payer_initiated_cents, p.unclassified_cents, p.claim_row";

// The remittance's payment date, else the day it was posted (columns `first` and `first + 1`).
model::Date remittance_day(const ledger::sql::Statement& q, int first) {
  for (int column : {first, first + 1}) {
    const std::string text = q.column_text(column);
    if (text.size() < 10) continue;
    if (const auto d = model::Date::parse_iso(std::string_view(text).substr(0, 10))) return *d;
  }
  return {};
}

// Every posting of many claims with its remittance's dates (columns 20, 21; 22 is NULL when the
// remittance row is missing, which the single-claim date query's inner join skips).
std::string histories_query(std::size_t n) {
  return fmt::format(
      "SELECT {}, r.payment_date, r.posted_at, r.id FROM claim_payments p LEFT JOIN remittances r "
      "ON r.id = p.remittance_id WHERE p.payer_id = ? AND p.claim_id IN ({}) ORDER BY p.id",
      kPostingColumns, ledger::sql::placeholders(n));
}

// What the functions share: statements prepared once, and what prefetch read for one payer.
// Each prefetched answer is handed out once (moved out); a second ask reads the database.
struct LedgerReads {
  explicit LedgerReads(ledger::Ledger& l) : ledger(l) {}
  ledger::Ledger& ledger;
  std::unique_ptr<ledger::sql::Statement> history, last;
  std::unique_ptr<ledger::sql::ListStatements> histories;
  std::string payer;
  std::map<std::string, std::optional<ledger::ClaimRecord>, std::less<>> submitted;
  std::map<std::string, std::vector<model::Posting>, std::less<>> posted;
  std::map<std::string, model::Date, std::less<>> last_posted;

  template <typename Map>
  typename Map::mapped_type* cached(Map& map, std::string_view payer_id, std::string_view claim_id) {
    if (payer_id != payer) return nullptr;
    const auto it = map.find(claim_id);
    return it == map.end() ? nullptr : &it->second;
  }
  template <typename Map>
  void forget(Map& map, std::string_view claim_id) {
    if (const auto it = map.find(claim_id); it != map.end()) map.erase(it);
  }

  void prefetch(std::string_view payer_id, std::span<const std::string> claim_ids) {
    payer.assign(payer_id);
    submitted.clear();
    posted.clear();
    last_posted.clear();
    if (claim_ids.empty()) return;
    for (const auto& id : claim_ids) {
      submitted.try_emplace(id);
      posted.try_emplace(id);
      last_posted.try_emplace(id);
    }
    for (auto& [id, claim] : ledger.find_claims(payer_id, claim_ids)) submitted[id] = std::move(claim);
    if (!histories) histories = std::make_unique<ledger::sql::ListStatements>(ledger.connection(), histories_query);
    ledger::sql::query_in_chunks(
        *histories, claim_ids,
        [&](ledger::sql::Statement& q) {
          q.bind(1, payer_id);
          return 2;
        },
        [&](ledger::sql::Statement& q) {
          auto p = read_posting(q);
          // Rows come by id: the last one with a remittance is the claim's latest.
          if (!q.column_is_null(22)) last_posted[p.claim_id] = remittance_day(q, 20);
          posted[p.claim_id].push_back(std::move(p));
        });
  }
};

}  // namespace

ReviewSources ledger_review_sources(ledger::Ledger& ledger) {
  ReviewSources s;
  // Statements and prefetched rows are shared by the copies of the functions.
  auto reads = std::make_shared<LedgerReads>(ledger);
  s.prefetch = [reads](std::string_view payer, std::span<const std::string> claims) { reads->prefetch(payer, claims); };
  s.submitted = [reads](std::string_view payer, std::string_view claim) -> std::optional<ledger::ClaimRecord> {
    if (auto* hit = reads->cached(reads->submitted, payer, claim)) {
      auto out = std::move(*hit);
      reads->forget(reads->submitted, claim);
      return out;
    }
    return reads->ledger.find_claim(payer, claim);
  };
  s.history = [reads](std::string_view payer, std::string_view claim) {
    if (auto* hit = reads->cached(reads->posted, payer, claim)) {
      auto out = std::move(*hit);
      reads->forget(reads->posted, claim);
      return out;
    }
    if (!reads->history)
      reads->history = reads->ledger.connection().prepare(fmt::format(
          "SELECT {} FROM claim_payments p WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY p.id", kPostingColumns));
    auto& q = *reads->history;
    q.bind(1, payer).bind(2, claim);
    std::vector<model::Posting> out;
    while (q.step()) out.push_back(read_posting(q));
    q.reset();
    return out;
  };
  s.last_posted_on = [reads](std::string_view payer, std::string_view claim) {
    if (auto* hit = reads->cached(reads->last_posted, payer, claim)) {
      const auto out = *hit;
      reads->forget(reads->last_posted, claim);
      return out;
    }
    if (!reads->last)
      reads->last = reads->ledger.connection().prepare(
          "SELECT r.payment_date, r.posted_at FROM claim_payments p JOIN remittances r ON r.id = p.remittance_id "
          "WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY p.id DESC LIMIT 1");
    auto& q = *reads->last;
    q.bind(1, payer).bind(2, claim);
    model::Date date;
    if (q.step()) date = remittance_day(q, 0);
    q.reset();
    return date;
  };
  return s;
}

}  // namespace clearhouse::worklist
