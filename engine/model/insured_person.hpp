#pragma once
// The subscriber (the insured, 2000B/2010BA) and the patient (2000C/2010CA) of a claim.
// Names, member ids and birth dates are PHI: never logged.

#include <string>
#include <string_view>

#include "engine/model/date.hpp"
#include "engine/model/party.hpp"

namespace clearhouse::model {

struct PersonName {
  std::string last, first, middle, suffix;
  friend bool operator==(const PersonName&, const PersonName&) = default;
};

// A name as it is printed for a person to read: "JANE Q DOE JR" (the parts given, in that
// order, one blank between). An organisation is its last name alone.
inline std::string printed_name(std::string_view first, std::string_view middle, std::string_view last,
                                std::string_view suffix) {
  std::string out;
  for (std::string_view part : {first, middle, last, suffix}) {
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

// X12 individual relationship code (SBR02/PAT01): 18 = the patient is the subscriber.
inline constexpr std::string_view kRelationshipSelf = "18";

struct Subscriber {
  PersonName name;
  std::string member_id;             // NM109 with MI
  std::string payer_responsibility;  // SBR01: P primary, S secondary, T tertiary, A..H, U
  std::string group_number;          // SBR03
  std::string group_name;            // SBR04, sent only when there is no group number
  std::string insurance_type_code;   // SBR05 (Medicare secondary), usually empty
  // Demographics and address: sent (and kept) only when the subscriber is the patient.
  Date birth_date;
  std::string gender;  // M, F, U
  Address address;
  friend bool operator==(const Subscriber&, const Subscriber&) = default;
};

struct Patient {
  std::string relationship = std::string(kRelationshipSelf);  // PAT01 when not 18
  // The rest is used only when the patient is not the subscriber.
  PersonName name;
  Date birth_date;
  std::string gender;
  Address address;
  bool is_subscriber() const { return relationship == kRelationshipSelf; }
  friend bool operator==(const Patient&, const Patient&) = default;
};

}  // namespace clearhouse::model
