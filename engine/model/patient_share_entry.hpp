#pragma once
// One change to what a patient owes on a claim. A claim's patient balance is the sum of its
// entries: a remittance sets the patient's share (the first payer's, then each later payer's
// replaces it), a patient payment lowers it, an adjustment (a courtesy write-off, a small-balance
// write-off, a correction by hand) moves it either way, and a payer's reversal takes back what
// the reversed adjudication had set until the correction sets it again.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

enum class ShareSource : std::uint8_t {
  remittance,  // a payer's adjudication set the patient's share (835 CAS PR)
  payment,     // the patient paid (negative: lowers the balance)
  adjustment,  // by hand: a write-off or a correction
  reversal,    // a payer reversed an adjudication (835 CLP02 = 22)
};
std::string_view to_string(ShareSource source);
std::optional<ShareSource> share_source_from_string(std::string_view text);

struct PatientShareEntry {
  std::string claim_id;
  Date date;
  ShareSource source = ShareSource::remittance;
  Money amount;           // positive raises what the patient owes, negative lowers it
  std::string reference;  // the payment's reference, the remittance's trace number, ...
  std::string payer_id;   // for remittance and reversal entries
  friend bool operator==(const PatientShareEntry&, const PatientShareEntry&) = default;
};

}  // namespace clearhouse::model
