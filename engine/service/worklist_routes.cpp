// GET /v1/worklist, POST /v1/worklist/{claim_id}/resolve|assign, GET /v1/report: the same
// query, rules and renderers as `clearhouse worklist` and `clearhouse report` (engine/worklist,
// engine/report), with the caller's token name as the actor in the item's history.
#include <fmt/format.h>

#include <charconv>

#include "engine/ledger/sql/connection.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/report/billing_report.hpp"
#include "engine/service/json_body.hpp"
#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/worklist/worklist.hpp"
#include "engine/worklist/worklist_format.hpp"
#include "engine/worklist/worklist_query.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::service {
namespace {

constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxName = 100;

int whole_number(const Request& req, std::string_view name, int max) {
  const std::string text = *req.query_value(name);
  int value = -1;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || value < 0 || value > max)
    throw RequestError(400, "bad_parameter", fmt::format("{} must be a whole number from 0 to {}", name, max));
  return value;
}

// The one item a claim id (and optional payer) names, or a 404/409 saying why not.
model::WorklistItem target_item(worklist::Worklist& list, const std::string& claim_id, const std::string& payer) {
  ledger::ItemFilter filter;
  filter.claim_id = claim_id;
  filter.payer_id = payer;
  const auto items = list.store().list(filter);
  if (items.empty()) throw RequestError(404, "not_found", "no worklist item for this claim");
  if (items.size() > 1)
    throw RequestError(409, "ambiguous_claim", "this claim id has items for several payers: give \"payer\"");
  if (!model::is_active(items.front().status))
    throw RequestError(409, "item_closed",
                       fmt::format("the item is already {}", model::to_string(items.front().status)));
  return items.front();
}

Response item_response(const model::WorklistItem& item, ServiceContext& ctx) {
  render::JsonWriter json;
  worklist::write_item_detail_json(worklist::compute_row(item, ctx.rules(), ctx.today()), ctx.rules(), json);
  json.newline();
  return json_response(200, json.take());
}

}  // namespace

Response handle_get_worklist(Request& req, ServiceContext& ctx) {
  worklist::WorklistQuery query;
  if (auto s = req.query_value("status"); s && !s->empty()) {
    if (*s != "active" && *s != "all" && !model::worklist_status_from_string(*s))
      throw RequestError(400, "bad_parameter", "status must be active, open, in_progress, resolved, written_off or all");
    query.status = *s;
  }
  if (auto c = req.query_value("category"); c && !c->empty()) {
    if (!ctx.rules().has_category(*c)) throw RequestError(400, "bad_parameter", "unknown category (see schemas/rules.json)");
    query.category = *c;
  }
  query.payer_id = req.query_value("payer").value_or("");
  if (req.query_value("older_than")) query.older_than_days = whole_number(req, "older_than", 100000);
  if (req.query_value("limit")) query.limit = static_cast<std::size_t>(whole_number(req, "limit", 1000000));
  if (auto s = req.query_value("sort"); s && !s->empty()) {
    const auto sort = worklist::worklist_sort_from_string(*s);
    if (!sort) throw RequestError(400, "bad_parameter", "sort must be priority, age or amount");
    query.sort = *sort;
  }
  worklist::WorklistPage page;
  {
    auto ledger = ctx.ledgers().acquire();
    page = worklist::query_worklist(ledger->connection(), query, ctx.rules(), ctx.today());
  }
  render::JsonWriter json;
  worklist::write_worklist_json(page, ctx.rules(), json);
  json.newline();
  return json_response(200, json.take());
}

Response handle_resolve(Request& req, ServiceContext& ctx) {
  JsonBody body(req.body_text());
  const std::string note = *body.text("note", true, kMaxNote);
  const bool write_off = body.flag("write_off", false);
  const std::string payer = body.text("payer", false, kMaxName).value_or("");
  auto ledger = ctx.ledgers().acquire();
  worklist::Worklist list(ledger->connection(), ctx.rules());
  ledger::sql::Transaction tx(ledger->connection());
  const auto target = target_item(list, req.param("claim_id"), payer);
  const auto item = list.resolve(target.claim_id, target.payer_id, req.principal->name, note, write_off,
                                 ctx.now_timestamp());
  tx.commit();
  return item_response(item, ctx);
}

Response handle_assign(Request& req, ServiceContext& ctx) {
  JsonBody body(req.body_text());
  const std::string to = *body.text("to", true, kMaxName);
  const std::string note = body.text("note", false, kMaxNote).value_or("");
  const std::string payer = body.text("payer", false, kMaxName).value_or("");
  auto ledger = ctx.ledgers().acquire();
  worklist::Worklist list(ledger->connection(), ctx.rules());
  ledger::sql::Transaction tx(ledger->connection());
  const auto target = target_item(list, req.param("claim_id"), payer);
  const auto item = list.assign(target.claim_id, target.payer_id, to, req.principal->name, note, ctx.now_timestamp());
  tx.commit();
  return item_response(item, ctx);
}

Response handle_get_report(Request&, ServiceContext& ctx) {
  report::BillingReport built;
  {
    auto ledger = ctx.ledgers().acquire();
    built = report::build_report(ledger->connection(), ctx.rules(), ctx.today());
  }
  render::JsonWriter json;
  report::write_report_json(built, json);
  json.newline();
  return json_response(200, json.take());
}

std::int64_t open_worklist_items(ledger::Ledger& ledger) {
  ledger::WorklistStore store(ledger.connection());
  return static_cast<std::int64_t>(store.count(model::WorklistStatus::open) +
                                   store.count(model::WorklistStatus::in_progress));
}

}  // namespace clearhouse::service
