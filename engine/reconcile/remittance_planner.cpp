#include "engine/reconcile/remittance_planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/reconcile/balance.hpp"
#include "engine/reconcile/claim_matcher.hpp"
#include "engine/reconcile/posting_builder.hpp"
#include "engine/worklist/remittance_review.hpp"

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
std::vector<std::int64_t> finding_postings(const std::vector<Finding>& findings,
                                           const std::vector<model::Posting>& postings) {
  std::vector<std::int64_t> out(findings.size(), 0);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    if (f.claim_id.empty() || f.location.segment == 0) continue;
    const model::Posting* owner = nullptr;
    for (const auto& p : postings)
      if (p.segment <= f.location.segment && (owner == nullptr || p.segment > owner->segment)) owner = &p;
    if (owner != nullptr) out[i] = owner->id;
  }
  return out;
}

// A posting as the ledger records it in a claim's history (claim level only): what the rules
// read back once it is written.
model::Posting as_recorded(const model::Posting& p) {
  model::Posting h;
  h.id = p.id;
  h.claim_id = p.claim_id;
  h.payer_id = p.payer_id;
  h.payer_claim_control_number = p.payer_claim_control_number;
  h.status_code = p.status_code;
  h.claim_status = p.claim_status;
  h.reversal = p.reversal;
  h.reverses = p.reverses;
  h.billed = p.billed;
  h.paid = p.paid;
  h.patient_responsibility = p.patient_responsibility;
  h.adjustments = p.adjustments;
  h.claim_row = p.claim_row;
  h.matched = p.claim_row != 0;
  return h;
}

Finding trace_reused_finding(const model::Remittance& r, const std::string& payer_id) {
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
  return f;
}

