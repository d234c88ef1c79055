#include "engine/patient/remittance_shares.hpp"

#include <algorithm>

namespace clearhouse::patient {

int payer_order(std::string_view level) {
  if (level == "P" || level.empty()) return 1;
  if (level == "S") return 2;
  if (level == "T") return 3;
  if (level.size() == 1 && level[0] >= 'A' && level[0] <= 'H') return 4 + (level[0] - 'A');
  return 1;
}

std::vector<model::PatientShareEntry> plan_share_entries(PriorAdjudications prior,
                                                         std::span<const PostedAdjudication> posted) {
  std::vector<model::PatientShareEntry> out;
  for (const auto& p : posted) {
    auto& list = prior[p.claim_id];
    ClaimShareInput input;
    input.claim_id = p.claim_id;
    input.adjudications = list;
    const model::Money before = decide_claim_share(input).patient_share;
    // After every adjudication of its level and below: payer order, then posting order.
    const auto at = std::find_if(list.begin(), list.end(),
                                 [&](const PayerAdjudication& a) { return a.level > p.adjudication.level; });
    list.insert(at, p.adjudication);
    input.adjudications = list;
    const model::Money after = decide_claim_share(input).patient_share;
    if (after == before) continue;
    out.push_back({p.claim_id, p.adjudication.date,
                   p.adjudication.reversal ? model::ShareSource::reversal : model::ShareSource::remittance,
                   after - before, p.adjudication.reference, p.adjudication.payer_id});
  }
  return out;
}

}  // namespace clearhouse::patient
