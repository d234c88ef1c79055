#pragma once
// The claims of one accepted 837P transaction set, cut out of it as raw segments so they can be
// forwarded unchanged: the HL blocks (an HL and its segments up to the next HL or CLM) and,
// per claim, its 2300 loop with everything under it (up to the next HL, CLM or SE) plus the
// chain of HL blocks above it (2000A billing provider, 2000B subscriber, 2000C patient).

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/delimiters.hpp"

namespace clearhouse::intake {

struct HlBlock {
  std::string id, parent, level, child_code;  // HL01..HL04
  std::vector<std::string> segments;          // raw, without terminator; [0] is the HL
};

struct ClaimUnit {
  std::string claim_id;        // CLM01
  std::string frequency_code;  // CLM05-3
  std::string payer_id, payer_name;  // 2010BB NM109 / NM103 of the subscriber block above it
  std::vector<std::size_t> chain;    // indexes into TransactionBundle::blocks, top (2000A) first
  std::vector<std::string> segments; // CLM and the rest of its 2300 loop, raw
};

struct TransactionBundle {
  std::string bht_purpose = "00";  // BHT02
  std::string bht_type = "CH";     // BHT06: CH chargeable, RP reporting (encounters)
  std::vector<HlBlock> blocks;
  std::vector<ClaimUnit> claims;
  std::vector<std::string> problems;  // claims that could not be placed (no HL, no payer)
};

// Cuts one transaction set (its segments between ST and SE, raw) into claims.
TransactionBundle bundle_transaction(const std::vector<std::string>& segments, const model::Delimiters& d);

}  // namespace clearhouse::intake
