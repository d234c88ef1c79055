#pragma once
// A professional claim as submitted in an 837P: the 2300 loop with everything around it that
// the payer needs (billing provider, subscriber, patient, payer) and its service lines. The
// submit pipeline builds it from an encounter after the edits; the 837P reader rebuilds it from
// a file, and the two compare equal field by field.

#include <optional>
#include <string>
#include <vector>

#include "engine/model/ambulance.hpp"
#include "engine/model/attachment.hpp"
#include "engine/model/date.hpp"
#include "engine/model/insured_person.hpp"
#include "engine/model/money.hpp"
#include "engine/model/note.hpp"
#include "engine/model/other_coverage.hpp"
#include "engine/model/party.hpp"
#include "engine/model/payer.hpp"
#include "engine/model/provider.hpp"
#include "engine/model/service_line.hpp"
#include "engine/model/submission_parties.hpp"

namespace clearhouse::model {

// CLM11: the claim is related to an accident (with DTP*439).
struct Accident {
  std::string cause;    // AA auto, EM employment, OA other accident
  Date date;            // DTP*439
  std::string state;    // CLM11-4, required for AA
  std::string country;  // CLM11-5, outside the US only
  friend bool operator==(const Accident&, const Accident&) = default;
};

inline constexpr std::size_t kMaxLinesPerClaim = 50;   // the 837P's 2400 loop repeat
inline constexpr std::size_t kMaxDiagnoses = 12;       // HI: ABK + 11 ABF

struct Claim {
  std::string claim_id;                // CLM01, the patient control number (echoed as CLP01)
  Money total_charge;                  // CLM02 = sum of the lines' SV102
  std::string place_of_service;        // CLM05-1
  std::string frequency_code = "1";    // CLM05-3: 1 original, 7 replacement, 8 void
  std::string provider_signature = "Y";      // CLM06
  std::string assignment = "A";              // CLM07: A assigned, B lab only, C not assigned
  std::string benefits_assignment = "Y";     // CLM08: Y, N, W
  std::string release_of_information = "Y";  // CLM09: Y, I
  std::optional<Accident> accident;    // CLM11 + DTP*439
  Date onset_date;                     // DTP*431, empty when not sent
  std::string referral_number;         // REF*9F
  std::string prior_authorization;     // REF*G1
  std::string original_claim_number;   // REF*F8, the payer's claim control number (frequency 7/8)
  std::string clia_number;             // REF*X4, the lab's CLIA certificate ("12D3456789")
  std::vector<Attachment> attachments; // PWK, at most 10
  std::optional<Note> note;            // NTE
  std::optional<AmbulanceTransport> ambulance;  // CR1, CRC, 2310E/2310F
  std::vector<std::string> diagnoses;  // ICD-10-CM without dots; first is principal (ABK)

  Submitter submitter;
  Receiver receiver;
  BillingProvider billing_provider;
  std::optional<Address> pay_to_address;        // 2010AB
  Payer payer;
  Subscriber subscriber;
  Patient patient;
  std::optional<Provider> referring_provider;   // 2310A
  std::optional<Provider> rendering_provider;   // 2310B, when not the billing provider
  std::optional<ServiceFacility> service_facility;  // 2310C
  std::vector<OtherCoverage> other_coverage;  // 2320/2330: the other payers, in payment order
  std::vector<ServiceLine> lines;

  friend bool operator==(const Claim&, const Claim&) = default;
};

}  // namespace clearhouse::model
