#include "engine/validation/validation_output.hpp"

#include <fmt/format.h>

#include "generators/render/json_writer.hpp"

namespace clearhouse::validation {
namespace {

const char* level_name(model::SnipLevel l) {
  switch (l) {
    case model::SnipLevel::syntax: return "syntax";
    case model::SnipLevel::implementation: return "implementation";
    case model::SnipLevel::balancing: return "balancing";
    case model::SnipLevel::situational: return "situational";
    case model::SnipLevel::code_set: return "code_set";
  }
  return "syntax";
}

std::string codes_of(const model::ValidationFinding& f) {
  if (!f.element_code.empty()) return fmt::format("IK3 {} / IK4 {}", f.segment_code, f.element_code);
  if (!f.segment_code.empty()) return fmt::format("IK3 {}", f.segment_code);
  return {};
}

}  // namespace

std::string verdict(const x12::spec::ValidationReport& r) {
  if (r.any_rejected()) return "rejected";
  if (r.accepted_with_errors != 0 || r.warning_count > r.reading_notes) return "accepted_with_errors";
  return "accepted";
}

void print_findings_text(std::FILE* out, const std::string& file, const x12::spec::ValidationReport& r) {
  for (const auto& f : r.findings) {
    const std::string codes = codes_of(f);
    fmt::print(out, "{}: {}: {} [SNIP {}{}] {}{}\n", file, model::location_of(f), f.is_error() ? "error" : "warning",
               static_cast<int>(f.level), codes.empty() ? "" : ", " + codes, f.message,
               f.bad_value.empty() ? "" : " (found '" + f.bad_value + "')");
  }
  if (r.findings.size() < r.error_count + r.warning_count)
    fmt::print(out, "{}: ... {} more findings not listed\n", file, r.error_count + r.warning_count - r.findings.size());
  fmt::print(out, "{}: {}: {} transaction sets ({} accepted, {} accepted with errors, {} rejected), {} errors, {} warnings\n",
             file, verdict(r), r.transactions, r.accepted, r.accepted_with_errors, r.rejected, r.error_count,
             r.warning_count);
}

void write_findings_fields(render::JsonWriter& json, const std::string& file, const x12::spec::ValidationReport& r) {
  json.field("file", file);
  json.field("status", verdict(r));
  json.key("transactions").unsigned_number(r.transactions);
  json.key("accepted").unsigned_number(r.accepted);
  json.key("accepted_with_errors").unsigned_number(r.accepted_with_errors);
  json.key("rejected").unsigned_number(r.rejected);
  json.key("errors").unsigned_number(r.error_count);
  json.key("warnings").unsigned_number(r.warning_count);
  json.key("interchanges").begin_array();
  for (const auto& i : r.interchanges) {
    json.begin_object();
    json.field("control_number", i.ta1.control_number);
    json.field("ta1", fmt::format("{}/{}", i.ta1.code, i.ta1.note_code));
    json.key("groups").begin_array();
    for (const auto& g : i.groups) {
      json.begin_object();
      json.field("control_number", g.control_number);
      json.field("code", std::string(1, g.code));
      json.key("sets").begin_array();
      for (const auto& s : g.sets) {
        json.begin_object();
        json.field("type", s.type);
        json.field("control_number", s.control_number);
        json.field("code", std::string(1, s.code));
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("findings").begin_array();
  for (const auto& f : r.findings) {
    json.begin_object();
    json.field("severity", f.is_error() ? "error" : "warning");
    json.key("snip").number(static_cast<int>(f.level));
    json.field("level", level_name(f.level));
    json.field("location", model::location_of(f));
    if (!f.interchange_control.empty()) json.field("interchange", f.interchange_control);
    if (!f.group_control.empty()) json.field("group", f.group_control);
    if (!f.transaction_control.empty()) json.field("transaction", f.transaction_control);
    json.key("position").unsigned_number(f.position);
    json.key("segment").unsigned_number(f.file_segment);
    json.key("offset").unsigned_number(f.offset);
    json.field("segment_id", f.segment_id);
    json.field("loop", f.loop_id);
    json.field("element", static_cast<std::int64_t>(f.element));
    json.field("component", static_cast<std::int64_t>(f.component));
    if (!f.data_element.empty()) json.field("data_element", f.data_element);
    if (!f.segment_code.empty()) json.field("ik3", f.segment_code);
    if (!f.element_code.empty()) json.field("ik4", f.element_code);
    if (!f.bad_value.empty()) json.field("found", f.bad_value);
    if (!f.claim_id.empty()) json.field("claim_id", f.claim_id);
    json.field("message", f.message);
    json.end_object();
  }
  json.end_array();
}

void print_findings_json(std::FILE* out, const std::string& file, const x12::spec::ValidationReport& r,
                         const std::string& ack_path) {
  render::JsonWriter json(out);
  json.begin_object();
  write_findings_fields(json, file, r);
  if (ack_path.empty()) json.key("acknowledgment").null();
  else json.field("acknowledgment", ack_path);
  json.end_object();
  json.newline();
  json.flush();
}

}  // namespace clearhouse::validation
