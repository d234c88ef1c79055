#include "engine/secondary/secondary_report_json.hpp"

namespace clearhouse::secondary {

void write_secondary_report_fields(render::JsonWriter& json, model::Date as_of, const SecondaryReport& report) {
  json.field("as_of", as_of.to_iso());
  json.key("candidates").unsigned_number(report.candidates);
  json.key("sent").unsigned_number(report.sent);
  json.key("replacements").unsigned_number(report.replacements);
  json.key("forwarded").unsigned_number(report.forwarded);
  json.key("waiting").unsigned_number(report.waiting);
  json.key("nothing_owed").unsigned_number(report.nothing_owed);
  json.key("rejected").unsigned_number(report.rejected);
  json.key("bytes").unsigned_number(report.bytes);
  json.field("rejections_file", report.rejections_file);
  json.key("decisions").begin_array();
  for (const auto& d : report.decisions) {
    json.begin_object();
    json.field("claim_id", d.claim_id);
    json.field("payer_id", d.payer_id);
    json.field("next_payer_id", d.next_payer_id);
    json.field("next_level", d.next_level);
    json.field("event", d.event);
    json.field("message", d.message);
    json.end_object();
  }
  json.end_array();
}

}  // namespace clearhouse::secondary
