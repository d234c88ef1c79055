// clearhouse status-inquiry --out DIR [--older-than DAYS] [--payer ID] [--as-of DATE] [--db URL]
//                           [--schemas DIR] [--test] [--format json|text]
// Writes 276 claim status inquiries (005010X212) for the claims that stay silent: neither
// rejected nor adjudicated, submitted (or last asked about) more than DAYS ago (default:
// schemas/rules.json "claim_status.inquiry" after_days). One DIR/<receiver>-<ISA13>.276 per
// receiver, control numbers from the ledger, every inquiry recorded (engine/ack/
// status_inquiry_run.hpp): a second run the same day writes none. The payer's 277 answers go
// through `clearhouse ack`. Exit 0 when every due claim was asked about, 1 when some could not
// be (listed), 2 usage.
#include <fmt/format.h>

#include <charconv>
#include <cstdio>

#include "engine/ack/status_inquiry_run.hpp"
#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/rules/rule_ids.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "out", .short_name = 'o', .value_name = "DIR", .description = "where the 276 files go (required)"},
    {.name = "older-than", .value_name = "DAYS",
     .description = "ask about claims silent longer than this (default: rules.json claim_status.inquiry after_days)"},
    {.name = "payer", .value_name = "ID", .description = "only this payer's claims"},
    command_line::kAsOfOption,
    command_line::kDbOption,
    command_line::kSchemasOption,
    {.name = "test", .takes_value = false, .description = "mark the interchanges T (test) instead of P"},
    {.name = "format", .value_name = "json|text", .description = "the summary as JSON (default) or a line of text"},
};

int parse_days(const std::string& text) {
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 0)
    throw UsageError(fmt::format("--older-than takes a number of days, found '{}'", text));
  return n;
}

int run(const Args& args) {
  args.expect_positionals(0, 0, "");
  const auto out = args.value("out");
  if (!out) throw UsageError("--out DIR is required");
  const std::string format = args.choice("format", {"json", "text"}, "json");
  const auto config = command_line::load_rules_for(args, "status-inquiry");
  ack::StatusInquiryOptions options;
  options.out_dir = *out;
  options.older_than_days = args.value("older-than") ? parse_days(*args.value("older-than"))
                                                      : config.rule(rules::rule_id::status_inquiry).after_days;
  options.payer_id = args.value_or("payer", "");
  options.as_of = command_line::today_for(args);
  const auto now = std::chrono::system_clock::now();
  options.now = util::utc_timestamp(now);
  options.hhmm = util::local_time(now).hhmm;
  options.production = !args.flag("test");
  std::string url = args.value_or("db", ledger::default_ledger_url());
  try {
    ledger::parse_ledger_url(url);
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }
  auto ledger = ledger::open_ledger(url);
  const auto report = ack::run_status_inquiries(*ledger, options);

  for (const auto& s : report.skipped)
    fmt::print(stderr, "skipped: claim {} (payer {}): {}\n", s.claim_id, s.payer_id, s.reason);
  for (const auto& e : report.errors) fmt::print(stderr, "error: {}\n", e);
  if (format == "json") {
    render::JsonWriter json(stdout);
    json.begin_object();
    json.field("as_of", options.as_of.to_iso());
    json.field("cutoff", report.cutoff);
    json.key("due").unsigned_number(report.due);
    json.key("inquiries").unsigned_number(report.inquiries);
    json.key("skipped").unsigned_number(report.skipped.size());
    json.key("files").begin_array();
    for (const auto& f : report.files) {
      json.begin_object();
      json.field("path", f.path);
      json.field("receiver_id", f.receiver_id);
      json.key("interchange_control_number").unsigned_number(f.interchange_control_number);
      json.key("inquiries").unsigned_number(f.inquiries);
      json.end_object();
    }
    json.end_array();
    json.key("errors").unsigned_number(report.errors.size());
    json.end_object();
    json.newline();
  } else {
    fmt::print("{} claim(s) due (submitted or last asked on or before {}): {} inquiry(ies) in {} file(s), {} skipped\n",
               report.due, report.cutoff, report.inquiries, report.files.size(), report.skipped.size());
    for (const auto& f : report.files) fmt::print("  {} ({} inquiry(ies))\n", f.path, f.inquiries);
  }
  return report.skipped.empty() && report.errors.empty() ? kExitOk : kExitRejected;
}

}  // namespace

const Command kStatusInquiryCommand{
    .name = "status-inquiry",
    .summary = "276 claim status inquiries for claims that stay silent, one file per receiver",
    .synopsis = "--out DIR [--older-than DAYS] [--payer ID] [--as-of YYYY-MM-DD] [--db URL] [--schemas DIR] [--test]\n"
                "[--format json|text]",
    .options = kOptions,
    .run = run,
    .notes = "Claims neither rejected nor adjudicated whose submission (or last inquiry) is more than\n"
             "DAYS old; one DIR/<receiver>-<ISA13>.276 per receiver, every inquiry recorded: a second\n"
             "run the same day writes none. The payer's 277 answers go through `clearhouse ack`.",
};

}  // namespace clearhouse::cli