// Reversals: the payment undone is found by payer claim control number, first among the
// earlier claims of this set (provisional ids), then in the ledger (its ids). Sets reverses.
void pair_reversals(const model::Remittance& r, std::vector<model::Posting>& postings,
                    const std::vector<ledger::PaymentRecord>& earlier, std::vector<Finding>& findings) {
  std::set<std::int64_t> undone;  // provisional (negative) and ledger (positive) ids never collide
  for (std::size_t i = 0; i < postings.size(); ++i) {
    auto& p = postings[i];
    if (!p.reversal) continue;
    std::int64_t original = 0;
    std::int64_t original_paid = 0;
    for (std::size_t j = i; j-- > 0;) {
      const auto& q = postings[j];
      if (!q.reversal && q.payer_claim_control_number == p.payer_claim_control_number && !undone.count(q.id)) {
        original = q.id;
        original_paid = q.paid.cents();
        break;
      }
    }
    if (original == 0 && !p.payer_claim_control_number.empty()) {
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
}

}  // namespace

std::string content_hash_hex(std::uint64_t hash) { return fmt::format("{:016x}", hash); }

std::string recorded_trace_number(const model::Remittance& r) {
  return r.trace.reference.empty() ? "hash:" + content_hash_hex(r.content_hash) : r.trace.reference;
}

ledger::PostingQuery posting_query(const model::Remittance& r, bool review) {
  ledger::PostingQuery q;
  q.payer_id = r.payer_id();
  q.trace_number = recorded_trace_number(r);
  q.content_hash = content_hash_hex(r.content_hash);
  q.claim_ids.reserve(r.claims.size());
  for (const auto& c : r.claims) {
    q.claim_ids.push_back(c.patient_control_number);
    if (c.status_code == "22" && !c.payer_claim_control_number.empty())
      q.reversed_control_numbers.push_back(c.payer_claim_control_number);
  }
  std::sort(q.claim_ids.begin(), q.claim_ids.end());
  q.claim_ids.erase(std::unique(q.claim_ids.begin(), q.claim_ids.end()), q.claim_ids.end());
  q.review = review;
  if (review) {
    q.item_claim_ids = q.claim_ids;
    q.item_claim_ids.push_back(worklist::remittance_item_key(r));
  }
  return q;
}

model::PostingPlan plan_remittance(const model::Remittance& r, ledger::PostingInputs inputs, const PlanContext& context) {
  model::PostingPlan plan;
  plan.at = context.now;
  if (!r.complete) {
    plan.result = model::PostingPlan::Result::not_posted;
    plan.findings = r.findings;
    return plan;
  }
  const std::string payer_id = r.payer_id();
  auto& row = plan.remittance;
  row.payer_id = payer_id;
  row.trace_number = recorded_trace_number(r);
  row.content_hash = content_hash_hex(r.content_hash);
  row.payer_name = r.payer.party.last_or_organization;
  row.payee_id = r.payee.party.id;
  row.interchange_control_number = r.interchange_control_number;
  row.transaction_control_number = r.control_number;
  row.handling_code = r.payment.handling_code.str();
  row.payment_method = r.payment.method.str();
  row.payment = r.payment.total;
  row.payment_date = r.payment.payment_date.empty() ? std::string() : r.payment.payment_date.to_iso();
  row.claim_count = static_cast<std::int64_t>(r.claims.size());
  row.paid = r.claim_paid_total();
  row.provider_adjustments = r.provider_adjustment_total();
  row.source_name = context.source_name;
  row.posted_at = context.now;

  // The submitted claims this remittance answers.
  std::multimap<std::string_view, const ledger::ClaimRecord*> by_claim_id;
  for (const auto& s : inputs.submitted) by_claim_id.emplace(s.claim_id, &s);
  std::vector<ClaimMatch> matches;
  matches.reserve(r.claims.size());
  for (const auto& c : r.claims) {
    std::vector<const ledger::ClaimRecord*> candidates;
    auto [first, last] = by_claim_id.equal_range(c.patient_control_number);
    for (auto it = first; it != last; ++it) candidates.push_back(it->second);
    matches.push_back(match_claim(c, payer_id, candidates));
    if (matches.back().claim != nullptr) ++plan.matched;
    else ++plan.unmatched;
  }
  if (inputs.already_posted) {
    plan.result = model::PostingPlan::Result::already_posted;  // nothing changes, nothing to report again
    return plan;
  }
  plan.result = model::PostingPlan::Result::post;

  auto& findings = plan.findings;
  findings = r.findings;
  plan.unbalanced = check_balance(r, findings).total();
  if (inputs.trace_posted_with_other_content) findings.push_back(trace_reused_finding(r, payer_id));

  plan.postings.reserve(r.claims.size());
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    matching_findings(r, r.claims[i], matches[i], findings);
    plan.postings.push_back(build_posting(r.claims[i], matches[i], payer_id, static_cast<int>(i + 1)));
    plan.postings.back().id = model::provisional_posting_id(i);
  }
  pair_reversals(r, plan.postings, inputs.open_payments, findings);

  // Each matched claim ends in the status of its last payment here (a correction after a
  // reversal wins); payments that do not move a claim leave it as it is.
  std::map<std::int64_t, model::ClaimStatus> statuses;
  for (const auto& p : plan.postings)
    if (p.matched && p.claim_status) statuses[p.claim_row] = *p.claim_status;
  plan.claim_statuses.assign(statuses.begin(), statuses.end());
  plan.provider_adjustments = r.provider_adjustments;
  plan.finding_postings = finding_postings(findings, plan.postings);

  if (context.review != nullptr) {
    // The rules see each claim's history as it will read once this set is written: the
    // ledger's, then this set's postings.
    worklist::ReviewInputs review;
    review.histories = std::move(inputs.histories);
    for (const auto& p : plan.postings) review.histories[p.claim_id].push_back(as_recorded(p));
    review.submitted = std::move(inputs.latest_claims);
    review.items = std::move(inputs.items);
    auto planned = worklist::plan_review(r, plan.postings, findings, review, context.review->pipeline(),
                                         context.review->environment(), context.now);
    plan.rule_findings = std::move(planned.findings);
    plan.worklist = std::move(planned.changes);
  }
  return plan;
}

}  // namespace clearhouse::reconcile
