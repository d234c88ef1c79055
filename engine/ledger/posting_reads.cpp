#include "engine/ledger/posting_reads.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/ledger/adjustment_columns.hpp"
#include "engine/ledger/record_columns.hpp"
#include "engine/ledger/sql/list_statements.hpp"
#include "engine/model/remittance.hpp"

namespace clearhouse::ledger {
namespace {

using sql::ListStatements;
using sql::placeholders;
using sql::Statement;

constexpr const char* kPostingColumns =
    "p.id, p.claim_id, p.payer_id, p.payer_claim_control_number, p.status_code, p.claim_status, p.reversal, "
    "p.reverses, p.billed_cents, p.paid_cents, p.patient_responsibility_cents, p.contractual_cents, "
    "p.deductible_cents, p.coinsurance_cents, p.copay_cents, p.other_patient_cents, p.other_adjustment_cents, "
    "p.payer_initiated_cents, p.unclassified_cents, p.claim_row";

model::Posting read_posting(const Statement& q) {
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
  p.adjustments = read_adjustment_totals(q, 11);
  p.claim_row = q.column_is_null(19) ? 0 : q.column_int(19);
  p.matched = p.claim_row != 0;
  return p;
}

// The remittance's payment date, else the day it was posted (columns `first` and `first + 1`).
model::Date remittance_day(const Statement& q, int first) {
  return model::remittance_date(q.column_text(first), q.column_text(first + 1));
}

// Every posting of many claims with its remittance's dates (columns 20, 21; 22 is NULL when the
// remittance row is missing, which the single-claim date query's inner join skips).
std::string histories_query(std::size_t n) {
  return fmt::format(
      "SELECT {}, r.payment_date, r.posted_at, r.id FROM claim_payments p LEFT JOIN remittances r "
      "ON r.id = p.remittance_id WHERE p.payer_id = ? AND p.claim_id IN ({}) ORDER BY p.id",
      kPostingColumns, placeholders(n));
}

std::string claims_query(std::size_t n) {
  return fmt::format("SELECT id, claim_id, payer_id, billed_cents, payer_level, status FROM claims WHERE claim_id IN ({})",
                     placeholders(n));
}

std::string lines_query(std::size_t n) {
  return fmt::format("SELECT {} FROM service_lines WHERE claim_row IN ({}) ORDER BY claim_row, line_number",
                     kLineColumns, placeholders(n));
}

std::string open_payments_query(std::size_t n) {
  return fmt::format(
      "SELECT id, claim_row, claim_id, payer_claim_control_number, billed_cents, paid_cents FROM claim_payments "
      "WHERE payer_id = ? AND payer_claim_control_number IN ({}) AND reversal = 0 AND reversed_by IS NULL "
      "ORDER BY id DESC",
      placeholders(n));
}

}  // namespace

struct PostingReads::Statements {
  explicit Statements(sql::Connection& c)
      : claims(c, claims_query), lines(c, lines_query), payments(c, open_payments_query), histories(c, histories_query) {}
  ListStatements claims, lines, payments, histories;
  std::unique_ptr<Statement> key, history, last;
};

PostingReads::PostingReads(Ledger& ledger)
    : ledger_(ledger), statements_(std::make_unique<Statements>(ledger.connection())), items_(ledger.connection()) {}
PostingReads::~PostingReads() = default;

PostingInputs PostingReads::read(const PostingQuery& query) {
  PostingInputs in;
  auto& key = statements_->key;
  if (!key) key = ledger_.connection().prepare("SELECT content_hash FROM remittances WHERE payer_id = ? AND trace_number = ?");
  key->bind(1, query.payer_id).bind(2, query.trace_number);
  while (key->step()) {
    if (key->column_text(0) == query.content_hash) in.already_posted = true;
    else in.trace_posted_with_other_content = true;
  }
  key->reset();
  in.submitted = submitted_claims(query.claim_ids);
  if (in.already_posted) return in;  // matching is all that is reported about it

  if (!query.reversed_control_numbers.empty()) {
    sql::query_in_chunks(
        statements_->payments, std::span<const std::string>(query.reversed_control_numbers),
        [&](Statement& q) {
          q.bind(1, query.payer_id);
          return 2;
        },
        [&](Statement& q) {
          PaymentRecord p;
          p.row_id = q.column_int(0);
          p.claim_row = q.column_is_null(1) ? 0 : q.column_int(1);
          p.claim_id = q.column_text(2);
          p.payer_claim_control_number = q.column_text(3);
          p.billed_cents = q.column_int(4);
          p.paid_cents = q.column_int(5);
          in.open_payments.push_back(std::move(p));
        });
    std::sort(in.open_payments.begin(), in.open_payments.end(),
              [](const auto& a, const auto& b) { return a.row_id > b.row_id; });
  }
  if (!query.review) return in;
  in.latest_claims = ledger_.find_claims(query.payer_id, query.claim_ids);
  histories(query.payer_id, query.claim_ids, in.histories);
  in.items = items_.items_with_open_findings(query.payer_id, query.item_claim_ids);
  return in;
}

std::vector<ClaimRecord> PostingReads::submitted_claims(std::span<const std::string> claim_ids) {
  std::vector<ClaimRecord> out;
  if (claim_ids.empty()) return out;
  const auto no_leading = [](Statement&) { return 1; };
  sql::query_in_chunks(statements_->claims, claim_ids, no_leading, [&](Statement& q) {
    ClaimRecord c;
    c.row_id = q.column_int(0);
    c.claim_id = q.column_text(1);
    c.payer_id = q.column_text(2);
    c.billed_cents = q.column_int(3);
    c.payer_level = q.column_text(4);
    c.status = q.column_text(5);
    out.push_back(std::move(c));
  });
  if (out.empty()) return out;
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.row_id < b.row_id; });
  out.erase(std::unique(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.row_id == b.row_id; }),
            out.end());
  // Lines of every claim found, attached by claim row.
  std::vector<std::int64_t> rows;
  rows.reserve(out.size());
  for (const auto& c : out) rows.push_back(c.row_id);
  sql::query_in_chunks(statements_->lines, std::span<const std::int64_t>(rows), no_leading, [&](Statement& q) {
    const std::int64_t claim_row = q.column_int(9);
    auto it = std::lower_bound(out.begin(), out.end(), claim_row,
                               [](const ClaimRecord& c, std::int64_t row) { return c.row_id < row; });
    if (it != out.end() && it->row_id == claim_row) it->lines.push_back(read_line(q));
  });
  return out;
}

