// clearhouse submit ENCOUNTERS.jsonl --out DIR: encounters -> claim edits -> 837P batch files
// (one per receiver) + DIR/rejections.jsonl, recorded in the ledger. Prints a JSON summary.
#include <fmt/format.h>

#include <cstdio>
#include <ctime>

#include "engine/cli/command.hpp"
#include "engine/cli/progress.hpp"
#include "engine/command_line/code_set_options.hpp"
#include "engine/edits/claim_edits.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/model/date.hpp"
#include "engine/submit/submit_report_json.hpp"
#include "engine/submit/submit_run.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr const char* kUsage =
    "usage: clearhouse submit ENCOUNTERS.jsonl --out DIR [--db URL] [--receiver ID [--receiver-name NAME]]\n"
    "         [--submitter-id ID] [--submitter-name NAME] [--submitter-contact NAME]\n"
    "         [--submitter-phone DIGITS] [--submitter-email ADDRESS] [--code-set KIND=FILE]...\n"
    "         [--max-claims-per-transaction N] [--now YYYY-MM-DD[THH:MM]] [--test] [--compact]\n"
    "  (ENCOUNTERS may be - for stdin; KIND is icd10cm, cpt, hcpcs, modifier or pos, the kinds an\n"
    "  encounter carries; icd9cm, carc and rarc, which validate also takes, are not used here)";

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
    throw UsageError(fmt::format("--now expects YYYY-MM-DD or YYYY-MM-DDTHH:MM, got '{}'\n{}", text, kUsage));
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

}  // namespace

int run_submit(const std::vector<std::string>& argv) {
  Args args(argv, {{"out", 'o', true, false},
                   {"db", 0, true, false},
                   {"receiver", 0, true, false},
                   {"receiver-name", 0, true, false},
                   {"submitter-id", 0, true, false},
                   {"submitter-name", 0, true, false},
                   {"submitter-contact", 0, true, false},
                   {"submitter-phone", 0, true, false},
                   {"submitter-email", 0, true, false},
                   command_line::code_set_option(),
                   {"max-claims-per-transaction", 0, true, false},
                   {"now", 0, true, false},
                   {"test", 0, false, false},
                   {"compact", 0, false, false}});
  args.expect_positionals(1, 1, kUsage);
  submit::SubmitOptions options;
  options.input = args.positionals()[0];
  const auto out = args.value("out");
  if (!out) throw UsageError(fmt::format("--out DIR is required\n{}", kUsage));
  options.out_dir = *out;
  options.submitter_override.id = args.value_or("submitter-id", "");
  options.submitter_override.name = args.value_or("submitter-name", "");
  options.submitter_override.contact_name = args.value_or("submitter-contact", "");
  options.submitter_override.phone = args.value_or("submitter-phone", "");
  options.submitter_override.email = args.value_or("submitter-email", "");
  if (auto receiver = args.value("receiver")) options.receiver = model::Receiver{args.value_or("receiver-name", *receiver), *receiver};
  else if (args.value("receiver-name")) throw UsageError(fmt::format("--receiver-name needs --receiver\n{}", kUsage));
  options.code_sets = command_line::load_code_sets_for(args, "submit", edits::kCheckedCodeKinds);
  if (auto n = args.value("max-claims-per-transaction")) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(n->c_str(), &end, 10);
    if (end == n->c_str() || *end != '\0' || v < 1 || v > 100000)
      throw UsageError(fmt::format("--max-claims-per-transaction expects 1..100000\n{}", kUsage));
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

}  // namespace clearhouse::cli
