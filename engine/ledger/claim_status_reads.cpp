#include "engine/ledger/claim_status_reads.hpp"

#include <set>

#include "engine/ledger/record_columns.hpp"
#include "engine/ledger/sql/list_statements.hpp"

namespace clearhouse::ledger {
namespace {

constexpr const char* kStatusClaimColumns =
    "c.id, c.batch_id, c.claim_id, c.payer_id, c.billing_npi, c.billed_cents, c.status, c.front_door_status, "
    "c.payer_claim_control_number, c.service_date_from, c.submitted_at";

StatusClaimRecord read_status_claim(const sql::Statement& q) {
  StatusClaimRecord r;
  r.row_id = q.column_int(0);
  r.batch_id = q.column_int(1);
  r.claim_id = q.column_text(2);
  r.payer_id = q.column_text(3);
  r.billing_npi = q.column_text(4);
  r.billed_cents = q.column_int(5);
  r.status = q.column_text(6);
  r.front_door_status = q.column_text(7);
  r.payer_claim_control_number = q.column_text(8);
  r.service_date_from = q.column_text(9);
  r.submitted_at = q.column_text(10);
  return r;
}

std::string claims_by_id_sql(std::size_t n) {
  return std::string("SELECT ") + kStatusClaimColumns + " FROM claims c WHERE c.payer_id = ? AND c.claim_id IN (" +
         sql::placeholders(n) + ") AND " + kLatestClaimRow;
}

std::string inquiries_by_trace_sql(std::size_t n) {
  return "SELECT id, claim_row, payer_id, claim_id, trace FROM status_inquiries WHERE trace IN (" +
         sql::placeholders(n) + ")";
}

std::string level_claims_sql(bool by_npi) {
  return std::string("SELECT ") + kStatusClaimColumns +
         " FROM claims c JOIN batches b ON b.id = c.batch_id WHERE b.sender_id = ? AND b.receiver_id = ? AND "
         "b.interchange_control_number = ? AND c.transaction_control_number = ?" +
         (by_npi ? " AND c.billing_npi = ?" : "") + " ORDER BY c.id";
}

}  // namespace

ClaimStatusReads::ClaimStatusReads(sql::Connection& connection)
    : c_(connection),
      posted_(c_.prepare("SELECT COUNT(*) FROM claim_status_reports WHERE payer_id = ? AND content_hash = ?")),
      level_claims_(c_.prepare(level_claims_sql(false))),
      level_claims_npi_(c_.prepare(level_claims_sql(true))),
      claims_by_id_(std::make_unique<sql::ListStatements>(c_, claims_by_id_sql)),
      inquiries_by_trace_(std::make_unique<sql::ListStatements>(c_, inquiries_by_trace_sql)),
      worklist_(c_) {}

ClaimStatusReads::~ClaimStatusReads() = default;

void ClaimStatusReads::read_claims(const std::string& payer_id, const std::vector<std::string>& claim_ids,
                                   ClaimStatusInputs& in) {
  sql::query_in_chunks(
      *claims_by_id_, std::span<const std::string>(claim_ids),
      [&](sql::Statement& q) {
        q.bind(1, payer_id);
        return 2;
      },
      [&](sql::Statement& q) {
        auto r = read_status_claim(q);
        auto key = PayerClaimKey(r.payer_id, r.claim_id);
        in.claims.insert_or_assign(std::move(key), std::move(r));
      });
}

ClaimStatusInputs ClaimStatusReads::read(const ClaimStatusQuery& query) {
  ClaimStatusInputs in;
  posted_->bind(1, query.payer_id).bind(2, query.content_hash);
  in.already_posted = posted_->single_int().value_or(0) != 0;
  if (in.already_posted) return in;

  // The inquiries first: the claims they name are read with the others.
  std::map<std::string, std::set<std::string>> wanted;
  for (const auto& [payer, ids] : query.claim_ids) wanted[payer].insert(ids.begin(), ids.end());
  if (!query.inquiry_traces.empty()) {
    sql::query_in_chunks(
        *inquiries_by_trace_, std::span<const std::string>(query.inquiry_traces), [](sql::Statement&) { return 1; },
        [&](sql::Statement& q) {
          InquiryRecord r;
          r.id = q.column_int(0);
          r.claim_row = q.column_int(1);
          r.payer_id = q.column_text(2);
          r.claim_id = q.column_text(3);
          r.trace = q.column_text(4);
          wanted[r.payer_id].insert(r.claim_id);
          auto trace = r.trace;
          in.inquiries.insert_or_assign(std::move(trace), std::move(r));
        });
  }
  for (const auto& [payer, ids] : wanted) read_claims(payer, std::vector<std::string>(ids.begin(), ids.end()), in);

  for (const auto& level : query.levels) {
    auto& q = level.billing_npi.empty() ? *level_claims_ : *level_claims_npi_;
    q.bind(1, level.sender_id).bind(2, level.receiver_id).bind(3, level.interchange_control_number);
    q.bind(4, level.transaction_control_number);
    if (!level.billing_npi.empty()) q.bind(5, level.billing_npi);
    auto& rows = in.level_claims.emplace_back();
    while (q.step()) rows.push_back(read_status_claim(q));
    q.reset();
  }

  // The worklist items of every claim found, by payer.
  std::map<std::string, std::set<std::string>> found;
  for (const auto& [key, claim] : in.claims) found[key.first].insert(key.second);
  for (const auto& rows : in.level_claims)
    for (const auto& r : rows) found[r.payer_id].insert(r.claim_id);
  for (const auto& [payer, ids] : found) {
    const std::vector<std::string> list(ids.begin(), ids.end());
    for (auto& [claim_id, item] : worklist_.items_with_open_findings(payer, list))
      in.items.insert_or_assign(PayerClaimKey(payer, claim_id), std::move(item));
  }
  return in;
}

}  // namespace clearhouse::ledger
