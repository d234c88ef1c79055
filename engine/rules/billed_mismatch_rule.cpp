// The payer adjudicated a different charge than the one submitted — usually a keying error at
// the payer or a claim split; worth a look before trusting the payment:
//   billed.claim_mismatch  CLP03 against the claim's total (CLM02)
//   billed.line_mismatch   SVC02 against the matched line's charge (SV102)
// Each id has its own switch. Reversals carry negated amounts: magnitudes are compared.
#include <fmt/format.h>

#include "engine/rules/detail/claim_facts.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::rules {
namespace {

model::Money magnitude(model::Money m) { return m < model::Money{} ? -m : m; }

const ledger::LineRecord* submitted_line(const ClaimContext& ctx, std::size_t index) {
  const auto& lines = ctx.submitted->lines;
  std::int64_t number = 0;
  if (ctx.posting != nullptr && index < ctx.posting->lines.size()) number = ctx.posting->lines[index].submitted_line;
  if (number > 0) {
    for (const auto& l : lines)
      if (l.line_number == number) return &l;
    return nullptr;
  }
  // Without a posting: the REF*6R line control number the payer echoed.
  const auto& control = ctx.payment->lines[index].line_control_number;
  if (control.empty()) return nullptr;
  for (const auto& l : lines)
    if (l.line_control_number == control) return &l;
  return nullptr;
}

void claim_mismatch(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  const auto billed = magnitude(ctx.payment->billed);
  const auto submitted = model::Money::from_cents(ctx.submitted->billed_cents);
  if (billed == submitted) return;
  auto f = detail::make_finding(ctx, rule_id::billed_claim_mismatch, "billed_mismatch");
  f.amount = magnitude(billed - submitted);
  f.action = std::string(env.config.category("billed_mismatch").action);
  f.message = fmt::format("Payer adjudicated a charge of {} (CLP03) but {} was submitted; off by {}.",
                          detail::money_text(billed), detail::money_text(submitted), detail::money_text(f.amount));
  out.push_back(std::move(f));
}

void line_mismatch(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  const auto& lines = ctx.payment->lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto* sent = submitted_line(ctx, i);
    if (sent == nullptr) continue;
    const auto billed = magnitude(lines[i].billed);
    const auto submitted = model::Money::from_cents(sent->charge_cents);
    if (billed == submitted) continue;
    auto f = detail::make_finding(ctx, rule_id::billed_line_mismatch, "billed_mismatch", static_cast<int>(i + 1));
    f.amount = magnitude(billed - submitted);
    f.action = std::string(env.config.category("billed_mismatch").action);
    f.message = fmt::format("Line {} ({}): payer adjudicated a charge of {} (SVC02) but submitted line {} charged {}.",
                            i + 1, lines[i].billed_procedure().code, detail::money_text(billed), sent->line_number,
                            detail::money_text(submitted));
    out.push_back(std::move(f));
  }
}

}  // namespace

void billed_mismatch_rule(const ClaimContext& ctx, const RuleEnvironment& env, Findings& out) {
  if (ctx.payment == nullptr || ctx.submitted == nullptr) return;
  if (env.config.rule_at(rule_id::slot<rule_id::billed_claim_mismatch>).enabled) claim_mismatch(ctx, env, out);
  if (env.config.rule_at(rule_id::slot<rule_id::billed_line_mismatch>).enabled) line_mismatch(ctx, env, out);
}

}  // namespace clearhouse::rules