void PostingReads::histories(std::string_view payer_id, std::span<const std::string> claim_ids,
                             std::map<std::string, std::vector<model::Posting>, std::less<>>& postings,
                             std::map<std::string, model::Date, std::less<>>* last_posted) {
  if (claim_ids.empty()) return;
  sql::query_in_chunks(
      statements_->histories, claim_ids,
      [&](Statement& q) {
        q.bind(1, payer_id);
        return 2;
      },
      [&](Statement& q) {
        auto p = read_posting(q);
        // Rows come by id: the last one with a remittance is the claim's latest.
        if (last_posted != nullptr && !q.column_is_null(22)) (*last_posted)[p.claim_id] = remittance_day(q, 20);
        postings[p.claim_id].push_back(std::move(p));
      });
}

std::vector<model::Posting> PostingReads::history(std::string_view payer_id, std::string_view claim_id) {
  auto& q = statements_->history;
  if (!q)
    q = ledger_.connection().prepare(fmt::format(
        "SELECT {} FROM claim_payments p WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY p.id", kPostingColumns));
  q->bind(1, payer_id).bind(2, claim_id);
  std::vector<model::Posting> out;
  while (q->step()) out.push_back(read_posting(*q));
  q->reset();
  return out;
}

model::Date PostingReads::last_posted_on(std::string_view payer_id, std::string_view claim_id) {
  auto& q = statements_->last;
  if (!q)
    q = ledger_.connection().prepare(
        "SELECT r.payment_date, r.posted_at FROM claim_payments p JOIN remittances r ON r.id = p.remittance_id "
        "WHERE p.payer_id = ? AND p.claim_id = ? ORDER BY p.id DESC LIMIT 1");
  q->bind(1, payer_id).bind(2, claim_id);
  model::Date date;
  if (q->step()) date = remittance_day(*q, 0);
  q->reset();
  return date;
}

}  // namespace clearhouse::ledger
