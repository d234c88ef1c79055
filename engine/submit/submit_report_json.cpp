#include "engine/submit/submit_report_json.hpp"

namespace clearhouse::submit {

void write_submit_report_fields(render::JsonWriter& json, const SubmitReport& r) {
  json.key("encounters").unsigned_number(r.encounters);
  json.key("claims").unsigned_number(r.claims);
  json.key("rejected").unsigned_number(r.rejected);
  json.key("submitted").unsigned_number(r.submitted);
  json.key("lines").unsigned_number(r.lines);
  json.field("billed", model::to_x12_amount(r.billed));
  json.key("files").begin_array();
  for (const auto& f : r.files) json.string(f);
  json.end_array();
  json.field("rejections", r.rejections_file);
  json.key("split").begin_array();
  for (const auto& s : r.splits) {
    json.begin_object();
    json.field("claim_id", s.claim_id);
    json.key("line").unsigned_number(s.line);
    json.key("claims").begin_array();
    for (const auto& id : s.claim_ids) json.string(id);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("warnings").begin_array();
  for (const auto& w : r.warnings) json.string(w);
  for (const auto& w : r.input_warnings) json.string(w);
  json.end_array();
}

}  // namespace clearhouse::submit
