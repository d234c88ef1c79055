// POST /v1/validate: an X12 body (837P, 835, 999) -> implementation-guide findings and the
// acknowledgment the sender gets back (999 by default; ?ack=ta1 or ?ack=both).
#include <fmt/format.h>

#include "engine/ack/acknowledgment_files.hpp"
#include "engine/validation/validation_input.hpp"
#include "engine/validation/validation_output.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/service/upload.hpp"
#include "generators/render/json_writer.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::service {

Response handle_validate(Request& req, ServiceContext& ctx) {
  const std::string ack_choice = req.query_value("ack").value_or("999");
  ack::AckKind kind;
  if (ack_choice == "999") kind = ack::AckKind::implementation_999;
  else if (ack_choice == "ta1") kind = ack::AckKind::interchange_ta1;
  else if (ack_choice == "both") kind = ack::AckKind::both;
  else throw RequestError(400, "bad_parameter", "ack must be 999, ta1 or both");

  UploadFile upload(req, ctx);
  if (upload.size() == 0) throw RequestError(422, "empty_body", "the body is empty; send an X12 file");
  const auto catalog = validation::default_catalog();
  if (!catalog->ok()) throw std::runtime_error("implementation-guide specs not loaded");
  std::string error;
  auto source = x12::FileSource::open(upload.path().string(), error);
  if (!source) throw std::runtime_error("cannot reopen the spooled upload");
  const auto report = x12::spec::validate_x12(*source, *catalog);

  render::JsonWriter json;
  json.begin_object();
  validation::write_findings_fields(json, "upload", report);
  if (report.readable) {
    auto ledger = ctx.ledgers().acquire();
    const auto ack_text = ack::build_acknowledgments(report, kind, *ledger);
    json.field("acknowledgment_kind", ack_choice);
    json.field("acknowledgment", ack_text.text);
    if (!ack_text.error.empty()) json.field("acknowledgment_error", ack_text.error);
  } else {
    json.key("acknowledgment").null();
  }
  json.end_object();
  json.newline();
  // Not X12 at all (no interchange could be read) is a request the service cannot process.
  return json_response(report.readable ? 200 : 422, json.take());
}

}  // namespace clearhouse::service
