// clearhouse worklist [--status S] [--category C] [--payer ID] [--older-than DAYS]
//                     [--format table|json|csv] [--sort priority|age|amount] [--limit N]
// clearhouse worklist resolve CLAIM_ID --note TEXT [--by NAME] [--payer ID] [--write-off]
// clearhouse worklist assign CLAIM_ID --to NAME [--by NAME] [--note TEXT] [--payer ID]
// clearhouse worklist note CLAIM_ID --note TEXT [--by NAME] [--payer ID]
// clearhouse worklist show CLAIM_ID [--payer ID]
// The denial worklist: list it, work it. The query logic lives in engine/worklist so the HTTP
// service serves the same thing. Exit 0 done; 1 the claim has no (single, open) item; 2 usage.
#include <fmt/format.h>

#include <charconv>
#include <cstdio>

#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/fee_schedule_store.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/util/timestamp.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/worklist/ledger_sweep.hpp"
#include "engine/worklist/ledger_sources.hpp"
#include "engine/ledger/claim_detail_reads.hpp"
#include "engine/worklist/claim_timeline.hpp"
#include "engine/worklist/worklist.hpp"
#include "engine/worklist/worklist_format.hpp"
#include "engine/worklist/worklist_query.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "status", .value_name = "active|open|in_progress|resolved|written_off|all",
     .description = "which items to list (default active: open and in_progress)"},
    {.name = "category", .value_name = "C", .description = "only items of this category (schemas/rules.json)"},
    {.name = "payer", .value_name = "ID", .description = "only this payer's items; for an action, the claim's payer"},
    {.name = "older-than", .value_name = "DAYS", .description = "only items older than DAYS"},
    {.name = "format", .value_name = "table|json|csv", .description = "the list as a table (default), JSON or CSV"},
    {.name = "sort", .value_name = "priority|age|amount", .description = "the order of the list (default priority)"},
    {.name = "limit", .value_name = "N", .description = "at most N items"},
    command_line::kDbOption,
    command_line::kSchemasOption,
    command_line::kAsOfOption,
    {.name = "note", .value_name = "TEXT", .description = "why: required by resolve and note, optional for assign"},
    command_line::kByOption,
    {.name = "to", .value_name = "NAME", .description = "who the item is assigned to (assign)"},
    {.name = "write-off", .takes_value = false, .description = "resolve as written off"},
};

constexpr std::string_view kResolveOptions[] = {"note", "by", "payer", "write-off", "as-of", "db", "schemas"};
constexpr std::string_view kAssignOptions[] = {"to", "by", "note", "payer", "as-of", "db", "schemas"};
constexpr std::string_view kNoteOptions[] = {"note", "by", "payer", "as-of", "db", "schemas"};
constexpr std::string_view kShowOptions[] = {"payer", "as-of", "db", "schemas"};
constexpr std::string_view kRefreshOptions[] = {"as-of", "db", "schemas"};
constexpr Action kActions[] = {
    {"resolve", "close a claim's item, saying why (--note); --write-off writes it off",
     "resolve CLAIM_ID --note TEXT [--by NAME] [--payer ID] [--write-off]", kResolveOptions},
    {"assign", "assign a claim's item to someone (it becomes in_progress)",
     "assign CLAIM_ID --to NAME [--by NAME] [--note TEXT] [--payer ID]", kAssignOptions},
    {"note", "add a note to a claim's item", "note CLAIM_ID --note TEXT [--by NAME] [--payer ID]", kNoteOptions},
    {"show", "one claim's item as JSON, with its history", "show CLAIM_ID [--payer ID]", kShowOptions},
    {"refresh", "run the time-based rules over the whole ledger (missing remittances, uncorrected reversals)",
     "refresh [--as-of YYYY-MM-DD]", kRefreshOptions},
};

int parse_count(const std::string& text, const char* option) {
  int value = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || value < 0)
    throw UsageError(fmt::format("--{} must be a whole number of days/items, not '{}'", option, text));
  return value;
}

void print_item(const model::WorklistItem& item, const rules::RulesConfig& config, model::Date today,
                const std::vector<worklist::TimelineEntry>* timeline = nullptr) {
  render::JsonWriter json(stdout);
  write_item_detail_json(worklist::compute_row(item, config, today), config, json, timeline);
  json.newline();
  json.flush();
}

