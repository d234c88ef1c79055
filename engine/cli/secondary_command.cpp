// clearhouse secondary --out DIR [--db URL] [--as-of DATE] [--test] [--compact] [--format json|text]
// The next payer's 837P (coordination of benefits) for every claim whose payer's remittance has
// posted and that names a next payer (engine/secondary/secondary_run.hpp): one
// DIR/<receiver>-<ISA13>.837 per receiver, control numbers from the ledger, the claims and their
// coordination history recorded in one transaction; a second run writes nothing. Exit 0 when
// every due claim was written, 1 when some went to DIR/rejections.jsonl, 2 usage.
#include <fmt/format.h>

#include <cstdio>

#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/secondary/secondary_report_json.hpp"
#include "engine/secondary/secondary_run.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "out", .short_name = 'o', .value_name = "DIR",
     .description = "where the 837P files and rejections.jsonl go (required)"},
    command_line::kDbOption,
    {.name = "as-of", .value_name = "YYYY-MM-DD",
     .description = "count remittances dated (BPR16, else posted) on or before this date (else $CLEARHOUSE_TODAY, else the UTC date)"},
    {.name = "test", .takes_value = false, .description = "mark the interchanges as test data (ISA15 T)"},
    {.name = "compact", .takes_value = false, .description = "no line break after each segment"},
    {.name = "format", .value_name = "json|text", .description = "the summary as JSON (default) or text"},
};

int run(const Args& args) {
  args.expect_positionals(0, 0, "");
  const auto out = args.value("out");
  if (!out) throw UsageError("--out DIR is required");
  const std::string format = args.choice("format", {"json", "text"}, "json");
  secondary::SecondaryOptions options;
  options.out_dir = *out;
  options.as_of = command_line::today_for(args);
  options.production = !args.flag("test");
  options.line_breaks = !args.flag("compact");
  std::unique_ptr<ledger::Ledger> ledger;
  try {
    ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }
  const auto report = secondary::run_secondary(*ledger, options);
  if (format == "json") {
    render::JsonWriter json(stdout);
    json.begin_object();
    secondary::write_secondary_report_fields(json, options.as_of, report);
    json.key("files").begin_array();
    for (const auto& f : report.files) json.string(f);
    json.end_array();
    json.end_object();
    json.newline();
  } else {
    fmt::print(
        "{} claim(s) read: {} sent, {} replacement(s), {} forwarded by the payer, {} waiting, {} with nothing owed, "
        "{} rejected; {} file(s)\n",
        report.candidates, report.sent, report.replacements, report.forwarded, report.waiting, report.nothing_owed,
        report.rejected, report.files.size());
    for (const auto& f : report.files) fmt::print("  {}\n", f);
    for (const auto& d : report.decisions) fmt::print("  claim {}: {}\n", d.claim_id, d.message);
  }
  return report.rejected == 0 ? kExitOk : kExitRejected;
}

}  // namespace

const Command kSecondaryCommand{
    .name = "secondary",
    .summary = "the next payer's 837P for claims whose remittance posted (coordination of benefits)",
    .synopsis = "--out DIR [--db URL] [--as-of YYYY-MM-DD] [--test] [--compact] [--format json|text]",
    .options = kOptions,
    .run = run,
    .notes = "Claims naming other coverage whose payer's 835 has posted: one DIR/<receiver>-<ISA13>.837 per\n"
             "receiver with the prior payers' adjudication (2320/2330, 2430), the claims and their\n"
             "coordination history recorded in one transaction; a second run writes nothing. A claim the\n"
             "payer forwarded itself (CLP02 19-21, NM1*TT) or whose payment was reversed is not sent.",
};

}  // namespace clearhouse::cli
