// Coordination of benefits through the API:
//   POST /v1/secondary {"as_of": "2024-06-20"} (optional): `clearhouse secondary` into the
//     service's batch directory (<batch_dir>/secondary); answers the decisions and the 837P
//     files with their text;
//   GET /v1/secondary/due[?as_of=DATE]: the claims a run would send now (and those it would not,
//     with why), without writing anything: the worklist page's "due a secondary claim" list.
#include <fstream>
#include <sstream>

#include "engine/secondary/secondary_report_json.hpp"
#include "engine/secondary/secondary_run.hpp"
#include "engine/service/json_body.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::service {
namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

model::Date as_of_from(std::optional<std::string> text, model::Date fallback) {
  if (!text || text->empty()) return fallback;
  const auto d = model::Date::parse_iso(*text);
  if (!d) throw RequestError(422, "invalid_field", "as_of must be a date, YYYY-MM-DD");
  return *d;
}

}  // namespace

Response handle_post_secondary(Request& req, ServiceContext& ctx) {
  secondary::SecondaryOptions options;
  options.as_of = ctx.today();
  if (!req.body_text().empty()) {
    JsonBody body(req.body_text());
    options.as_of = as_of_from(body.text("as_of", false, 10), options.as_of);
  }
  options.out_dir = ctx.settings().batch_dir / "secondary";
  secondary::SecondaryReport report;
  {
    auto ledger = ctx.ledgers().acquire();
    report = secondary::run_secondary(*ledger, options);
  }
  render::JsonWriter json;
  json.begin_object();
  secondary::write_secondary_report_fields(json, options.as_of, report);
  json.key("files").begin_array();
  for (const auto& f : report.files) {
    json.begin_object();
    json.field("name", std::filesystem::path(f).filename().string());
    json.field("text", file_text(f));
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.newline();
  return json_response(200, json.take());
}

Response handle_get_secondary_due(Request& req, ServiceContext& ctx) {
  const model::Date as_of = as_of_from(req.query_value("as_of"), ctx.today());
  std::vector<secondary::PlannedClaim> plans;
  std::vector<secondary::DecisionSummary> unreadable;
  {
    auto ledger = ctx.ledgers().acquire();
    plans = secondary::plan_secondary(*ledger, as_of, &unreadable);
  }
  render::JsonWriter json;
  json.begin_object();
  json.field("as_of", as_of.to_iso());
  std::size_t due = 0;
  for (const auto& p : plans) due += p.next_claim ? 1 : 0;
  json.key("due").unsigned_number(due);
  json.key("claims").begin_array();
  for (const auto& p : plans) {
    if (!p.next_claim) continue;
    json.begin_object();
    json.field("claim_id", p.claim_id);
    json.field("payer_id", p.payer_id);
    json.field("next_payer_id", p.next_payer_id);
    json.field("next_payer_name", p.next_payer_name);
    json.field("next_level", p.next_level);
    json.field("frequency_code", p.next_claim->frequency_code);
    json.field("billed_cents", p.next_claim->total_charge.cents());
    const auto& prior = p.next_claim->other_coverage;
    std::int64_t paid = 0;
    for (const auto& o : prior)
      if (o.adjudication) paid += o.adjudication->paid.cents();
    json.field("prior_paid_cents", paid);
    json.field("event", secondary::to_string(p.decision));
    json.end_object();
  }
  json.end_array();
  // What a run would record without sending (forwarded, waiting, nothing owed), and stored
  // claims that do not read back.
  json.key("not_sent").begin_array();
  for (const auto& p : plans) {
    if (p.next_claim || !p.records_event()) continue;
    json.begin_object();
    json.field("claim_id", p.claim_id);
    json.field("payer_id", p.payer_id);
    json.field("next_payer_id", p.next_payer_id);
    json.field("event", secondary::to_string(p.decision));
    json.field("message", p.message);
    json.end_object();
  }
  for (const auto& u : unreadable) {
    json.begin_object();
    json.field("claim_id", u.claim_id);
    json.field("payer_id", u.payer_id);
    json.field("next_payer_id", "");
    json.field("event", "unreadable");
    json.field("message", u.message);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.newline();
  return json_response(200, json.take());
}

}  // namespace clearhouse::service
