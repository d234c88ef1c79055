#pragma once
// Which postings in a claim's history still stand: every payment not undone by a reversal.
// A reversal undoes the posting it names (Posting::reverses), else the latest standing payment
// with the same payer claim control number, else the latest one of the same amount.

#include <span>
#include <vector>

#include "engine/model/posting.hpp"
#include "engine/rules/detail/claim_facts.hpp"

namespace clearhouse::rules::detail {

// Indexes into history of the standing (non-reversal, non-reversed) postings, oldest first.
inline std::vector<std::size_t> standing_postings(std::span<const model::Posting> history) {
  std::vector<bool> undone(history.size(), false);
  for (std::size_t r = 0; r < history.size(); ++r) {
    const auto& rev = history[r];
    if (!rev.reversal) continue;
    std::size_t target = history.size();
    for (std::size_t i = r; i-- > 0;) {
      const auto& p = history[i];
      if (p.reversal || undone[i]) continue;
      if (rev.reverses != 0 ? p.id == rev.reverses
                            : (!rev.payer_claim_control_number.empty() &&
                               p.payer_claim_control_number == rev.payer_claim_control_number)) {
        target = i;
        break;
      }
    }
    if (target == history.size() && rev.reverses == 0) {
      for (std::size_t i = r; i-- > 0;)
        if (!history[i].reversal && !undone[i] && history[i].paid == -rev.paid) {
          target = i;
          break;
        }
    }
    if (target < history.size()) undone[target] = true;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < history.size(); ++i)
    if (!history[i].reversal && !undone[i]) out.push_back(i);
  return out;
}

}  // namespace clearhouse::rules::detail
