// clearhouse post FILE.835 [--format json|csv] [--db URL] [--dry-run]: posts a remittance file
// to the ledger, one 835 transaction set at a time (each its own database transaction: read,
// plan, write), and prints {"remittances":..,"claims":..,"posted":..,...} (or the postings as
// CSV). --dry-run prints each set's plan instead and writes nothing. A 999/TA1 file is handed
// to `clearhouse ack` (its claims are marked accepted or rejected). Findings go to stderr, one
// line each. Exit 0 when everything posted cleanly (already posted counts as clean), 1 when
// anything was unmatched, unbalanced or malformed (all of it still reported), 2 usage.
#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <memory>

#include "engine/ack/ack_file_posting.hpp"
#include "engine/ack/claim_status_file_posting.hpp"
#include "engine/cli/command.hpp"
#include "engine/cli/posting_csv.hpp"
#include "engine/cli/posting_plan_output.hpp"
#include "engine/cli/progress.hpp"
#include "engine/command_line/jobs_option.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/worklist/post_review.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/ledger/session_settings.hpp"
#include "engine/reconcile/remittance_file_posting.hpp"
#include "generators/render/json_writer.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/parallel_reading.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "format", .short_name = 'f', .value_name = "json|csv|text",
     .description = "the summary as JSON (default) or the postings as CSV; with --dry-run also text"},
    command_line::kDbOption,
    {.name = "fee-schedule", .value_name = "CSV",
     .description = "payer,procedure,modifier,allowed_cents rows stored in the ledger first (the "
                    "under/overpayment rules compare with them)"},
    command_line::kSchemasOption,
    command_line::kAsOfOption,
    {.name = "show-rules", .takes_value = false,
     .description = "print what the rules found on stderr (the default when stderr is a terminal)"},
    {.name = "dry-run", .takes_value = false,
     .description = "print what posting would do per transaction set (matches, payments, reversals, worklist "
                    "changes, findings) and write nothing"},
    command_line::kJobsOption,
};

void print_finding(const model::Finding& f) {
  std::string where = f.location.to_string();
  if (!f.claim_id.empty()) {
    where += fmt::format(" / claim {}", f.claim_id);
    if (f.line_number > 0) where += fmt::format(" line {}", f.line_number);
  }
  fmt::print(stderr, "{}: {} [{}] {}: {}", model::to_string(f.severity), f.category, f.rule, where, f.message);
  if (!f.amount.is_zero()) fmt::print(stderr, " ({} cents)", f.amount.cents());
  fmt::print(stderr, "\n");
}

void print_json(const reconcile::RemittanceFileTotals& totals) {
  render::JsonWriter json(stdout);
  json.begin_object();
  reconcile::write_remittance_totals_fields(json, totals);
  json.end_object();
  json.newline();
  json.flush();
}

