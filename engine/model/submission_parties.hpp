#pragma once
// Who sends an 837P batch and who receives it: the submitter (1000A, ISA06/GS02) and the
// receiver (1000B, ISA08/GS03) — by default the payer itself, or one clearinghouse.

#include <string>

namespace clearhouse::model {

struct Submitter {
  std::string name;          // NM103 of NM1*41 (an organisation)
  std::string id;            // NM109 (46 qualifier), ISA06, GS02: 2-15 characters
  std::string contact_name;  // PER02
  std::string phone;         // PER04 with TE: digits only
  std::string email;         // PER06 with EM, optional
  friend bool operator==(const Submitter&, const Submitter&) = default;
};

struct Receiver {
  std::string name;  // NM103 of NM1*40
  std::string id;    // NM109 (46 qualifier), ISA08, GS03: 2-15 characters
  friend bool operator==(const Receiver&, const Receiver&) = default;
};

}  // namespace clearhouse::model
