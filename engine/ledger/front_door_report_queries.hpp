#pragma once
// The ledger's reads for the front-door part of the report (engine/report/front_door_report.hpp):
// per payer, the claims a 277CA acknowledged and how many its first 277CA accepted; worklist
// items opened by 277CA/277 statuses, by category; claims still waiting for a 277CA; 276
// inquiries sent and answered. SQL only; the report decides nothing here.

#include <cstdint>
#include <string>
#include <vector>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

struct FrontDoorPayerRow {
  std::string payer_id;
  std::uint64_t acknowledged = 0;        // claim ids a 277CA named (matched)
  std::uint64_t accepted_first_pass = 0; // whose first 277CA status was accepted, forwarded or pended
  std::uint64_t awaiting = 0;            // latest submissions not adjudicated, not rejected, no 277CA yet
};

struct FrontDoorCategoryRow {
  std::string category;
  std::uint64_t claims = 0;       // items with such a finding (a claim counts once)
  std::uint64_t open_claims = 0;  // of which still open
  std::int64_t cents = 0;         // at stake, as the findings say
};

struct FrontDoorRows {
  std::vector<FrontDoorPayerRow> payers;          // by payer id
  std::vector<FrontDoorCategoryRow> categories;   // by category
  std::uint64_t inquiries_sent = 0, inquiries_answered = 0, claims_inquired = 0;
};

FrontDoorRows read_front_door_report(sql::Connection& connection);

}  // namespace clearhouse::ledger
