#pragma once
// Collects the findings of one transaction set with their location (interchange, group,
// transaction, segment position, loop, element) and the claim they belong to. Bounded: past
// the limit only the totals grow, so a broken 1 GB file cannot exhaust memory.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/validation_finding.hpp"

namespace clearhouse::x12::spec {

// Where a finding is: a copy (findings may be reported after the reader moved on).
struct SegmentRef {
  std::string id;
  std::uint64_t position = 0;      // in the transaction set, ST = 1
  std::uint64_t file_segment = 0;  // in the file
  std::uint64_t offset = 0;
  std::string loop_id;
  std::string claim_id;            // CLM01 when inside a claim
};

struct ElementRef {
  int element = 0, component = 0, repetition = 0;
  std::string data_element;
};

class FindingSink {
 public:
  explicit FindingSink(std::size_t limit = 2000) : limit_(limit) {}

  void begin(std::string interchange, std::string group, std::string transaction);
  void segment_finding(const SegmentRef& where, std::string_view segment_code, model::SnipLevel level,
                       std::string message, model::FindingSeverity severity = model::FindingSeverity::error);
  void element_finding(const SegmentRef& where, const ElementRef& what, std::string_view element_code,
                       model::SnipLevel level, std::string_view bad_value, std::string message,
                       model::FindingSeverity severity = model::FindingSeverity::error);
  // An envelope finding for this transaction set (IK5 codes); no segment note.
  void transaction_finding(std::string message, std::uint64_t position = 0);

  const std::vector<model::ValidationFinding>& findings() const { return findings_; }
  std::uint64_t errors() const { return errors_; }
  std::uint64_t warnings() const { return warnings_; }
  void clear();

 private:
  model::ValidationFinding base(const SegmentRef& where, model::SnipLevel level, model::FindingSeverity severity,
                                std::string message) const;
  void add(model::ValidationFinding f);

  std::size_t limit_;
  std::string interchange_, group_, transaction_;
  std::vector<model::ValidationFinding> findings_;
  std::uint64_t errors_ = 0, warnings_ = 0;
};

}  // namespace clearhouse::x12::spec