int run(const Args& args) {
  args.expect_positionals(1, 1, "FILE.835");
  const bool dry_run = args.flag("dry-run");
  const std::string format =
      dry_run ? args.choice("format", {"json", "csv", "text"}, "json") : args.choice("format", {"json", "csv"}, "json");
  const std::string path = args.positionals()[0];
  const std::string url = args.value_or("db", ledger::default_ledger_url());
  const unsigned jobs = command_line::jobs_option(args, x12::default_jobs());
  try {
    ledger::parse_ledger_url(url);
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }

  // A partner's 999/TA1 marks claims accepted or rejected, a 277CA/277 gives them their
  // front-door or adjudication status: handed to `clearhouse ack`.
  if (path != "-" && (ack::is_acknowledgment_file(path) || ack::is_claim_status_file(path))) {
    if (dry_run) throw UsageError("--dry-run is for 835 remittances; this is an acknowledgment (999/TA1/277CA/277)");
    std::vector<std::string> forwarded = {path, "--db", url, "--format", format == "json" ? "json" : "text"};
    for (const char* option : {"schemas", "as-of"})
      if (const auto v = args.value(option)) forwarded.insert(forwarded.end(), {std::string("--") + option, *v});
    return kAckCommand.run(Args(forwarded, kAckCommand.options));
  }

  std::string open_error;
  auto source = x12::FileSource::open(path, open_error);
  if (!source) {
    fmt::print(stderr, "clearhouse post: cannot open {}: {}\n", path, open_error);
    return kExitRejected;
  }
  auto ledger = ledger::open_ledger(url);
  const ledger::RelaxedDurability relaxed(ledger->connection());
  // The rules pipeline and the worklist ride along in each posting transaction.
  const auto rules_config = command_line::load_rules_for(args, "post");
  // --fee-schedule: stored first (a dry run uses it without storing it).
  const auto fee_file = args.value("fee-schedule");
  if (fee_file && !dry_run) {
    const auto loaded = worklist::load_fee_schedule_file(*ledger, *fee_file);
    for (const auto& e : loaded.errors) fmt::print(stderr, "clearhouse post: {}\n", e);
    if (!loaded.errors.empty()) return kExitRejected;
  }
  worklist::PostReview review(*ledger, rules_config, command_line::today_for(args));
  if (fee_file && dry_run) {
    const auto added = worklist::add_fee_schedule_file(review.fees(), *fee_file);
    for (const auto& e : added.errors) fmt::print(stderr, "clearhouse post: {}\n", e);
    if (!added.errors.empty()) return kExitRejected;
  }
  const bool show_rules = args.flag("show-rules") || ::isatty(STDERR_FILENO) == 1;

  Progress progress("post", file_size_or_zero(path));
  std::unique_ptr<PostingCsv> csv;
  if (format == "csv") {
    csv = std::make_unique<PostingCsv>(stdout);
    csv->header();
  }
  std::unique_ptr<PostingPlanOutput> plan_output;
  if (dry_run && format != "csv")
    plan_output = std::make_unique<PostingPlanOutput>(
        stdout, format == "text" ? PostingPlanOutput::Format::text : PostingPlanOutput::Format::json);

  reconcile::RemittanceFilePosting posting(*ledger, *source, {path, &review, dry_run, {}, jobs});
  while (const auto* set = posting.next()) {
    for (const auto& f : set->file_findings) print_finding(f);
    const auto& outcome = set->outcome;
    for (const auto& f : outcome.findings) print_finding(f);
    if (show_rules)
      for (const auto& f : outcome.rule_findings)
        if (rules_config.category(f.category).opens_item && f.category != model::finding_category::unbalanced &&
            f.category != model::finding_category::unmatched)  // posting reports those itself
          print_finding(f);
    if (csv)
      for (const auto& p : outcome.postings) csv->write(*set->remittance, p);
    if (plan_output) plan_output->set(*set);
    progress.update(set->bytes_consumed, posting.totals().claims);
  }
  for (const auto& f : posting.final_findings()) print_finding(f);
  const auto& file_totals = posting.totals();
  progress.finish();
  if (const auto* how = posting.parts_read())
    report_parts("post", how->parts_taken, how->parts_read_in_order,
                 how->streamed_from ? static_cast<std::int64_t>(*how->streamed_from) : -1);
  for (const auto& problem : file_totals.problems) fmt::print(stderr, "clearhouse post: {}\n", problem);
  // The summary object is fixed (issue 4); what the rules did is for people at a terminal (or
  // --show-rules): `clearhouse worklist` is where it is worked.
  if (show_rules)
    fmt::print(stderr, "worklist: {} rule finding(s); items opened {}, updated {}, resolved {}\n",
               file_totals.rule_findings, file_totals.worklist.opened + file_totals.worklist.reopened,
               file_totals.worklist.updated, file_totals.worklist.resolved);
  if (csv) csv->flush();
  else if (plan_output) plan_output->finish(file_totals);
  else print_json(file_totals);
  std::fflush(stdout);
  return file_totals.rejected ? kExitRejected : kExitOk;
}

}  // namespace

const Command kPostCommand{
    .name = "post",
    .summary = "post an 835 remittance to the ledger; print postings and findings",
    .synopsis = "FILE.835 [--format json|csv|text] [--db URL] [--fee-schedule CSV] [--dry-run] [--jobs N] [options]   (FILE may be -)",
    .options = kOptions,
    .run = run,
    .notes = "Every transaction set posted goes through the rules pipeline; what it finds updates the worklist\n"
             "in the same database transaction. A 999/TA1 file is posted as `clearhouse ack` would.",
};

}  // namespace clearhouse::cli
