#pragma once
// Validates one transaction set against its spec, segment by segment, with flat memory:
// the structure walker places each segment (SNIP 2 structure), the element validator checks
// its elements (SNIP 1-2), the HL checker the hierarchy, the 837P claim rules and the 835
// balancing (SNIP 3-4), the code-set checker SNIP 5. The result is a bounded list of
// findings and the 999 transaction-set acknowledgment built from them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/acknowledgment.hpp"
#include "parsers/x12/segment.hpp"
#include "parsers/x12/spec/claim_rules.hpp"
#include "parsers/x12/spec/code_set_checker.hpp"
#include "parsers/x12/spec/element_validator.hpp"
#include "parsers/x12/spec/finding_sink.hpp"
#include "parsers/x12/spec/hierarchy_checker.hpp"
#include "parsers/x12/spec/remittance_balance.hpp"
#include "parsers/x12/spec/structure_walker.hpp"

namespace clearhouse::x12::spec {

struct TransactionIds {
  std::string interchange;   // ISA13
  std::string group;         // GS06
  std::string version;       // GS08
};

class TransactionValidator {
 public:
  // code_lists: nullptr when none were given; strict_code_sets: a code not on its list is an error.
  TransactionValidator(const TransactionSpec& spec, const codes::CodeLists* code_lists, bool strict_code_sets = false,
                       std::size_t finding_limit = 2000);

  // ST: starts a transaction set (position 1).
  void begin(const Segment& st, const TransactionIds& ids);
  // A body segment at its position in the set (ST = 1).
  void segment(const Segment& segment, std::uint64_t position);
  // SE (nullptr when the set ended without one) at its position.
  void end(const Segment* se, std::uint64_t position);

  // An envelope problem of this set (IK5 code: 2 missing SE, 3 control numbers, 4 count, 23 duplicate).
  void envelope_error(std::string ik5_code, std::string message, std::uint64_t position);
  // A segment after SE that belongs to no transaction set (IK3 code 6), charged to this set.
  void stray_segment(const Segment& segment, std::uint64_t position);

  const std::vector<model::ValidationFinding>& findings() const { return sink_.findings(); }
  std::uint64_t error_count() const { return sink_.errors(); }
  std::uint64_t warning_count() const { return sink_.warnings(); }
  // The AK2..IK5 acknowledgment of the set validated since begin().
  model::TransactionSetAck acknowledgment() const;
  const std::string& control_number() const { return control_number_; }
  const TransactionSpec& spec() const { return spec_; }

 private:
  void report_structure(const SegmentContext& ctx);
  void report_elements(const SegmentContext& ctx);
  void notify_loops(const SegmentContext& ctx);
  std::string_view loop_id(const LoopSpec* loop) const;

  const TransactionSpec& spec_;
  StructureWalker walker_;
  ElementValidator elements_;
  HierarchyChecker hierarchy_;
  ClaimRules claims_;
  RemittanceBalance remittance_;
  CodeSetChecker code_sets_;
  FindingSink sink_;
  std::vector<ElementProblem> problems_;  // reused
  bool is_claim_ = false, is_remittance_ = false;
  std::string type_, control_number_, implementation_;
  std::string claim_id_;
  std::vector<std::string> syntax_errors_;  // IK5 codes from the envelope
};

}  // namespace clearhouse::x12::spec
