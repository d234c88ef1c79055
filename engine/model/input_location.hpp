#pragma once
// Where in an input file something was found, in the one format billers read everywhere:
// "ST 0001 / segment 42 / 2100 CLP04" (transaction set, segment ordinal, loop, element).

#include <cstdint>
#include <string>

namespace clearhouse::model {

struct InputLocation {
  std::string transaction;     // ST02 of the transaction set; empty outside one
  std::uint64_t segment = 0;   // 1-based segment ordinal in the file; 0 when none
  std::uint64_t offset = 0;    // byte offset in the file
  std::string segment_id;      // "CLP"
  std::string loop;            // "2100"; empty when not known
  int element = 0;             // 1-based element position; 0 for the whole segment
  int component = 0;           // 1-based component position; 0 for the whole element

  bool empty() const { return transaction.empty() && segment == 0 && offset == 0; }
  std::string to_string() const;

  friend bool operator==(const InputLocation&, const InputLocation&) = default;
};

}  // namespace clearhouse::model
