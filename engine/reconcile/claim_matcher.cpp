#include "engine/reconcile/claim_matcher.hpp"

#include <algorithm>

#include "engine/model/date.hpp"

namespace clearhouse::reconcile {
namespace {

std::int64_t magnitude(std::int64_t cents) { return cents < 0 ? -cents : cents; }

// 0 no match, 1 the payer dropped modifiers, 2 exact.
int modifier_fit(const std::vector<model::Code>& paid, std::string_view submitted_joined) {
  const auto submitted = ledger::split_modifiers(submitted_joined);
  for (const auto& m : paid)
    if (std::find(submitted.begin(), submitted.end(), m.view()) == submitted.end()) return 0;
  return paid.size() == submitted.size() ? 2 : 1;
}

}  // namespace

std::vector<LineMatch> match_lines(const model::ClaimPayment& payment, const ledger::ClaimRecord& claim) {
  std::vector<LineMatch> out(payment.lines.size());
  std::vector<bool> used(claim.lines.size(), false);
  // Pass 1: line control numbers, which identify a line exactly.
  for (std::size_t i = 0; i < payment.lines.size(); ++i) {
    const auto& lcn = payment.lines[i].line_control_number;
    if (lcn.empty()) continue;
    for (std::size_t k = 0; k < claim.lines.size(); ++k) {
      if (used[k] || claim.lines[k].line_control_number != lcn) continue;
      used[k] = true;
      out[i] = {static_cast<int>(k), LineMatchKind::control_number};
      break;
    }
  }
  // Pass 2: procedure + date + charge + modifiers for the rest.
  for (std::size_t i = 0; i < payment.lines.size(); ++i) {
    if (out[i].kind != LineMatchKind::none) continue;
    const auto& line = payment.lines[i];
    const auto& procedure = line.billed_procedure();
    const model::Date date = line.date().empty() ? payment.date("232") : line.date();
    const std::string iso = date.empty() ? std::string() : date.to_iso();
    int best = -1, best_fit = 0;
    for (std::size_t k = 0; k < claim.lines.size(); ++k) {
      const auto& sent = claim.lines[k];
      if (used[k] || sent.procedure_code != procedure.code) continue;
      if (!iso.empty() && !sent.service_date.empty() && sent.service_date != iso) continue;
      if (magnitude(line.billed.cents()) != sent.charge_cents) continue;
      const int fit = modifier_fit(procedure.modifiers, sent.modifiers);
      if (fit > best_fit) {
        best = static_cast<int>(k);
        best_fit = fit;
        if (fit == 2) break;
      }
    }
    if (best >= 0) {
      used[static_cast<std::size_t>(best)] = true;
      out[i] = {best, best_fit == 2 ? LineMatchKind::procedure : LineMatchKind::procedure_fewer_modifiers};
    }
  }
  return out;
}

ClaimMatch match_claim(const model::ClaimPayment& payment, std::string_view payer_id,
                       std::span<const ledger::ClaimRecord* const> candidates) {
  ClaimMatch match;
  const ledger::ClaimRecord* same_payer = nullptr;
  const ledger::ClaimRecord* other_payer = nullptr;
  bool several_other_payers = false;
  for (const auto* c : candidates) {
    if (c->claim_id != payment.patient_control_number) continue;
    if (c->payer_id == payer_id) {
      if (same_payer == nullptr || c->row_id > same_payer->row_id) same_payer = c;
    } else if (other_payer == nullptr) {
      other_payer = c;
    } else if (other_payer->payer_id != c->payer_id) {
      several_other_payers = true;
    } else if (c->row_id > other_payer->row_id) {
      other_payer = c;
    }
  }
  if (same_payer != nullptr) {
    match.claim = same_payer;
  } else if (other_payer != nullptr && !several_other_payers) {
    match.claim = other_payer;
    match.payer_differs = true;
  } else if (other_payer != nullptr) {
    match.ambiguous = true;
  }
  if (match.claim != nullptr) match.lines = match_lines(payment, *match.claim);
  else match.lines.resize(payment.lines.size());
  return match;
}

}  // namespace clearhouse::reconcile
