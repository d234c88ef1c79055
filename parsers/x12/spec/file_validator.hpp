#pragma once
// Validates a whole X12 file: envelopes (SNIP 1, with the checks of the envelope reader),
// every transaction set against its implementation guide, and builds what the sender gets
// back: one TA1 per interchange and one 999 per functional group. Streams: memory depends on
// the size of one transaction set's findings, not on the file.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/model/acknowledgment.hpp"
#include "engine/model/validation_finding.hpp"
#include "parsers/x12/error.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/parallel_reading.hpp"
#include "parsers/x12/spec/code_set_checker.hpp"
#include "parsers/x12/spec/spec_catalog.hpp"

namespace clearhouse::x12::spec {

struct InterchangeResult {
  model::InterchangeAck ta1;
  model::AckParties parties;       // who gets the acknowledgments (the sender of this interchange)
  std::string version;             // ISA12
  std::vector<model::FunctionalGroupAck> groups;
};

struct ValidationReport {
  std::vector<InterchangeResult> interchanges;
  std::vector<model::ValidationFinding> findings;  // bounded; the counts are exact
  std::uint64_t error_count = 0, warning_count = 0;
  // Of warning_count, notes on how the file was read (text skipped before the first ISA): the
  // content is judged as if the file started at its ISA, so they do not change the verdict.
  std::uint64_t reading_notes = 0;
  std::uint64_t transactions = 0, accepted = 0, accepted_with_errors = 0, rejected = 0;
  std::uint64_t segments = 0, bytes = 0;
  bool readable = true;  // false when no interchange could be read at all (no ISA, I/O error)

  // Accepted: every interchange accepted and every set A (or E: accepted with errors).
  bool interchanges_accepted() const;
  bool fully_accepted() const { return readable && interchanges_accepted() && rejected == 0 && accepted_with_errors == 0 && error_count == 0; }
  bool any_rejected() const { return !readable || !interchanges_accepted() || rejected != 0 || error_count != 0; }
};

struct ValidationOptions {
  const codes::CodeLists* code_sets = nullptr;  // --code-set lists; nullptr: formats only
  bool strict_code_sets = false;                 // a code not on its list is an error, not a warning
  std::size_t finding_limit = 20000;  // kept in the report (totals stay exact)
  // Called for every transaction set when it ends: (ST02, accepted?) -- used by intake.
  std::function<void(const model::TransactionSetAck&, const std::string& group_control)> on_transaction;
  // Threads that read the file in parts (parsers/x12/parallel_reading.hpp); the report is the
  // same for any number. 1: the calling thread alone.
  unsigned jobs = 1;
  PartsRead* parts_read = nullptr;  // with jobs > 1: how the input was read (tests, measurements)
};

ValidationReport validate_x12(InputSource& input, const SpecCatalog& catalog, const ValidationOptions& options = {});

}  // namespace clearhouse::x12::spec
