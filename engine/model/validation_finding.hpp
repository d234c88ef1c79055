#pragma once
// One implementation-guide validation finding: where (transaction set, segment position,
// loop, element, component), what (the 999 IK3/IK4 codes and a sentence) and how bad. The
// validator produces them, the CLI prints them, the 999 writer turns them into IK3/IK4.

#include <cstdint>
#include <string>

#include "engine/model/finding_severity.hpp"

namespace clearhouse::model {

// WEDI SNIP levels: which kind of rule the finding comes from.
enum class SnipLevel : std::uint8_t {
  syntax = 1,          // X12 syntax: envelopes, element types, lengths, characters
  implementation = 2,  // implementation guide: usage, repeats, codes, syntax rules, HL links
  balancing = 3,       // amounts that must add up (CLM02 = sum SV102, 835 balancing)
  situational = 4,     // situational rules between segments (patient loop, REF*F8)
  code_set = 5,        // external code sets (ICD-10-CM, CPT/HCPCS, CARC, ...)
};

struct ValidationFinding {
  FindingSeverity severity = FindingSeverity::error;
  SnipLevel level = SnipLevel::syntax;
  std::string interchange_control;  // ISA13
  std::string group_control;        // GS06
  std::string transaction_control;  // ST02; empty for interchange/group findings
  std::uint64_t position = 0;       // segment position in the transaction set (ST = 1); 0 outside
  std::uint64_t file_segment = 0;   // segment ordinal in the file
  std::uint64_t offset = 0;         // byte offset of the segment
  std::string segment_id;           // "CLM"
  std::string loop_id;              // innermost loop, "2300"; empty at the transaction level
  int element = 0;                  // 1-based element position; 0 for a segment finding
  int component = 0;                // 1-based component position; 0 for the whole element
  int repetition = 0;               // 1-based repetition; 0 when the element does not repeat
  std::string data_element;         // data element reference number, "782"
  std::string segment_code;         // IK304 (e.g. "8"); empty for envelope findings
  std::string element_code;         // IK403 (e.g. "7"); empty for segment-level findings
  std::string bad_value;            // IK404 copy of the bad value; empty for PHI elements
  std::string claim_id;             // CLM01 of the claim the finding belongs to (999 CTX)
  std::string message;              // the sentence a biller reads; never PHI

  bool is_error() const { return severity == FindingSeverity::error; }
};

// "ST 0001 / segment 42 / 2300 CLM02": the one location format a biller reads.
std::string location_of(const ValidationFinding& f);

}  // namespace clearhouse::model
