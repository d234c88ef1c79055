// clearhouse patient-payments FILE.csv [--db URL] [--dry-run] [--format json|text] [--as-of DATE]
// Applies a patient payments file (engine/patient_billing/patient_payments_run.hpp): CSV
// date,claim_id,amount,method,reference[,account]; idempotent on reference; an overpayment
// leaves a credit and opens a "refund due" worklist item; a bad row is rejected with its line,
// the others are applied. Exit 0 when every row was applied (or already was), 1 when a row was
// rejected, 2 usage.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/patient_billing/patient_payments_run.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    command_line::kDbOption,
    {.name = "dry-run", .takes_value = false, .description = "decide and print what would be applied; write nothing"},
    {.name = "format", .value_name = "json|text", .description = "the summary as JSON (default) or text"},
    command_line::kAsOfOption,
    command_line::kSchemasOption,
};

std::string read_all(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(fmt::format("cannot read '{}'", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int run(const Args& args) {
  args.expect_positionals(1, 1, "FILE.csv");
  const std::string& file = args.positionals().front();
  const std::string format = args.choice("format", {"json", "text"}, "json");
  const auto config = command_line::load_rules_for(args, "patient-payments");
  patient_billing::PatientPaymentsOptions options;
  options.source_name = file == "-" ? std::string("stdin") : file;
  options.now = util::utc_timestamp_now();
  options.today = command_line::today_for(args);
  options.dry_run = args.flag("dry-run");
  const std::string csv = read_all(file);
  std::unique_ptr<ledger::Ledger> ledger;
  try {
    ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }
  const auto run = patient_billing::import_patient_payments(*ledger, csv, config, options);
  if (format == "json") {
    render::JsonWriter json(stdout);
    json.begin_object();
    patient_billing::write_patient_payments_fields(json, run);
    json.end_object();
    json.newline();
  } else {
    fmt::print("{} row(s): {} applied ({}), {} already imported, {} rejected; {} left as credit{}\n", run.rows,
               run.applied, model::to_display_amount(run.applied_amount), run.duplicates, run.rejected.size(),
               model::to_display_amount(run.credited), run.dry_run ? " (dry run: nothing written)" : "");
    for (const auto& account : run.refund_due_accounts) fmt::print("  refund due: account {}\n", account);
    for (const auto& r : run.rejected) fmt::print("  {}:{}: {}\n", options.source_name, r.line, r.message);
  }
  return run.rejected.empty() ? kExitOk : kExitRejected;
}

}  // namespace

const Command kPatientPaymentsCommand{
    .name = "patient-payments",
    .summary = "apply a patient payments file (CSV) to the patients' accounts",
    .synopsis = "FILE.csv [--db URL] [--dry-run] [--format json|text] [--as-of YYYY-MM-DD] [--schemas DIR]",
    .options = kOptions,
    .run = run,
    .notes = "CSV columns date,claim_id,amount,method,reference and optionally account (a header row is\n"
             "allowed; FILE may be - for stdin). A payment goes to its claim, then the account's balances\n"
             "oldest visit first; what is left is a credit and opens a \"refund due\" worklist item. The\n"
             "reference is the payment's identity: a reference already imported changes nothing. A negative\n"
             "amount is a reversal with reference reverses:ORIGINAL. A bad row is rejected with its line;\n"
             "the others are applied (exit 1 when any row was rejected).",
};

}  // namespace clearhouse::cli
