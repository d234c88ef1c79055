#include "engine/reconcile/remittance_poster.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/reconcile/balance.hpp"
#include "engine/reconcile/claim_matcher.hpp"
#include "engine/reconcile/posting_builder.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::reconcile {
namespace {

using model::Finding;
using model::FindingSeverity;
using model::Money;

std::string amount(Money m) { return model::to_display_amount(m); }

Finding claim_finding(const model::Remittance& r, const model::ClaimPayment& c, std::string rule,
                      std::string_view category, FindingSeverity severity) {
  Finding f;
  f.rule = std::move(rule);
  f.category = std::string(category);
  f.severity = severity;
  f.claim_id = c.patient_control_number;
  f.payer_id = r.payer_id();
  f.trace_number = r.trace.reference;
  f.location.transaction = r.control_number;
  f.location.segment = c.segment;
  f.location.offset = c.offset;
  f.location.segment_id = "CLP";
  f.location.loop = "2100";
  return f;
}

// Findings about how a claim payment matched (or did not).
void matching_findings(const model::Remittance& r, const model::ClaimPayment& c, const ClaimMatch& match,
                       std::vector<Finding>& out) {
  if (match.claim == nullptr) {
    auto f = claim_finding(r, c, match.ambiguous ? "match.ambiguous_claim" : "match.unmatched_claim",
                           model::finding_category::unmatched, FindingSeverity::error);
    f.amount = c.paid;
    f.message = match.ambiguous
                    ? fmt::format("claim id {} was submitted to several other payers, none of them payer {}; "
                                  "posted as unmatched",
                                  c.patient_control_number, r.payer_id())
                    : fmt::format("no submitted claim with id {} for payer {}; posted as unmatched",
                                  c.patient_control_number, r.payer_id());
    f.action = "find the claim this payment belongs to and post it by hand, or ask the payer";
    out.push_back(std::move(f));
    return;
  }
  if (match.payer_differs) {
    auto f = claim_finding(r, c, "match.payer_differs", model::finding_category::unmatched, FindingSeverity::warning);
    f.message = fmt::format("claim {} was submitted to payer {} but paid by payer {}; matched by claim id",
                            c.patient_control_number, match.claim->payer_id, r.payer_id());
    f.action = "check that the payer ids in the 837 and the 835 name the same payer";
    out.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    if (match.lines[i].kind != LineMatchKind::none) continue;
    const auto& line = c.lines[i];
    auto f = claim_finding(r, c, "match.unmatched_line", model::finding_category::unmatched, FindingSeverity::error);
    f.line_number = static_cast<int>(i + 1);
    f.line_control_number = line.line_control_number;
    f.amount = line.paid;
    f.message = fmt::format("service line {} ({}, billed {}) matches no submitted line of claim {}",
                            i + 1, line.billed_procedure().to_string(), amount(line.billed), c.patient_control_number);
    f.action = "check the line control number, procedure, date and charge against what was submitted";
    f.location.segment = line.segment;
    f.location.segment_id = "SVC";
    f.location.loop = "2110";
    out.push_back(std::move(f));
  }
}

// Each finding about a claim belongs to the claim payment whose CLP precedes its segment.
std::vector<std::pair<std::size_t, std::int64_t>> finding_payments(const std::vector<Finding>& findings,
                                                                   const std::vector<model::Posting>& postings) {
  std::vector<std::pair<std::size_t, std::int64_t>> out;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    if (f.claim_id.empty() || f.location.segment == 0) continue;
    const model::Posting* owner = nullptr;
    for (const auto& p : postings)
      if (p.segment <= f.location.segment && (owner == nullptr || p.segment > owner->segment)) owner = &p;
    if (owner != nullptr && owner->id != 0) out.emplace_back(i, owner->id);
  }
  return out;
}

}  // namespace

std::string content_hash_hex(std::uint64_t hash) { return fmt::format("{:016x}", hash); }

RemittancePoster::RemittancePoster(ledger::Ledger& ledger, std::string source_name)
    : ledger_(ledger), store_(ledger.connection()), source_name_(std::move(source_name)) {}

