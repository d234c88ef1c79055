// clearhouse submit ENCOUNTERS.jsonl --out DIR: encounters -> claim edits -> 837P batch files
// (one per receiver) + DIR/rejections.jsonl, recorded in the ledger. Prints a JSON summary.
#include <fmt/format.h>

#include <cstdio>
#include <ctime>

#include "engine/cli/command.hpp"
#include "engine/cli/progress.hpp"
#include "engine/command_line/code_set_options.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/edits/claim_edits.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/model/date.hpp"
#include "engine/submit/submit_report_json.hpp"
#include "engine/submit/submit_run.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "out", .short_name = 'o', .value_name = "DIR",
     .description = "where the 837P batch files and rejections.jsonl go (required)"},
    command_line::kDbOption,
    {.name = "receiver", .value_name = "ID",
     .description = "send every claim to this receiver (else each payer is its own receiver)"},
    {.name = "receiver-name", .value_name = "NAME", .description = "the receiver's name in 1000B (needs --receiver)"},
    {.name = "submitter-id", .value_name = "ID", .description = "the submitter's id in ISA06, GS02 and NM1*41"},
    {.name = "submitter-name", .value_name = "NAME", .description = "the submitter's name in NM1*41"},
    {.name = "submitter-contact", .value_name = "NAME", .description = "the contact in PER02"},
    {.name = "submitter-phone", .value_name = "DIGITS", .description = "the contact's phone in PER"},
    {.name = "submitter-email", .value_name = "ADDRESS", .description = "the contact's e-mail in PER"},
    command_line::kCodeSetOption,
    {.name = "max-claims-per-transaction", .value_name = "N",
     .description = "claims per ST..SE, 1..100000 (default 5000)"},
    {.name = "now", .value_name = "YYYY-MM-DD[THH:MM]",
     .description = "the creation date and time written in ISA/GS/BHT (default: now)"},
    {.name = "test", .takes_value = false, .description = "mark the interchanges as test data (ISA15 T)"},
    {.name = "compact", .takes_value = false, .description = "no line break after each segment"},
};

// "2024-06-30" or "2024-06-30T14:05", local time. The date is read by the one date parser
// (a real date: 2024-02-30 is refused).
std::chrono::system_clock::time_point parse_now(const std::string& text) {
  const auto date = model::Date::parse_iso(std::string_view(text).substr(0, 10));
  int h = 0, mi = 0;
  const bool time_ok =
      text.size() == 10 || (text.size() == 16 && text[10] == 'T' && text[13] == ':' &&
                            std::sscanf(text.c_str() + 11, "%2d:%2d", &h, &mi) == 2 && h >= 0 && h <= 23 && mi >= 0 &&
                            mi <= 59);
  if (!date || !time_ok)
    throw UsageError(fmt::format("--now expects YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'", text));
  std::tm tm{};
  tm.tm_year = date->year - 1900;
  tm.tm_mon = date->month - 1;
  tm.tm_mday = date->day;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_isdst = -1;
  return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

void print_report(const submit::SubmitReport& r) {
  render::JsonWriter json(stdout);
  json.begin_object();
  submit::write_submit_report_fields(json, r);
  json.end_object();
  json.newline();
  json.flush();
}

int run(const Args& args) {
  args.expect_positionals(1, 1, "ENCOUNTERS.jsonl");
  submit::SubmitOptions options;
  options.input = args.positionals()[0];
  const auto out = args.value("out");
  if (!out) throw UsageError("--out DIR is required");
  options.out_dir = *out;
  options.submitter_override.id = args.value_or("submitter-id", "");
  options.submitter_override.name = args.value_or("submitter-name", "");
  options.submitter_override.contact_name = args.value_or("submitter-contact", "");
  options.submitter_override.phone = args.value_or("submitter-phone", "");
  options.submitter_override.email = args.value_or("submitter-email", "");
  if (auto receiver = args.value("receiver")) options.receiver = model::Receiver{args.value_or("receiver-name", *receiver), *receiver};
  else if (args.value("receiver-name")) throw UsageError("--receiver-name needs --receiver");
  options.code_sets = command_line::load_code_sets_for(args, "submit", edits::kCheckedCodeKinds);
  if (auto n = args.value("max-claims-per-transaction")) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(n->c_str(), &end, 10);
    if (end == n->c_str() || *end != '\0' || v < 1 || v > 100000)
      throw UsageError("--max-claims-per-transaction expects 1..100000");
    options.max_claims_per_transaction = v;
  }
  if (auto now = args.value("now")) options.now = parse_now(*now);
  options.production = !args.flag("test");
  options.line_breaks = !args.flag("compact");

  std::unique_ptr<ledger::Ledger> ledger;
  try {
    ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }
  Progress progress("submit", options.input == "-" ? 0 : file_size_or_zero(options.input));
  options.progress = [&](std::uint64_t bytes, std::uint64_t items) { progress.update(bytes, items); };
  submit::LedgerSubmission recorder(*ledger);
  const auto report = submit::run_submit(options, recorder);
  progress.finish();
  // What was read past in the input is said where the person running the command looks.
  for (const auto& w : report.input_warnings) fmt::print(stderr, "clearhouse submit: warning: {}\n", w);
  print_report(report);
  return report.rejected == 0 ? kExitOk : kExitRejected;
}

}  // namespace

const Command kSubmitCommand{
    .name = "submit",
    .summary = "encounters (JSON Lines) -> 837P batch files + rejection report",
    .synopsis = "ENCOUNTERS.jsonl --out DIR [--db URL] [--receiver ID [--receiver-name NAME]] [options]   (ENCOUNTERS may be -)",
    .options = kOptions,
    .run = run,
    .notes = "An encounter carries codes of the kinds icd10cm, cpt, hcpcs, modifier and pos; a --code-set of\n"
             "another kind is not used here.",
};

}  // namespace clearhouse::cli
