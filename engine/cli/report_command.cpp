// clearhouse report [--format json|csv] [--as-of YYYY-MM-DD] [--db URL] [--schemas DIR]
// The billing performance report (engine/report/billing_report.hpp): claims by payer and
// status, denial rates by category and CARC, cents billed/paid/adjusted/patient
// responsibility, accounts-receivable aging, average days to payment. Exit 0, or 2 for usage.
#include <fmt/format.h>

#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/report/billing_report.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "format", .value_name = "json|csv",
     .description = "one JSON object (default), or section,key,metric,value CSV rows"},
    command_line::kAsOfOption,
    command_line::kDbOption,
    command_line::kSchemasOption,
};

int run(const Args& args) {
  args.expect_positionals(0, 0, "");
  const auto format = args.choice("format", {"json", "csv"}, "json");
  const model::Date today = command_line::today_for(args);
  const auto config = command_line::load_rules_for(args, "report");
  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  const auto report = report::build_report(ledger->connection(), config, today);
  if (format == "csv") {
    report::write_report_csv(report, stdout);
  } else {
    render::JsonWriter json(stdout);
    report::write_report_json(report, json);
    json.newline();
  }
  return kExitOk;
}

}  // namespace

const Command kReportCommand{
    .name = "report",
    .summary = "billing performance: claims by payer, denial rates, AR aging, days to payment",
    .synopsis = "[--format json|csv] [--as-of YYYY-MM-DD] [--db URL] [--schemas DIR]",
    .options = kOptions,
    .run = run,
};

}  // namespace clearhouse::cli
