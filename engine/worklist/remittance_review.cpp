#include "engine/worklist/remittance_review.hpp"

#include <map>

#include "engine/rules/detail/claim_facts.hpp"

namespace clearhouse::worklist {
namespace {

template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, std::string_view key) {
  const auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

model::Date remittance_date(const model::Remittance& remittance, model::Date fallback) {
  if (remittance.payment.payment_date.valid()) return remittance.payment.payment_date;
  if (remittance.production_date.valid()) return remittance.production_date;
  return fallback;
}

std::string remittance_item_key(const model::Remittance& remittance) {
  return "remittance:" + remittance.trace.reference;
}

ReviewPlan plan_review(const model::Remittance& remittance, std::span<const model::Posting> postings,
                       std::span<const model::Finding> posting_findings, const ReviewInputs& inputs,
                       const rules::Pipeline& pipeline, const rules::RuleEnvironment& env, std::string_view now) {
  ReviewPlan result;
  const std::string payer = remittance.payer_id();
  const std::string& trace = remittance.trace.reference;
  const model::Date date = remittance_date(remittance, env.today);
  auto change = [&](const ClaimReview& review) {
    std::optional<model::WorklistItem> existing;
    if (const auto* item = find_in(inputs.items, review.claim_id)) existing = *item;
    auto planned = plan_item_change(existing, review, env.config, now);
    if (!planned) return;
    result.worklist += counts_of(*planned);
    result.changes.push_back(std::move(*planned));
  };

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
  static const std::vector<model::Posting> kNoHistory;
  for (const auto& claim_id : order) {
    const auto& indexes = payments.find(claim_id)->second;
    std::vector<model::Finding> claim_findings;
    for (const auto& f : posting_findings)
      if (f.claim_id == claim_id) claim_findings.push_back(f);
    const auto* history = find_in(inputs.histories, claim_id);
    const auto* submitted = find_in(inputs.submitted, claim_id);

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
      ctx.submitted = submitted;
      ctx.history = history != nullptr ? *history : kNoHistory;
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
    change(review);
    result.findings.insert(result.findings.end(), review.findings.begin(), review.findings.end());
  }

  // Remittance-level findings: one item per remittance.
  ClaimReview level;
  level.payer_id = payer;
  level.claim_id = remittance_item_key(remittance);
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
    change(level);
    result.findings.insert(result.findings.end(), level.findings.begin(), level.findings.end());
  }
  return result;
}

ReviewResult review_remittance(const model::Remittance& remittance, std::span<const model::Posting> postings,
                               std::span<const model::Finding> posting_findings, const ReviewSources& sources,
                               const rules::Pipeline& pipeline, const rules::RuleEnvironment& env, Worklist& worklist,
                               std::string_view now) {
  const std::string payer = remittance.payer_id();
  std::vector<std::string> claims;
  for (std::size_t i = 0; i < std::min(remittance.claims.size(), postings.size()); ++i) {
    const auto& id = remittance.claims[i].patient_control_number;
    if (std::find(claims.begin(), claims.end(), id) == claims.end()) claims.push_back(id);
  }
  // Prefetched answers are dropped however the review ends.
  struct Prefetched {
    ~Prefetched() {
      if (!sources.prefetch) return;
      sources.prefetch(payer, {});
      worklist.store().prefetch(payer, {});
    }
    const ReviewSources& sources;
    Worklist& worklist;
    const std::string& payer;
  } prefetched{sources, worklist, payer};
  if (sources.prefetch) {
    sources.prefetch(payer, claims);
    worklist.store().prefetch(payer, claims);
  }
  ReviewInputs inputs;
  auto read_item = [&](const std::string& claim_id) {
    auto item = worklist.store().find(payer, claim_id);
    if (!item) return;
    item->findings = worklist.store().findings(item->id, true);
    inputs.items.emplace(claim_id, std::move(*item));
  };
  for (const auto& id : claims) {
    if (sources.history) {
      auto history = sources.history(payer, id);
      if (!history.empty()) inputs.histories.emplace(id, std::move(history));
    }
    if (sources.submitted)
      if (auto claim = sources.submitted(payer, id)) inputs.submitted.emplace(id, std::move(*claim));
    read_item(id);
  }
  read_item(remittance_item_key(remittance));
  auto plan = plan_review(remittance, postings, posting_findings, inputs, pipeline, env, now);
  worklist.store().apply(plan.changes);
  return {std::move(plan.findings), plan.worklist};
}

}  // namespace clearhouse::worklist
