#include "engine/cli/diagnostics_json.hpp"

namespace clearhouse::cli {

void write_x12_error(render::JsonWriter& json, const x12::X12Error& e) {
  json.begin_object();
  json.key("offset").unsigned_number(e.offset);
  json.key("segment").unsigned_number(e.segment);
  json.field("id", e.segment_id);
  json.field("element", static_cast<std::int64_t>(e.element));
  if (e.component > 0) json.field("component", static_cast<std::int64_t>(e.component));
  json.field("code", x12::to_string(e.code));
  json.field("message", e.message());
  json.end_object();
}

void write_diagnostics(render::JsonWriter& json, const x12::Diagnostics& d) {
  json.key("errors").begin_array();
  for (const auto& e : d.errors()) write_x12_error(json, e);
  json.end_array();
  json.key("warnings").begin_array();
  for (const auto& e : d.warnings()) write_x12_error(json, e);
  json.end_array();
  json.key("error_count").unsigned_number(d.error_count());
  json.key("warning_count").unsigned_number(d.warning_count());
}

}  // namespace clearhouse::cli
