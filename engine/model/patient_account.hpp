#pragma once
// A patient account: what a patient (or whoever answers for them) owes the practice, across
// their claims. It belongs to the guarantor: the subscriber of the claim's primary coverage, who
// is the patient themself when the patient is the subscriber (PAT01/SBR02 = 18). Names and
// member ids are PHI: never logged (log the account number).
//
// The guarantor key is formed from what the ledger keeps per claim in claim_parties
// (engine/ledger/claim_status_schema.hpp), taken from the claim to the primary payer:
//   upper-cased, trimmed, inner blanks collapsed  SUBSCRIBER_LAST | SUBSCRIBER_FIRST | MEMBER_ID
// The member id (2010BA NM109) is in every 837P; the subscriber's birth date is not (it is sent
// only when the subscriber is the patient), so it cannot be part of the key. A dependant's
// claims carry the subscriber's name and member id, so a parent and their children share one
// account. The account number printed on statements is "PA" and twelve hex digits of the key's
// FNV-1a hash: stable, short, and free of PHI, so logs may carry it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/party.hpp"

namespace clearhouse::model {

struct Guarantor {
  std::string last, first, middle, suffix;
  Date birth_date;          // when known (always, for a self-subscriber)
  std::string member_id;    // of the primary coverage
  Address address;          // where statements are mailed; empty until the ledger records it
  friend bool operator==(const Guarantor&, const Guarantor&) = default;
};

// The names a claim was submitted with (the fields of claim_parties this needs).
struct ClaimPartyNames {
  std::string subscriber_last, subscriber_first, subscriber_middle, subscriber_suffix;
  std::string member_id;
  Date subscriber_birth_date;
  std::string relationship;  // PAT01; "18" (or empty) when the patient is the subscriber
  std::string patient_last, patient_first;
  Date patient_birth_date;
};

struct GuarantorChoice {
  Guarantor guarantor;
  std::string key;              // LAST|FIRST|MEMBER_ID, normalised
  std::string account_number;   // "PA" + 12 hex digits of the key's hash
  bool patient_is_guarantor = false;
  // The patient is their own subscriber but under 18 on the date of service: the statement
  // would go to a minor. The account is still the patient's; a biller should name a parent.
  bool minor_guarantor = false;
};

// Whose account a claim belongs to (see the header comment). service_date: the claim's first
// date of service, for the minor check (empty: not checked).
GuarantorChoice choose_guarantor(const ClaimPartyNames& parties, Date service_date);
// The normalised key and the account number it gives.
std::string guarantor_key(std::string_view last, std::string_view first, std::string_view member_id);
std::string account_number_for_key(std::string_view key);

struct PatientAccount {
  std::string account_number;
  std::string guarantor_key;
  Guarantor guarantor;
  std::vector<std::string> claim_ids;  // its claims, oldest first
  friend bool operator==(const PatientAccount&, const PatientAccount&) = default;
};

}  // namespace clearhouse::model
