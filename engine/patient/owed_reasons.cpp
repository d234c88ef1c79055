#include "engine/patient/owed_reasons.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace clearhouse::patient {

using model::AdjustmentGroup;
using model::Money;

namespace {

bool is_coinsurance(std::string_view carc) {
  return model::patient_share_kind(carc) == model::PatientShareKind::coinsurance;
}
bool is_deductible_or_copay(std::string_view carc) {
  const auto kind = model::patient_share_kind(carc);
  return kind == model::PatientShareKind::deductible || kind == model::PatientShareKind::copay;
}

struct Parts {
  Money coinsurance, deductible_copay, patient;
};

Parts parts_of(const std::vector<model::Adjustment>& adjustments) {
  Parts p;
  for (const auto& a : adjustments) {
    if (a.group != AdjustmentGroup::patient) continue;
    p.patient += a.amount;
    if (is_coinsurance(a.reason.view())) p.coinsurance += a.amount;
    if (is_deductible_or_copay(a.reason.view())) p.deductible_copay += a.amount;
  }
  return p;
}

// The whole percentage coinsurance is of base, when within a cent; nullopt otherwise.
std::optional<int> whole_percent(Money coinsurance, Money base) {
  if (coinsurance.cents() <= 0 || base.cents() <= 0 || coinsurance > base) return std::nullopt;
  const std::int64_t pct = (coinsurance.cents() * 100 + base.cents() / 2) / base.cents();
  if (pct < 1 || pct > 100) return std::nullopt;
  // |base x pct / 100 - coinsurance| <= 1 cent
  if (std::llabs(base.cents() * pct - coinsurance.cents() * 100) > 100) return std::nullopt;
  return static_cast<int>(pct);
}

}  // namespace

std::string reason_words(std::string_view group, std::string_view carc, std::optional<int> percent,
                         const rules::CodeTables& codes) {
  if (group != "PR") return {};
  if (const auto* w = codes.patient_wording.find(carc)) {
    if (w->percent && percent) return fmt::format("{} ({}%)", w->words, *percent);
    return w->words;
  }
  const std::string fallback =
      codes.patient_wording_fallback.empty() ? std::string("an amount your insurance says is yours to pay")
                                             : codes.patient_wording_fallback;
  if (const auto* c = codes.carc.find(carc)) {
    std::string_view d = c->description;
    while (!d.empty() && (d.back() == '.' || d.back() == ' ')) d.remove_suffix(1);
    return fmt::format("{}: {}", fallback, d);
  }
  return fmt::format("{} (code {}-{})", fallback, group, carc);
}

std::optional<int> coinsurance_percent(const PayerAdjudication& adj) {
  std::optional<int> found;
  bool any = false;
  auto consider = [&](Money coinsurance, Money base) -> bool {
    if (coinsurance.is_zero()) return true;
    any = true;
    const auto pct = whole_percent(coinsurance, base);
    if (!pct || (found && *found != *pct)) return false;
    found = pct;
    return true;
  };
  for (const auto& l : adj.lines) {
    const Parts p = parts_of(l.adjustments);
    if (p.coinsurance.is_zero()) continue;
    if (!l.allowed && adj.level != 1) return std::nullopt;
    const Money allowed = l.allowed ? *l.allowed : l.paid + p.patient;
    if (!consider(p.coinsurance, allowed - p.deductible_copay)) return std::nullopt;
  }
  const Parts claim = parts_of(adj.claim_adjustments);
  if (!claim.coinsurance.is_zero()) {
    if (!adj.lines.empty() || adj.level != 1) return std::nullopt;  // no allowed amount to divide by
    if (!consider(claim.coinsurance, adj.paid + claim.patient - claim.deductible_copay)) return std::nullopt;
  }
  return any ? found : std::nullopt;
}

std::vector<model::OwedReason> owed_reasons(const ClaimShare& share, const ClaimShareInput& input,
                                            const rules::CodeTables& codes) {
  std::optional<int> percent;
  if (share.deciding && *share.deciding < input.adjudications.size())
    percent = coinsurance_percent(input.adjudications[*share.deciding]);
  std::vector<model::OwedReason> out;
  for (const auto& r : share.reasons) {
    model::OwedReason reason;
    reason.group = "PR";
    reason.carc = std::string(r.reason.view());
    reason.words = reason_words("PR", reason.carc, percent, codes);
    reason.amount = r.amount;
    out.push_back(std::move(reason));
  }
  return out;
}

}  // namespace clearhouse::patient
