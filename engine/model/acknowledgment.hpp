#pragma once
// What a 999 implementation acknowledgment and a TA1 interchange acknowledgment say, as plain
// values: the validator fills them, the 999/TA1 writers write them, the 999 reader reads
// them back (so posting a payer's 999 can mark the claims it accepted or rejected).

#include <cstdint>
#include <string>
#include <vector>

namespace clearhouse::model {

// IK4: one data element in error.
struct ElementNote {
  int element = 0;            // IK401-1
  int component = 0;          // IK401-2 (0 = none)
  int repetition = 0;         // IK401-3 (0 = none)
  std::string data_element;   // IK402
  std::string code;           // IK403: 1..13, I6, I9..I13
  std::string bad_value;      // IK404 (empty for PHI)
};

// IK3 (+ CTX + IK4s): one segment in error.
struct SegmentNote {
  std::string segment_id;     // IK301
  std::uint64_t position = 0; // IK302
  std::string loop_id;        // IK303
  std::string code;           // IK304: 1..8, I4, I6..I9
  std::string claim_id;       // CTX*CLM01:<claim id> business unit, when inside a claim
  std::vector<ElementNote> elements;
};

// AK2..IK5: one transaction set.
struct TransactionSetAck {
  std::string type;            // AK201, "837"
  std::string control_number;  // AK202
  std::string implementation;  // AK203
  char code = 'A';             // IK501: A accepted, E accepted with errors, R rejected
  std::vector<std::string> syntax_errors;  // IK502..IK506
  std::vector<SegmentNote> segments;
};

// AK1..AK9: one functional group.
struct FunctionalGroupAck {
  std::string functional_id;   // AK101
  std::string control_number;  // AK102
  std::string version;         // AK103
  std::vector<TransactionSetAck> sets;
  char code = 'A';             // AK901: A, E, P (partially accepted), R
  std::uint64_t included = 0;  // AK902 (GE01 as sent)
  std::uint64_t received = 0;  // AK903
  std::uint64_t accepted = 0;  // AK904 (A and E)
  std::vector<std::string> group_errors;  // AK905..AK909
};

// TA1: one interchange.
struct InterchangeAck {
  std::string control_number;  // TA101 (ISA13 acknowledged)
  std::string date;            // TA102 YYMMDD (ISA09)
  std::string time;            // TA103 HHMM (ISA10)
  char code = 'A';             // TA104: A, E, R
  std::string note_code = "000";  // TA105
};

// The sender/receiver of the interchange that carried the acknowledged data: the
// acknowledgment goes back the other way.
struct AckParties {
  std::string sender_qualifier = "ZZ", sender_id;      // ISA05/06 of the acknowledgment
  std::string receiver_qualifier = "ZZ", receiver_id;  // ISA07/08
  std::string group_sender, group_receiver;            // GS02/GS03
};

}  // namespace clearhouse::model
