#pragma once
// Why an encounter was not submitted: one record of the submit run's rejection report. Messages
// say what was expected; they never echo names, member ids, birth dates or diagnoses (PHI).

#include <cstdint>
#include <string>

namespace clearhouse::model {

struct Rejection {
  std::string claim_id;      // as given (may be empty when the line did not parse)
  std::uint64_t line = 0;    // 1-based line of the input
  std::string field;         // JSON path: "service_lines[2].charge", "" for the whole line
  std::string code;          // stable machine code: "invalid_npi", "json_syntax", ...
  std::string message;       // for people
  friend bool operator==(const Rejection&, const Rejection&) = default;
};

}  // namespace clearhouse::model
