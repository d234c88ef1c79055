#include "engine/model/claim_status.hpp"

namespace clearhouse::model {

std::string_view to_string(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::submitted: return "submitted";
    case ClaimStatus::paid: return "paid";
    case ClaimStatus::partially_paid: return "partially_paid";
    case ClaimStatus::denied: return "denied";
    case ClaimStatus::forwarded: return "forwarded";
    case ClaimStatus::reversed: return "reversed";
  }
  return "submitted";
}

std::optional<ClaimStatus> claim_status_from_string(std::string_view text) {
  for (auto s : {ClaimStatus::submitted, ClaimStatus::paid, ClaimStatus::partially_paid, ClaimStatus::denied,
                 ClaimStatus::forwarded, ClaimStatus::reversed})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace clearhouse::model
