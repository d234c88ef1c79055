#include "parsers/x12/diagnostic_findings.hpp"

#include <fmt/format.h>

#include <utility>

namespace clearhouse::x12 {

void DiagnosticFindings::collect(std::vector<model::Finding>* set, std::string_view transaction,
                                 std::vector<model::Finding>& file) {
  // Of the warnings, only text skipped before the first ISA becomes a finding: it was not
  // read, and whoever posts the file should know.
  const auto& warnings = diagnostics_.warnings();
  for (; warnings_seen_ < warnings.size(); ++warnings_seen_) {
    const X12Error& w = warnings[warnings_seen_];
    if (w.code != X12Errc::text_before_isa) continue;
    model::Finding f;
    f.rule = "read.text_before_isa";
    f.category = model::finding_category::malformed;
    f.severity = model::FindingSeverity::warning;
    f.message = w.detail;
    f.location.offset = w.offset;
    file.push_back(std::move(f));
  }
  const auto& errors = diagnostics_.errors();
  for (; seen_ < errors.size(); ++seen_) {
    const X12Error& e = errors[seen_];
    ++total_seen_;
    // At the end of input the missing GE and IEA are reported together with the missing SE:
    // they belong to the file, not to the transaction set.
    std::vector<model::Finding>* target = e.code == X12Errc::missing_trailer && e.expected != "SE" ? &file : set;
    model::Finding f;
    f.rule = fmt::format("read.{}", to_string(e.code));
    f.category = model::finding_category::malformed;
    f.message = e.message();
    f.action = "ask the payer to correct and resend the file";
    if (target != &file) f.location.transaction = std::string(transaction);
    f.location.segment = e.segment;
    f.location.offset = e.offset;
    f.location.segment_id = e.segment_id;
    f.location.element = e.element;
    f.location.component = e.component;
    target->push_back(std::move(f));
  }
  if (diagnostics_.error_count() > total_seen_) {
    model::Finding f;
    f.rule = "read.more_errors";
    f.category = model::finding_category::malformed;
    f.message = fmt::format("{} further errors were counted but not itemised", diagnostics_.error_count() - total_seen_);
    total_seen_ = diagnostics_.error_count();
    set->push_back(std::move(f));
  }
}

}  // namespace clearhouse::x12
