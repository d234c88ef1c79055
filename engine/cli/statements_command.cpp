// clearhouse statements --out DIR [--db URL] [--as-of DATE] [--format pdf|html|json]
//                       [--min-balance CENTS] [--schemas DIR]
// Patient statements (engine/patient_billing/statements_run.hpp): one per account with a balance
// due and per account in credit; the cycle recorded, so a second run in the same cycle writes
// nothing new unless a balance changed. The summary (no PHI) goes to stdout; the statements only
// to DIR. Exit 0, 1 when a file could not be written, 2 usage.
#include <fmt/format.h>

#include <charconv>
#include <cstdio>

#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/patient_billing/statements_run.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "out", .short_name = 'o', .value_name = "DIR", .description = "where the statements go (required)"},
    command_line::kDbOption,
    {.name = "as-of", .value_name = "YYYY-MM-DD",
     .description = "the statement date (else $CLEARHOUSE_TODAY, else the UTC date)"},
    {.name = "format", .value_name = "pdf|html|json",
     .description = "one PDF per account (default), one HTML document, or DIR/statements.json"},
    {.name = "min-balance", .value_name = "CENTS",
     .description = "no statement below this amount due (raises rules.json's min_balance_cents, never lowers it)"},
    {.name = "summary", .value_name = "json|text", .description = "the run's summary on stdout as JSON (default) or text"},
    command_line::kSchemasOption,
};

int run(const Args& args) {
  args.expect_positionals(0, 0, "");
  const auto out = args.value("out");
  if (!out) throw UsageError("--out DIR is required");
  patient_billing::StatementsOptions options;
  options.out_dir = *out;
  options.format = args.choice("format", {"pdf", "html", "json"}, "pdf");
  const std::string summary = args.choice("summary", {"json", "text"}, "json");
  if (const auto min = args.value("min-balance")) {
    std::int64_t cents = 0;
    const auto [end, ec] = std::from_chars(min->data(), min->data() + min->size(), cents);
    if (ec != std::errc{} || end != min->data() + min->size() || cents < 0)
      throw UsageError(fmt::format("--min-balance takes whole cents (e.g. 500), not '{}'", *min));
    options.min_balance = model::Money::from_cents(cents);
  }
  options.as_of = command_line::today_for(args);
  options.now = util::utc_timestamp_now();
  const auto config = command_line::load_rules_for(args, "statements");
  std::unique_ptr<ledger::Ledger> ledger;
  try {
    ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }
  const auto run = patient_billing::run_statements(*ledger, options, config);
  if (summary == "json") {
    render::JsonWriter json(stdout);
    json.begin_object();
    json.field("as_of", options.as_of.to_iso());
    json.field("format", options.format);
    patient_billing::write_statements_fields(json, run);
    json.end_object();
    json.newline();
  } else {
    fmt::print("{} account(s): {} statement(s) sent ({} in credit); {} file(s) in {}\n", run.accounts, run.sent,
               run.in_credit, run.files.size(), *out);
    for (const auto& o : run.outcomes)
      fmt::print("  {}: {} ({})\n", o.account, o.sent ? "sent" : "not sent", o.reason);
    for (const auto& e : run.errors) fmt::print("  error: {}\n", e);
  }
  return run.errors.empty() ? kExitOk : kExitRejected;
}

}  // namespace

const Command kStatementsCommand{
    .name = "statements",
    .summary = "patient statements: one per account with a balance due or a credit",
    .synopsis = "--out DIR [--db URL] [--as-of YYYY-MM-DD] [--format pdf|html|json] [--min-balance CENTS]\n"
                "[--summary json|text] [--schemas DIR]",
    .options = kOptions,
    .run = run,
    .notes = "A claim's patient share is what the last payer that adjudicated it left (CAS group PR), minus\n"
             "patient payments; a claim waiting on a payer is shown as pending insurance, never due. The\n"
             "cycle is recorded: a second run within cycle_days (rules.json patient_statements) writes\n"
             "nothing new unless a balance changed. Dunning at 30/60/90 days and \"send to collections\"\n"
             "after N statements come from rules.json. Statements are PHI: only DIR gets them.",
};

}  // namespace clearhouse::cli
