#include "parsers/x12/spec/finding_sink.hpp"

namespace clearhouse::x12::spec {

void FindingSink::begin(std::string interchange, std::string group, std::string transaction) {
  interchange_ = std::move(interchange);
  group_ = std::move(group);
  transaction_ = std::move(transaction);
}

void FindingSink::clear() {
  findings_.clear();
  errors_ = warnings_ = 0;
}

model::ValidationFinding FindingSink::base(const SegmentRef& where, model::SnipLevel level,
                                           model::FindingSeverity severity, std::string message) const {
  model::ValidationFinding f;
  f.severity = severity;
  f.level = level;
  f.interchange_control = interchange_;
  f.group_control = group_;
  f.transaction_control = transaction_;
  f.position = where.position;
  f.file_segment = where.file_segment;
  f.offset = where.offset;
  f.segment_id = where.id;
  f.loop_id = where.loop_id;
  f.claim_id = where.claim_id;
  f.message = std::move(message);
  return f;
}

void FindingSink::add(model::ValidationFinding f) {
  (f.is_error() ? errors_ : warnings_) += 1;
  if (findings_.size() < limit_) findings_.push_back(std::move(f));
}

void FindingSink::segment_finding(const SegmentRef& where, std::string_view segment_code, model::SnipLevel level,
                                  std::string message, model::FindingSeverity severity) {
  auto f = base(where, level, severity, std::move(message));
  f.segment_code = segment_code;
  add(std::move(f));
}

void FindingSink::element_finding(const SegmentRef& where, const ElementRef& what, std::string_view element_code,
                                  model::SnipLevel level, std::string_view bad_value, std::string message,
                                  model::FindingSeverity severity) {
  auto f = base(where, level, severity, std::move(message));
  f.segment_code = "8";
  f.element = what.element;
  f.component = what.component;
  f.repetition = what.repetition;
  f.data_element = what.data_element;
  f.element_code = element_code;
  f.bad_value = std::string(bad_value.substr(0, 99));
  add(std::move(f));
}

void FindingSink::transaction_finding(std::string message, std::uint64_t position) {
  SegmentRef where;
  where.position = position;
  auto f = base(where, model::SnipLevel::syntax, model::FindingSeverity::error, std::move(message));
  // Envelope findings are few and decide the IK5: kept even past the limit.
  ++errors_;
  findings_.push_back(std::move(f));
}

}  // namespace clearhouse::x12::spec
