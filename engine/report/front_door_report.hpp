#pragma once
// The front door in the billing report (`clearhouse report` "front_door", GET /v1/report):
//  - first-pass acceptance rate by payer: of the claim ids a 277CA acknowledged, those whose
//    first 277CA status was not a rejection (accepted, forwarded, pended);
//  - rejections by category: claims whose 277CA rejection (or 277 denial / not found) put them
//    on the worklist, by worklist category, with how many are still open and the cents at stake;
//  - claims awaiting a 277CA: latest submissions neither adjudicated nor rejected with no 277CA;
//  - 276 inquiries sent and answered (and claims asked about).
// Rates are exact decimals (two places), as the rest of the report.

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/ledger/front_door_report_queries.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::render {
class JsonWriter;
class CsvWriter;
}  // namespace clearhouse::render

namespace clearhouse::report {

struct FrontDoorPayer {
  std::string payer_id;
  std::uint64_t acknowledged = 0, accepted_first_pass = 0, awaiting = 0;
  model::Decimal first_pass_rate_percent;
};

struct FrontDoorCategory {
  std::string category, label;
  std::uint64_t claims = 0, open_claims = 0;
  model::Money amount;
};

struct FrontDoorReport {
  std::vector<FrontDoorPayer> payers;
  FrontDoorPayer totals;
  std::vector<FrontDoorCategory> rejections_by_category;  // most claims first
  std::uint64_t awaiting_277ca = 0;
  std::uint64_t inquiries_sent = 0, inquiries_answered = 0, claims_inquired = 0;
};

// Pure: the ledger's rows -> the section (labels from the rules configuration).
FrontDoorReport front_door_report(const ledger::FrontDoorRows& rows, const rules::RulesConfig& config);

// The "front_door" object's value.
void write_front_door_json(const FrontDoorReport& report, render::JsonWriter& json);
// section,key,metric,value rows: front_door_payer, front_door_rejections, front_door.
void write_front_door_csv(const FrontDoorReport& report, render::CsvWriter& csv);

}  // namespace clearhouse::report
