#pragma once
// The envelope reader's diagnostics as findings, for the typed readers (835, 277): each error
// is turned into a Finding once, as reading goes on. An error inside the transaction set being
// read belongs to that set; a missing GE or IEA, or anything while no set is open, belongs to
// the file. Warnings are notes about formatting the lexer already recovered from and are not
// repeated, except text skipped before the first ISA (a file finding with severity warning). Past the diagnostics' limit one finding says how many errors were not itemised.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model/finding.hpp"
#include "parsers/x12/error.hpp"

namespace clearhouse::x12 {

class DiagnosticFindings {
 public:
  explicit DiagnosticFindings(const Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Adds the errors reported since the last call: to *set (the open transaction set, whose
  // ST02 is `transaction`), or to file. Pass set = &file when no transaction set is open.
  void collect(std::vector<model::Finding>* set, std::string_view transaction, std::vector<model::Finding>& file);

 private:
  const Diagnostics& diagnostics_;
  std::size_t seen_ = 0;          // errors already turned into findings
  std::size_t warnings_seen_ = 0;  // warnings already looked at
  std::uint64_t total_seen_ = 0;  // errors counted, itemised or not
};

}  // namespace clearhouse::x12
