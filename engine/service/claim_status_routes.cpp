// POST /v1/claim-statuses: a 277CA (005010X214) or 277 (005010X212) body -> posted to the
// ledger one transaction set at a time, exactly as `clearhouse ack` does
// (ack::post_claim_status_source): front-door statuses with history, payer claim numbers,
// worklist items for rejections, denials and claims not found; the same set twice changes
// nothing. POST /v1/remittances hands a 277 here, as `clearhouse post` hands it to `ack`.
// POST /v1/status-inquiries: `clearhouse status-inquiry` (276s) through the API.
#include <charconv>
#include <fstream>
#include <sstream>

#include "engine/ack/claim_status_file_posting.hpp"
#include "engine/ack/status_inquiry_run.hpp"
#include "engine/rules/rule_ids.hpp"
#include "engine/service/json_body.hpp"
#include "engine/ledger/session_settings.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/service/upload.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::service {
namespace {

std::string whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

Response post_claim_status_upload(UploadFile& upload, ServiceContext& ctx) {
  std::string error;
  auto source = x12::FileSource::open(upload.path().string(), error);
  if (!source) throw std::runtime_error("cannot reopen the spooled upload");
  ack::ClaimStatusFileTotals t;
  {
    auto ledger = ctx.ledgers().acquire();
    const ledger::RelaxedDurability relaxed(ledger->connection());
    ack::ClaimStatusPostingOptions options;
    options.source_name = "upload";
    options.now = util::utc_timestamp_now();
    options.today = ctx.today();
    options.config = &ctx.rules();
    t = ack::post_claim_status_source(*source, *ledger, options);
  }
  render::JsonWriter json;
  json.begin_object();
  ack::write_claim_status_totals_fields(json, t);
  json.field("status", t.needs_attention() ? "needs_attention" : "clean");
  json.key("finding_list").begin_array();
  for (const auto& f : t.listed) {
    json.begin_object();
    json.field("severity", model::to_string(f.severity));
    json.field("category", f.category);
    json.field("rule", f.rule);
    if (!f.claim_id.empty()) json.field("claim_id", f.claim_id);
    if (!f.payer_id.empty()) json.field("payer_id", f.payer_id);
    json.field("location", f.location.to_string());
    json.field("message", f.message);
    if (!f.action.empty()) json.field("action", f.action);
    json.end_object();
  }
  json.end_array();
  json.field("finding_list_truncated", t.findings > t.listed.size());
  json.end_object();
  json.newline();
  // Not a 277 at all (no transaction set read): the request cannot be processed.
  return json_response(t.sets == 0 ? 422 : 200, json.take());
}

Response handle_post_claim_statuses(Request& req, ServiceContext& ctx) {
  UploadFile upload(req, ctx);
  if (upload.size() == 0) throw RequestError(422, "empty_body", "the body is empty; send a 277CA or 277 file");
  if (!ack::is_claim_status_file(upload.path().string()))
    throw RequestError(422, "not_a_277", "this is not a 277CA or 277 claim status file");
  return post_claim_status_upload(upload, ctx);
}

}  // namespace clearhouse::service

namespace clearhouse::service {

// POST /v1/status-inquiries {"older_than_days": "21", "payer": "60054", "as_of": "2024-06-20"}
// (every field optional): `clearhouse status-inquiry` into the service's batch directory
// (<batch_dir>/inquiries); answers the files with their 276 text.
Response handle_post_status_inquiries(Request& req, ServiceContext& ctx) {
  ack::StatusInquiryOptions options;
  options.older_than_days = ctx.rules().rule(rules::rule_id::status_inquiry).after_days;
  options.as_of = ctx.today();
  if (!req.body_text().empty()) {
    JsonBody body(req.body_text());
    if (const auto days = body.text("older_than_days", false, 6)) {
      int n = -1;
      const auto [end, ec] = std::from_chars(days->data(), days->data() + days->size(), n);
      if (ec != std::errc{} || end != days->data() + days->size() || n < 0)
        throw RequestError(422, "invalid_field", "older_than_days must be a number of days");
      options.older_than_days = n;
    }
    options.payer_id = body.text("payer", false, 80).value_or("");
    if (const auto as_of = body.text("as_of", false, 10)) {
      const auto d = model::Date::parse_iso(*as_of);
      if (!d) throw RequestError(422, "invalid_field", "as_of must be a date, YYYY-MM-DD");
      options.as_of = *d;
    }
  }
  options.out_dir = ctx.settings().batch_dir / "inquiries";
  const auto now = std::chrono::system_clock::now();
  options.now = util::utc_timestamp(now);
  options.hhmm = util::local_time(now).hhmm;
  ack::StatusInquiryReport report;
  {
    auto ledger = ctx.ledgers().acquire();
    report = ack::run_status_inquiries(*ledger, options);
  }
  render::JsonWriter json;
  json.begin_object();
  json.field("as_of", options.as_of.to_iso());
  json.field("cutoff", report.cutoff);
  json.key("due").unsigned_number(report.due);
  json.key("inquiries").unsigned_number(report.inquiries);
  json.key("files").begin_array();
  for (const auto& f : report.files) {
    json.begin_object();
    json.field("name", std::filesystem::path(f.path).filename().string());
    json.field("receiver_id", f.receiver_id);
    json.key("interchange_control_number").unsigned_number(f.interchange_control_number);
    json.key("inquiries").unsigned_number(f.inquiries);
    json.field("text", whole_file(f.path));
    json.end_object();
  }
  json.end_array();
  json.key("skipped").begin_array();
  for (const auto& s : report.skipped) {
    json.begin_object();
    json.field("claim_id", s.claim_id);
    json.field("payer_id", s.payer_id);
    json.field("reason", s.reason);
    json.end_object();
  }
  json.end_array();
  json.field("errors", report.errors);
  json.end_object();
  json.newline();
  return json_response(200, json.take());
}

}  // namespace clearhouse::service
