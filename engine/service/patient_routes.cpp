// The patient's share through the API (docs/api.md, docs/patient-statements.md):
//   POST /v1/patient-payments   a patient payments CSV as the body -> applied as
//     `clearhouse patient-payments` applies it (one transaction, idempotent on reference);
//     answers the same summary (status "needs_attention" when a row was rejected);
//   GET /v1/statements[?as_of=DATE&format=json|html&min_balance=CENTS&account=PA...]   the
//     statements a `clearhouse statements` run would send now, as statements.json's array or the
//     HTML document (with account: that account's statement as it stands, due or not); a
//     preview: nothing is recorded (the cycle is recorded by the command);
//   GET /v1/patients[?as_of=DATE]   every account: its guarantor, amount due, what waits on
//     insurance, whether a statement is due, the last statement sent and its payments (the
//     page's patients view).
// Statements are PHI: they go only into the response, never into a log.
#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "engine/ledger/patient_store.hpp"
#include "engine/patient_billing/patient_payments_run.hpp"
#include "engine/patient_billing/statements_run.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/service/upload.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"
#include "generators/statements/statement_html.hpp"
#include "generators/statements/statement_json.hpp"

namespace clearhouse::service {
namespace {

model::Date as_of_from(std::optional<std::string> text, model::Date fallback) {
  if (!text || text->empty()) return fallback;
  const auto d = model::Date::parse_iso(*text);
  if (!d) throw RequestError(422, "invalid_field", "as_of must be a date, YYYY-MM-DD");
  return *d;
}

model::Money cents_from(std::optional<std::string> text) {
  if (!text || text->empty()) return {};
  std::int64_t cents = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), cents);
  if (ec != std::errc{} || end != text->data() + text->size() || cents < 0)
    throw RequestError(422, "invalid_field", "min_balance must be whole cents (e.g. 500)");
  return model::Money::from_cents(cents);
}

patient_billing::StatementsRun preview(Request& req, ServiceContext& ctx, bool keep_unsent) {
  patient_billing::StatementsOptions options;
  options.as_of = as_of_from(req.query_value("as_of"), ctx.today());
  options.min_balance = cents_from(req.query_value("min_balance"));
  options.now = util::utc_timestamp_now();
  options.record = false;
  options.write_files = false;
  options.keep_unsent = keep_unsent;
  auto ledger = ctx.ledgers().acquire();
  return patient_billing::run_statements(*ledger, options, ctx.rules());
}

}  // namespace

Response handle_post_patient_payments(Request& req, ServiceContext& ctx) {
  UploadFile upload(req, ctx);
  if (upload.size() == 0) throw RequestError(422, "empty_body", "the body is empty; send a patient payments CSV");
  std::ifstream in(upload.path(), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  patient_billing::PatientPaymentsOptions options;
  options.source_name = "upload";
  options.now = util::utc_timestamp_now();
  options.today = ctx.today();
  patient_billing::PatientPaymentsRun run;
  {
    auto ledger = ctx.ledgers().acquire();
    run = patient_billing::import_patient_payments(*ledger, text.str(), ctx.rules(), options);
  }
  render::JsonWriter json;
  json.begin_object();
  json.field("status", run.rejected.empty() ? "clean" : "needs_attention");
  patient_billing::write_patient_payments_fields(json, run);
  json.end_object();
  json.newline();
  return json_response(200, json.take());
}

Response handle_get_statements(Request& req, ServiceContext& ctx) {
  const std::string format = req.query_value("format").value_or("json");
  if (format != "json" && format != "html")
    throw RequestError(422, "invalid_field", "format must be json or html");
  const auto account = req.query_value("account");
  auto run = preview(req, ctx, account.has_value());
  std::vector<model::PatientStatement> chosen;
  if (account) {
    // One account's statement as it stands, whether or not one is due (the page's "view").
    for (auto* list : {&run.statements, &run.unsent})
      for (auto& st : *list)
        if (st.account_number == *account) chosen.push_back(std::move(st));
    if (chosen.empty()) throw RequestError(404, "not_found", "no such patient account");
  } else {
    chosen = std::move(run.statements);
  }
  if (format == "html") {
    Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = statements::statements_html(chosen);
    return r;
  }
  return json_response(200, statements::statements_json(chosen));
}

Response handle_get_patients(Request& req, ServiceContext& ctx) {
  const auto run = preview(req, ctx, true);
  std::vector<std::pair<const model::PatientStatement*, bool>> all;
  for (const auto& s : run.statements) all.emplace_back(&s, true);
  for (const auto& s : run.unsent) all.emplace_back(&s, false);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first->account_number < b.first->account_number; });
  render::JsonWriter json;
  json.begin_object();
  json.key("accounts").begin_array();
  {
    auto ledger = ctx.ledgers().acquire();
    ledger::PatientStore store(ledger->connection());
    for (const auto& [st, due] : all) {
      json.begin_object();
      json.field("account", st->account_number);
      json.key("guarantor").begin_object();
      json.field("last", st->guarantor.last);
      json.field("first", st->guarantor.first);
      json.end_object();
      json.key("amount_due_cents").number(st->amount_due.cents());
      json.key("pending_insurance_cents").number(st->pending_insurance.cents());
      json.field("in_credit", st->in_credit());
      json.field("statement_due", due);
      json.key("claims").unsigned_number(st->visits.size());
      if (const auto last = store.last_statement(st->account_number)) {
        json.key("last_statement").begin_object();
        json.key("number").number(last->number);
        json.field("date", last->date.to_iso());
        json.key("amount_due_cents").number(last->amount_due.cents());
        json.field("format", last->format);
        json.end_object();
      }
      json.key("payments").begin_array();
      for (const auto& p : store.payments_of(st->account_number)) {
        json.begin_object();
        json.field("date", p.date.to_iso());
        json.field("claim_id", p.claim_id);
        json.key("amount_cents").number(p.amount.cents());
        json.field("method", model::to_string(p.method));
        json.field("reference", p.reference);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
  }
  json.end_array();
  json.end_object();
  json.newline();
  return json_response(200, json.take());
}

}  // namespace clearhouse::service
