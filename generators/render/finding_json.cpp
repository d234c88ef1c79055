#include "generators/render/finding_json.hpp"

#include <cstdint>

namespace clearhouse::render {

void write_finding(JsonWriter& json, const model::Finding& f) {
  json.begin_object();
  json.field("severity", model::to_string(f.severity));
  json.field("category", f.category);
  json.field("rule", f.rule);
  if (!f.claim_id.empty()) json.field("claim_id", f.claim_id);
  if (f.line_number > 0) json.field("line", static_cast<std::int64_t>(f.line_number));
  if (!f.payer_id.empty()) json.field("payer_id", f.payer_id);
  if (!f.trace_number.empty()) json.field("trace_number", f.trace_number);
  json.field("amount_cents", f.amount.cents());
  json.field("location", f.location.to_string());
  json.field("message", f.message);
  if (!f.action.empty()) json.field("action", f.action);
  json.end_object();
}

}  // namespace clearhouse::render
