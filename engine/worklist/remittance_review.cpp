#include "engine/worklist/remittance_review.hpp"

#include <map>

#include "engine/rules/detail/claim_facts.hpp"

namespace clearhouse::worklist {

model::Date remittance_date(const model::Remittance& remittance, model::Date fallback) {
  if (remittance.payment.payment_date.valid()) return remittance.payment.payment_date;
  if (remittance.production_date.valid()) return remittance.production_date;
  return fallback;
}

ReviewResult review_remittance(const model::Remittance& remittance, std::span<const model::Posting> postings,
                               std::span<const model::Finding> posting_findings, const ReviewSources& sources,
                               const rules::Pipeline& pipeline, const rules::RuleEnvironment& env, Worklist& worklist,
                               std::string_view now) {
  ReviewResult result;
  const std::string payer = remittance.payer_id();
  const std::string& trace = remittance.trace.reference;
  const model::Date date = remittance_date(remittance, env.today);

  // Claims in first-appearance order; a claim paid twice in one remittance (reversal and
  // correction) is reviewed once, with every one of its payments.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>, std::less<>> payments;
  const std::size_t n = std::min(remittance.claims.size(), postings.size());
  for (std::size_t i = 0; i < n; ++i) {
    auto& list = payments[remittance.claims[i].patient_control_number];
    if (list.empty()) order.push_back(remittance.claims[i].patient_control_number);
    list.push_back(i);
  }
  // Everything the loop below reads, in a few queries (after the postings were written: the
  // history includes them). Sources that batch their reads get the worklist's batched too.
  struct Prefetched {
    // Dropped however the review ends (a set that fails rolls back: nothing of it may be served
    // or written later).
    ~Prefetched() {
      if (!sources.prefetch) return;
      sources.prefetch(payer, {});
      worklist.store().prefetch(payer, {});
      worklist.store().discard_deferred();
      worklist.store().defer_writes(false);
    }
    const ReviewSources& sources;
    Worklist& worklist;
    const std::string& payer;
  } prefetched{sources, worklist, payer};
  if (sources.prefetch) {
    sources.prefetch(payer, order);
    worklist.store().prefetch(payer, order);
    worklist.store().defer_writes(true);  // findings and events in multi-row INSERTs, flushed below
  }

  for (const auto& claim_id : order) {
    const auto& indexes = payments.find(claim_id)->second;
    std::vector<model::Finding> claim_findings;
    for (const auto& f : posting_findings)
      if (f.claim_id == claim_id) claim_findings.push_back(f);
    const auto history = sources.history ? sources.history(payer, claim_id) : std::vector<model::Posting>{};
    const auto submitted = sources.submitted ? sources.submitted(payer, claim_id) : std::nullopt;

    ClaimReview review;
    review.payer_id = payer;
    review.claim_id = claim_id;
    review.trace_number = trace;
    review.reference_date = date;
    review.adjudicated = true;
    for (auto i : indexes) {
      rules::ClaimContext ctx;
      ctx.payment = &remittance.claims[i];
      ctx.posting = &postings[i];
      ctx.submitted = submitted ? &*submitted : nullptr;
      ctx.history = history;
      ctx.posting_findings = claim_findings;
      ctx.payer_id = payer;
      ctx.trace_number = trace;
      ctx.remittance_date = date;
      std::vector<model::Finding> found;
      pipeline.after_post(ctx, env, found);
      for (auto& f : found) {
        // History rules see the same history from every payment of the claim: keep one.
        bool seen = false;
        for (const auto& g : review.findings) seen = seen || (g.rule == f.rule && g.line_number == f.line_number &&
                                                              g.amount == f.amount && g.message == f.message);
        if (!seen) review.findings.push_back(std::move(f));
      }
    }
    const auto last = indexes.back();
    review.posting_id = postings[last].id;
    review.paid = postings[last].paid;
    const auto kind = rules::detail::status_kind(remittance.claims[last].status_code, env.config);
    const bool processed = kind == rules::ClaimStatusKind::processed || kind == rules::ClaimStatusKind::forwarded;
    review.paid_in_full = processed && postings[last].paid > model::Money{};
    result.worklist += worklist.apply(review, now);
    result.findings.insert(result.findings.end(), review.findings.begin(), review.findings.end());
  }

  // Remittance-level findings: one item per remittance.
  ClaimReview level;
  level.payer_id = payer;
  level.claim_id = "remittance:" + trace;
  level.trace_number = trace;
  level.reference_date = date;
  level.adjudicated = true;
  for (const auto& f : posting_findings) {
    if (!f.claim_id.empty() || f.category != model::finding_category::unbalanced) continue;
    if (!env.config.enabled(rules::rule_id::unbalanced)) continue;
    model::Finding copy = f;
    if (copy.action.empty()) copy.action = env.config.category("unbalanced").action;
    if (copy.amount < model::Money{}) copy.amount = -copy.amount;
    level.findings.push_back(std::move(copy));
  }
  if (!level.findings.empty()) {
    result.worklist += worklist.apply(level, now);
    result.findings.insert(result.findings.end(), level.findings.begin(), level.findings.end());
  }
  worklist.store().flush();
  return result;
}

}  // namespace clearhouse::worklist