RemittanceOutcome RemittancePoster::post(const model::Remittance& r) {
  RemittanceOutcome out;
  out.claims = r.claims.size();
  if (!r.complete) {
    out.result = RemittanceOutcome::Result::not_posted;
    out.findings = r.findings;
    return out;
  }
  const std::string payer_id = r.payer_id();
  const std::string trace = r.trace.reference.empty() ? "hash:" + content_hash_hex(r.content_hash) : r.trace.reference;
  const std::string hash = content_hash_hex(r.content_hash);

  auto& connection = ledger_.connection();
  ledger::sql::Transaction tx(connection);
  ledger::RemittanceRow row;
  row.payer_id = payer_id;
  row.trace_number = trace;
  row.content_hash = hash;
  row.payer_name = r.payer.party.last_or_organization;
  row.payee_id = r.payee.party.id;
  row.interchange_control_number = r.interchange_control_number;
  row.transaction_control_number = r.control_number;
  row.handling_code = r.payment.handling_code.str();
  row.payment_method = r.payment.method.str();
  row.payment_cents = r.payment.total.cents();
  row.payment_date = r.payment.payment_date.empty() ? std::string() : r.payment.payment_date.to_iso();
  row.claim_count = static_cast<std::int64_t>(r.claims.size());
  row.paid_cents = r.claim_paid_total().cents();
  row.provider_adjustment_cents = r.provider_adjustment_total().cents();
  row.source_name = source_name_;
  row.posted_at = util::utc_timestamp_now();
  const bool other_content = store_.trace_posted_with_other_content(payer_id, trace, hash);
  const auto remittance_row = store_.insert_remittance(row);

  // The submitted claims this remittance answers, looked up once for all its CLPs.
  std::vector<std::string> claim_ids;
  claim_ids.reserve(r.claims.size());
  for (const auto& c : r.claims) claim_ids.push_back(c.patient_control_number);
  std::sort(claim_ids.begin(), claim_ids.end());
  claim_ids.erase(std::unique(claim_ids.begin(), claim_ids.end()), claim_ids.end());
  const auto submitted = store_.submitted_claims(claim_ids);
  std::multimap<std::string_view, const ledger::ClaimRecord*> by_claim_id;
  for (const auto& s : submitted) by_claim_id.emplace(s.claim_id, &s);

  std::vector<ClaimMatch> matches;
  matches.reserve(r.claims.size());
  for (const auto& c : r.claims) {
    std::vector<const ledger::ClaimRecord*> candidates;
    auto [first, last] = by_claim_id.equal_range(c.patient_control_number);
    for (auto it = first; it != last; ++it) candidates.push_back(it->second);
    matches.push_back(match_claim(c, payer_id, candidates));
    if (matches.back().claim != nullptr) ++out.matched;
    else ++out.unmatched;
  }

  if (!remittance_row) {
    // Already posted: nothing changes, nothing to report again.
    out.result = RemittanceOutcome::Result::already_posted;
    return out;  // the transaction rolls back (it wrote nothing)
  }
  out.result = RemittanceOutcome::Result::posted;
  out.remittance_row = *remittance_row;

  std::vector<Finding> findings = r.findings;
  out.unbalanced = check_balance(r, findings).total();
  if (other_content) {
    Finding f;
    f.rule = "post.trace_reused";
    f.category = model::finding_category::duplicate;
    f.payer_id = payer_id;
    f.trace_number = r.trace.reference;
    f.amount = r.payment.total;
    f.message = fmt::format("payer {} trace number {} was posted before with different content; this remittance "
                            "was posted too (the earlier one is unchanged)",
                            payer_id, r.trace.reference);
    f.action = "compare the two remittances: a corrected resend may double a payment";
    f.location.transaction = r.control_number;
    f.location.segment = r.segment;
    f.location.segment_id = "TRN";
    findings.push_back(std::move(f));
  }

  out.postings.reserve(r.claims.size());
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    matching_findings(r, r.claims[i], matches[i], findings);
    out.postings.push_back(build_posting(r.claims[i], matches[i], payer_id, static_cast<int>(i + 1)));
  }

  // Reversals: the payment undone is found by payer claim control number, first among the
  // earlier claims of this remittance, then in the ledger.
  std::vector<std::string> reversed_numbers;
  for (const auto& p : out.postings)
    if (p.reversal && !p.payer_claim_control_number.empty()) reversed_numbers.push_back(p.payer_claim_control_number);
  std::vector<ledger::PaymentRecord> earlier;
  if (!reversed_numbers.empty()) earlier = store_.open_payments_by_control_number(payer_id, reversed_numbers);
  store_.insert_postings(*remittance_row, out.postings);
  std::vector<std::pair<std::int64_t, std::int64_t>> links;
  std::set<std::int64_t> undone;
  for (std::size_t i = 0; i < out.postings.size(); ++i) {
    auto& p = out.postings[i];
    if (!p.reversal) continue;
    std::int64_t original = 0;
    std::int64_t original_paid = 0;
    for (std::size_t j = i; j-- > 0;) {
      const auto& q = out.postings[j];
      if (!q.reversal && q.payer_claim_control_number == p.payer_claim_control_number && !undone.count(q.id)) {
        original = q.id;
        original_paid = q.paid.cents();
        break;
      }
    }
    if (original == 0) {
      for (const auto& e : earlier) {
        if (e.payer_claim_control_number == p.payer_claim_control_number && !undone.count(e.row_id)) {
          original = e.row_id;
          original_paid = e.paid_cents;
          break;
        }
      }
    }
    const auto& claim = r.claims[i];
    if (original == 0) {
      auto f = claim_finding(r, claim, "post.reversal_without_original", model::finding_category::reversal,
                             FindingSeverity::warning);
      f.amount = claim.paid;
      f.message = fmt::format("reversal of claim {} (payer claim control number {}): no earlier payment with that "
                              "number is in the ledger; the reversal is recorded as it stands",
                              claim.patient_control_number, claim.payer_claim_control_number);
      f.action = "find the original payment (posted elsewhere or before this ledger) and reconcile by hand";
      findings.push_back(std::move(f));
      continue;
    }
    undone.insert(original);
    p.reverses = original;
    links.emplace_back(p.id, original);
    if (p.paid.cents() != -original_paid) {
      auto f = claim_finding(r, claim, "post.reversal_amount_differs", model::finding_category::reversal,
                             FindingSeverity::warning);
      f.amount = p.paid + Money::from_cents(original_paid);
      f.message = fmt::format("reversal of claim {} takes back {} but the payment it reverses paid {}",
                              claim.patient_control_number, amount(-p.paid), amount(Money::from_cents(original_paid)));
      f.action = "check the reversal against the original payment";
      findings.push_back(std::move(f));
    }
  }
  store_.link_reversals(links);

  // Each matched claim ends in the status of its last payment here (a correction after a
  // reversal wins); payments that do not move a claim leave it as it is.
  std::map<std::int64_t, model::ClaimStatus> statuses;
  for (const auto& p : out.postings)
    if (p.matched && p.claim_status) statuses[p.claim_row] = *p.claim_status;
  store_.update_claim_statuses(std::vector<std::pair<std::int64_t, model::ClaimStatus>>(statuses.begin(), statuses.end()));

  store_.insert_provider_adjustments(*remittance_row, r.provider_adjustments);
  store_.insert_findings(*remittance_row, findings, finding_payments(findings, out.postings));
  if (before_commit_) before_commit_(r, out.postings, findings);
  tx.commit();
  refresh_statistics(out.postings.size());

  for (const auto& p : out.postings) {
    ++out.written;
    if (p.matched) ++out.posted;
    out.paid += p.paid;
    out.patient_responsibility += p.adjustments.patient_responsibility();
    out.adjustments += p.adjustments.non_patient();
  }
  out.provider_adjustments = r.provider_adjustment_total();
  out.findings = std::move(findings);
  return out;
}

// A long post into fresh payment tables would otherwise look reversals up by scanning every
// payment written so far (see sql::Connection::refresh_statistics). Refreshed when the payments
// written pass 10,000, 40,000, 160,000, ... (row estimates scale with the table's size in between).
void RemittancePoster::refresh_statistics(std::size_t written) {
  written_ += written;
  if (written_ < next_analyze_at_) return;
  next_analyze_at_ *= 4;
  ledger_.connection().refresh_statistics("claim_payments");
}

}  // namespace clearhouse::reconcile
