#include "engine/patient/remittance_shares.hpp"

#include <algorithm>
#include <map>

namespace clearhouse::patient {

int payer_order(std::string_view level) {
  if (level == "P" || level.empty()) return 1;
  if (level == "S") return 2;
  if (level == "T") return 3;
  if (level.size() == 1 && level[0] >= 'A' && level[0] <= 'H') return 4 + (level[0] - 'A');
  return 1;
}

namespace {

PayerAdjudication adjudication_of(const PostedShare& p, const RemittanceRef& r) {
  PayerAdjudication a;
  a.level = p.level;
  a.payer_id = r.payer_id;
  a.date = r.date;
  a.reference = r.trace_number;
  a.reversal = p.reversal;
  model::Adjustment pr;
  pr.group = model::AdjustmentGroup::patient;
  pr.group_code = model::Code("PR");
  pr.amount = p.patient_responsibility;
  a.claim_adjustments.push_back(std::move(pr));
  return a;
}

}  // namespace

std::vector<model::PatientShareEntry> plan_share_entries(PriorAdjudications prior, const RemittanceRef& remittance,
                                                         std::span<const PostedShare> posted) {
  std::vector<model::PatientShareEntry> out;
  out.reserve(posted.size());
  // Claim ids paid more than once in this set take the full decision for each payment.
  std::vector<std::string_view> ids;
  ids.reserve(posted.size());
  for (const auto& p : posted) ids.push_back(p.claim_id);
  std::sort(ids.begin(), ids.end());
  const auto repeated = [&](std::string_view id) {
    const auto [lo, hi] = std::equal_range(ids.begin(), ids.end(), id);
    return hi - lo > 1;
  };
  const auto entry = [&](std::string_view claim_id, bool reversal, model::Money amount) {
    out.push_back({std::string(claim_id), remittance.date,
                   reversal ? model::ShareSource::reversal : model::ShareSource::remittance, amount,
                   remittance.trace_number, remittance.payer_id});
  };
  struct ClaimShareSoFar {
    ClaimShareInput input;
    model::Money share;
  };
  std::map<std::string, ClaimShareSoFar, std::less<>> shares;
  for (const auto& p : posted) {
    auto it = prior.find(p.claim_id);
    if (it == prior.end() && !p.reversal && !repeated(p.claim_id)) {
      // The claim's first and only adjudication here (most of a remittance): the share is its PR.
      if (!p.patient_responsibility.is_zero()) entry(p.claim_id, false, p.patient_responsibility);
      continue;
    }
    // The claim's adjudications so far and the share they leave, decided once when the claim is
    // first met here; after that, each payment's share is the next one's "before".
    auto known = shares.find(p.claim_id);
    if (known == shares.end()) {
      ClaimShareInput input;
      input.claim_id = std::string(p.claim_id);
      if (it != prior.end()) input.adjudications = std::move(it->second);
      const model::Money share = decide_claim_share(input).patient_share;
      std::string key = input.claim_id;
      known = shares.emplace(std::move(key), ClaimShareSoFar{std::move(input), share}).first;
    }
    auto& [input, before] = known->second;
    // After every adjudication of its level and below: payer order, then posting order.
    auto& list = input.adjudications;
    const auto at = std::find_if(list.begin(), list.end(), [&](const PayerAdjudication& a) { return a.level > p.level; });
    list.insert(at, adjudication_of(p, remittance));
    const model::Money after = decide_claim_share(input).patient_share;
    if (after != before) entry(p.claim_id, p.reversal, after - before);
    before = after;
  }
  return out;
}

}  // namespace clearhouse::patient
