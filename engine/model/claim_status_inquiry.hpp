#pragma once
// One claim to ask a payer about in a 276 claim status inquiry (005010X212): who to ask (the
// payer, 2100A), for which provider (2100C) and subscriber (2100D) or dependent patient
// (2100E), and how the payer can find the claim (2200D/2200E): the patient control number we
// sent as CLM01, the payer's claim number when a 277CA or 835 gave us one, the total charge
// and the service dates. The payer answers with a 277 whose TRN02 echoes `trace`.
// Names, member ids and birth dates are PHI: never logged.

#include <string>

#include "engine/model/date.hpp"
#include "engine/model/insured_person.hpp"
#include "engine/model/money.hpp"
#include "engine/model/payer.hpp"
#include "engine/model/provider.hpp"

namespace clearhouse::model {

struct ClaimStatusInquiry {
  Payer payer;                             // 2100A NM1*PR: name, NM109 with PI
  Provider provider;                       // 2100C NM1*1P: the billing provider, NM109 its NPI (XX)
  Subscriber subscriber;                   // 2100D NM1*IL (MI member id); DMG when the patient and born on a known date
  Patient patient;                         // 2000E/2100E when not the subscriber: DMG (birth date required) + NM1*QC
  std::string trace;                       // TRN02: our trace for this inquiry, 1-50 characters
  std::string patient_control_number;      // REF*EJ: the claim's CLM01
  std::string payer_claim_control_number;  // REF*1K, when the payer has assigned one; else not sent
  Money charge;                            // AMT*T3: the claim's total charge (CLM02)
  Date service_from, service_to;           // DTP*472: D8 when one day, RD8 otherwise; not sent when empty
  friend bool operator==(const ClaimStatusInquiry&, const ClaimStatusInquiry&) = default;
};

}  // namespace clearhouse::model