int run_list(const Args& args) {
  args.expect_positionals(0, 0, "");
  const auto format = args.choice("format", {"table", "json", "csv"}, "table");
  const auto sort = worklist::worklist_sort_from_string(args.choice("sort", {"priority", "age", "amount"}, "priority"));
  worklist::WorklistQuery query;
  query.status = args.choice("status", {"active", "open", "in_progress", "resolved", "written_off", "all"}, "active");
  query.category = args.value_or("category", "");
  query.payer_id = args.value_or("payer", "");
  if (auto v = args.value("older-than")) query.older_than_days = parse_count(*v, "older-than");
  if (auto v = args.value("limit")) query.limit = static_cast<std::size_t>(parse_count(*v, "limit"));
  query.sort = *sort;
  const model::Date today = command_line::today_for(args);
  const auto config = command_line::load_rules_for(args, "worklist");
  if (!query.category.empty() && !config.has_category(query.category))
    throw UsageError(fmt::format("unknown category '{}' (see schemas/rules.json)", query.category));

  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  const auto page = worklist::query_worklist(ledger->connection(), query, config, today);
  if (format == "json") {
    render::JsonWriter json(stdout, 1 << 20);
    worklist::write_worklist_json(page, config, json);
    json.newline();
    json.flush();
  } else if (format == "csv") {
    worklist::write_worklist_csv(page, stdout);
  } else {
    worklist::write_worklist_table(page, stdout);
  }
  return kExitOk;
}

int run_refresh(const Args& args) {
  args.expect_positionals(1, 1, "");
  const model::Date today = command_line::today_for(args);
  const auto config = command_line::load_rules_for(args, "worklist");
  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  worklist::Worklist list(ledger->connection(), config);
  const rules::Pipeline pipeline(config);
  const rules::FeeSchedule fees(ledger::read_fee_schedule(ledger->connection()));
  const rules::RuleEnvironment env{config, &fees, today};
  const auto result = worklist::sweep_ledger(*ledger, worklist::ledger_review_sources(*ledger), pipeline, env, list,
                                             util::utc_timestamp_now());
  render::JsonWriter json(stdout);
  json.begin_object();
  json.field("as_of", today.to_iso());
  json.field("claims_checked", static_cast<std::int64_t>(result.claims_checked));
  json.field("findings", static_cast<std::int64_t>(result.findings.size()));
  json.field("opened", static_cast<std::int64_t>(result.worklist.opened));
  json.field("updated", static_cast<std::int64_t>(result.worklist.updated));
  json.field("reopened", static_cast<std::int64_t>(result.worklist.reopened));
  json.field("resolved", static_cast<std::int64_t>(result.worklist.resolved));
  json.end_object();
  json.newline();
  return kExitOk;
}

int run_action(const std::string& action, const Args& args) {
  args.expect_positionals(2, 2, "CLAIM_ID");
  const std::string& claim = args.positionals()[1];
  const std::string payer = args.value_or("payer", "");
  const std::string note = args.value_or("note", "");
  const model::Date today = command_line::today_for(args);
  const auto config = command_line::load_rules_for(args, "worklist");
  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  worklist::Worklist list(ledger->connection(), config);
  const std::string now = util::utc_timestamp_now();
  try {
    if (action == "show") {
      // The item with the claim's timeline: submitted, 999, 277CA/277, 835s.
      const auto item = list.item(claim, payer, true);
      const auto timeline =
          worklist::claim_timeline(ledger::read_claim_detail(*ledger, item.payer_id, item.claim_id), config);
      print_item(item, config, today, &timeline);
      return kExitOk;
    }
    ledger::sql::Transaction tx(ledger->connection());
    model::WorklistItem item;
    if (action == "resolve") {
      if (note.empty()) throw UsageError("resolve needs --note TEXT (why)");
      item = list.resolve(claim, payer, command_line::actor_for(args), note, args.flag("write-off"), now);
    } else if (action == "assign") {
      const auto to = args.value_or("to", "");
      if (to.empty()) throw UsageError("assign needs --to NAME");
      item = list.assign(claim, payer, to, command_line::actor_for(args), note, now);
    } else {
      if (note.empty()) throw UsageError("note needs --note TEXT");
      item = list.add_note(claim, payer, command_line::actor_for(args), note, now);
    }
    tx.commit();
    print_item(item, config, today);
    return kExitOk;
  } catch (const worklist::WorklistError& e) {
    fmt::print(stderr, "clearhouse worklist {}: {}\n", action, e.what());
    return kExitRejected;
  }
}

int run(const Args& args) {
  if (!args.positionals().empty()) {
    const std::string& action = args.positionals()[0];
    if (action == "resolve" || action == "assign" || action == "note" || action == "show") return run_action(action, args);
    if (action == "refresh") return run_refresh(args);
    throw UsageError(fmt::format("unknown worklist action '{}'", action));
  }
  return run_list(args);
}

}  // namespace

const Command kWorklistCommand{
    .name = "worklist",
    .summary = "the denial worklist: list, resolve, assign, note, show, refresh",
    .synopsis = "[--status S] [--category C] [--payer ID] [--older-than DAYS] [--format table|json|csv]\n"
                " [--sort priority|age|amount] [--limit N] [--as-of YYYY-MM-DD]",
    .options = kOptions,
    .run = run,
    .actions = kActions,
    .notes = "Without an action the worklist is listed. Every form takes --db URL, --schemas DIR and --as-of.",
};

}  // namespace clearhouse::cli
