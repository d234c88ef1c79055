#include "engine/patient/claim_share.hpp"

#include <algorithm>
#include <map>

namespace clearhouse::patient {

using model::AdjustmentGroup;
using model::Money;

Money PayerAdjudication::patient_responsibility() const {
  Money sum;
  for (const auto& a : claim_adjustments)
    if (a.group == AdjustmentGroup::patient) sum += a.amount;
  for (const auto& l : lines)
    for (const auto& a : l.adjustments)
      if (a.group == AdjustmentGroup::patient) sum += a.amount;
  return sum;
}

Money PayerAdjudication::other_adjustments() const {
  Money sum;
  for (const auto& a : claim_adjustments)
    if (a.group != AdjustmentGroup::patient) sum += a.amount;
  for (const auto& l : lines)
    for (const auto& a : l.adjustments)
      if (a.group != AdjustmentGroup::patient) sum += a.amount;
  return sum;
}

namespace {

struct LevelState {
  Money patient;                       // net PR over the level's adjudications
  bool live = false;                   // its last adjudication is not a reversal
  std::optional<std::size_t> last;    // its last non-reversal adjudication
};

// The share the levels give now: the highest live level's net PR.
std::pair<int, Money> current_share(const std::map<int, LevelState>& levels) {
  for (auto it = levels.rbegin(); it != levels.rend(); ++it)
    if (it->second.live) return {it->first, it->second.patient};
  return {0, Money{}};
}

void add_reasons(std::vector<model::Adjustment>& out, const std::vector<model::Adjustment>& adjustments) {
  for (const auto& a : adjustments) {
    if (a.group != AdjustmentGroup::patient) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const model::Adjustment& r) { return r.reason == a.reason; });
    if (it == out.end()) {
      model::Adjustment r = a;
      r.quantity.reset();
      out.push_back(std::move(r));
    } else {
      it->amount += a.amount;
    }
  }
}

}  // namespace

ClaimShare decide_claim_share(const ClaimShareInput& input) {
  ClaimShare out;
  out.claim_id = input.claim_id;
  std::map<int, LevelState> levels;
  Money share;
  for (std::size_t i = 0; i < input.adjudications.size(); ++i) {
    const auto& adj = input.adjudications[i];
    auto& level = levels[adj.level];
    level.patient += adj.patient_responsibility();
    level.live = !adj.reversal;
    if (!adj.reversal) level.last = i;
    const Money now = current_share(levels).second;
    if (now != share) {
      out.entries.push_back({input.claim_id, adj.date,
                             adj.reversal ? model::ShareSource::reversal : model::ShareSource::remittance, now - share,
                             adj.reference, adj.payer_id});
      out.due_since = adj.date;
    } else if (out.due_since.empty()) {
      out.due_since = adj.date;
    }
    share = now;
  }
  const auto [deciding_level, patient_share] = current_share(levels);
  out.deciding_level = deciding_level;
  out.patient_share = patient_share;
  const bool highest_live = !levels.empty() && levels.rbegin()->second.live;
  out.pending_insurance = levels.empty() || input.another_payer_due || !highest_live;
  if (deciding_level != 0) {
    out.deciding = levels[deciding_level].last;
    for (const auto& adj : input.adjudications) {
      if (adj.level != deciding_level) continue;
      add_reasons(out.reasons, adj.claim_adjustments);
      for (const auto& l : adj.lines) add_reasons(out.reasons, l.adjustments);
    }
    std::erase_if(out.reasons, [](const model::Adjustment& r) { return r.amount.is_zero(); });
  }
  out.balance = out.patient_share;
  for (const auto& e : input.patient_entries) {
    if (e.source == model::ShareSource::remittance) continue;
    if (e.source == model::ShareSource::reversal && !e.payer_id.empty()) continue;  // payer reversals are decided here
    out.balance += e.amount;
    out.entries.push_back(e);
  }
  std::stable_sort(out.entries.begin(), out.entries.end(),
                   [](const model::PatientShareEntry& a, const model::PatientShareEntry& b) { return a.date < b.date; });
  return out;
}

}  // namespace clearhouse::patient
