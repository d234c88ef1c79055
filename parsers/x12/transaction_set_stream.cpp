#include "parsers/x12/transaction_set_stream.hpp"

namespace clearhouse::x12 {

std::string_view TransactionSetStream::trim(std::string_view v) {
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  return v;
}

void TransactionSetStream::collect_diagnostics(std::vector<model::Finding>* into) {
  diagnostic_findings_.collect(into, open_ ? std::string_view(envelope_.transaction().control_number) : "",
                               file_findings_);
}

model::Finding transaction_finding(std::string rule, std::string_view transaction, std::uint64_t segment,
                                   std::uint64_t offset, std::string message, std::string action,
                                   model::FindingSeverity severity) {
  model::Finding f;
  f.rule = std::move(rule);
  f.category = model::finding_category::malformed;
  f.severity = severity;
  f.message = std::move(message);
  f.action = std::move(action);
  f.location.transaction = transaction;
  f.location.segment = segment;
  f.location.offset = offset;
  f.location.segment_id = "ST";
  return f;
}

model::Finding segment_finding(std::string rule, const Segment& s, std::string_view transaction, std::string_view loop,
                               int element, int component, std::string message, std::string action,
                               model::FindingSeverity severity) {
  model::Finding f = transaction_finding(std::move(rule), transaction, s.ordinal(), s.offset(), std::move(message),
                                         std::move(action), severity);
  f.location.segment_id = s.id();
  f.location.loop = loop;
  f.location.element = element;
  f.location.component = component;
  return f;
}

}  // namespace clearhouse::x12
