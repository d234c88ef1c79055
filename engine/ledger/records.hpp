#pragma once
// What the ledger stores about a submission, as plain rows. The submit pipeline maps claims to
// these; remittance posting reads them back to match CLP/SVC against what was sent.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::ledger {

// One service line as submitted (an 837P 2400 loop).
// The modifiers of a line as the ledger keeps them (LineRecord::modifiers, "25:59"), one by one.
inline std::vector<std::string_view> split_modifiers(std::string_view joined) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (begin < joined.size()) {
    const std::size_t end = std::min(joined.find(':', begin), joined.size());
    if (end > begin) out.push_back(joined.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

struct LineRecord {
  std::int64_t row_id = 0;          // service_lines.id (0 until stored)
  std::int64_t line_number = 0;     // LX01
  std::string line_control_number;  // REF*6R, echoed by the payer in the 835
  std::string procedure_code;       // SV101-2
  std::string modifiers;            // SV101-3..6 joined with ':' ("25:59"), "" for none
  std::int64_t charge_cents = 0;    // SV102
  std::string units;                // SV104, exact decimal text ("1", "1.5")
  std::string unit_code;            // SV103: UN or MJ
  std::string service_date;         // DTP*472, ISO

  friend bool operator==(const LineRecord&, const LineRecord&) = default;
};

// Who a claim was for, as a 276 inquiry names them (claim_parties, packed by claim_parties_codec.hpp): the billing
// provider's name, the subscriber and, when not the subscriber, the patient. PHI: never logged.
struct ClaimParties {
  std::string submitter_name;          // 1000A NM103: who we are to the payer (the 276's 2100B)
  std::string provider_name;           // 2010AA NM103 (an organisation, or a person's last name)
  std::string provider_first;          // a person's first name, "" for an organisation
  std::string subscriber_last, subscriber_first, subscriber_middle, subscriber_suffix;
  std::string member_id;               // 2010BA NM109 (MI)
  std::string subscriber_birth_date;   // ISO, "" when not sent
  std::string subscriber_gender;
  std::string relationship;            // PAT01; "18" when the patient is the subscriber
  std::string patient_last, patient_first, patient_middle, patient_suffix;
  std::string patient_birth_date;      // ISO
  std::string patient_gender;
  // Where a patient statement is mailed (migration 12, appended to the packed fields): the
  // subscriber's 2010BA N3/N4 when sent, else the patient's 2010CA N3/N4; and the billing
  // provider's 2010AA N3/N4 (the practice a statement names). Empty for claims recorded before.
  std::string guarantor_line1, guarantor_line2, guarantor_city, guarantor_state, guarantor_postal_code;
  std::string billing_line1, billing_line2, billing_city, billing_state, billing_postal_code;
  friend bool operator==(const ClaimParties&, const ClaimParties&) = default;
};

// One claim as submitted (an 837P CLM).
struct ClaimRecord {
  std::int64_t row_id = 0;               // claims.id (0 until stored)
  std::int64_t batch_id = 0;             // batches.id
  std::string claim_id;                  // CLM01, echoed by the payer in CLP01
  std::string payer_id;                  // 2010BB NM109
  std::string payer_name;
  std::string billing_npi;               // 2010AA NM109
  std::string frequency_code;            // CLM05-3: 1 original, 7 replacement, 8 void
  std::string original_claim_number;     // REF*F8 for 7/8
  std::int64_t billed_cents = 0;         // CLM02
  std::string service_date_from, service_date_to;  // ISO, over the lines
  std::string transaction_control_number;          // ST02 of the transaction set carrying it
  std::string status;                    // 'submitted' when written by submit
  std::string payer_level = "P";         // SBR01 as sent: P, S, T (migration 9)
  std::int64_t follows_claim_row = 0;    // the next payer's claim: the claims row it follows; 0 for none
  // A claim naming other coverage: itself as a one-claim 837P (claim_renderings), "" otherwise.
  // Staged and stored by submit and secondary; not read back by find_claim.
  std::string rendering;
  std::vector<LineRecord> lines;
  ClaimParties parties;                  // recorded by submit; read back only for 276 inquiries
};

// One 837 file (one interchange) written by a submit run.
struct BatchRecord {
  std::int64_t row_id = 0;
  std::string file_name;  // base name in the output directory
  std::string sha256;     // hex of the file's bytes
  std::uint64_t bytes = 0;
  std::string sender_id, receiver_id;
  std::uint64_t interchange_control_number = 0;  // ISA13 (also GS06)
  std::uint64_t group_control_number = 0;        // GS06
  std::uint64_t first_transaction_number = 0;    // ST02 of the first transaction set
  std::uint64_t last_transaction_number = 0;
  std::uint64_t transaction_count = 0;
  std::uint64_t claim_count = 0;
  std::uint64_t line_count = 0;
  std::int64_t billed_cents = 0;
  std::string created_at;  // ISO timestamp (UTC)
};

}  // namespace clearhouse::ledger
