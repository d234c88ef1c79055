// clearhouse post FILE.835 [--format json|csv] [--db URL]: posts a remittance file to the
// ledger, one 835 transaction set at a time (each its own database transaction), and prints
// {"remittances":..,"claims":..,"posted":..,...} (or the postings as CSV). A 999/TA1 file is
// handed to `clearhouse ack` (its claims are marked accepted or rejected). Findings go to stderr,
// one line each. Exit 0 when everything posted cleanly (already posted counts as clean), 1 when
// anything was unmatched, unbalanced or malformed (all of it still reported), 2 usage.
#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <functional>
#include <memory>

#include "engine/ack/ack_file_posting.hpp"
#include "engine/cli/command.hpp"
#include "engine/cli/posting_csv.hpp"
#include "engine/cli/progress.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/worklist/post_review.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/reconcile/remittance_file_posting.hpp"
#include "engine/reconcile/remittance_poster.hpp"
#include "generators/render/json_writer.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::cli {
namespace {

constexpr const char* kUsage =
    "usage: clearhouse post FILE.835 [--format json|csv] [--db URL] [--fee-schedule CSV] [--schemas DIR]\n"
    "                       [--as-of YYYY-MM-DD] [--show-rules]   (FILE may be -)\n"
    "  Every transaction set posted goes through the rules pipeline; what it finds updates the\n"
    "  worklist in the same database transaction. --fee-schedule loads payer,procedure,modifier,\n"
    "  allowed_cents rows into the ledger first (the under/overpayment rules compare with them).\n"
    "  --show-rules prints what the rules found on stderr (the default when stderr is a terminal).";

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

}  // namespace

int run_post(const std::vector<std::string>& argv) {
  Args args(argv, {{"format", 'f', true, false}, {"db", 0, true, false}, {"fee-schedule"}, command_line::schemas_option(),
                   command_line::as_of_option(), {"show-rules", 0, false}});
  args.expect_positionals(1, 1, kUsage);
  const std::string format = args.choice("format", {"json", "csv"}, "json");
  const std::string path = args.positionals()[0];
  const std::string url = args.value_or("db", ledger::default_ledger_url());
  try {
    ledger::parse_ledger_url(url);
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }

  // A partner's 999/TA1 marks claims accepted or rejected: handed to `clearhouse ack`.
  if (path != "-" && ack::is_acknowledgment_file(path))
    return run_ack({path, "--db", url, "--format", format == "json" ? "json" : "text"});

  std::string open_error;
  auto source = x12::FileSource::open(path, open_error);
  if (!source) {
    fmt::print(stderr, "clearhouse post: cannot open {}: {}\n", path, open_error);
    return kExitRejected;
  }
  auto ledger = ledger::open_ledger(url);
  if (ledger->dialect() == ledger::sql::Dialect::sqlite) {
    // Posting is idempotent, so a commit lost to a power failure is simply posted again:
    // WAL with synchronous=NORMAL keeps every commit atomic and crash-safe (kill -9) without
    // an fsync per transaction set.
    ledger->connection().execute("PRAGMA synchronous=NORMAL");
  }
  // The rules pipeline and the worklist ride along in each posting transaction.
  const auto rules_config = command_line::load_rules_for(args, "post");
  if (auto fee_file = args.value("fee-schedule")) {
    const auto loaded = worklist::load_fee_schedule_file(*ledger, *fee_file);
    for (const auto& e : loaded.errors) fmt::print(stderr, "clearhouse post: {}\n", e);
    if (!loaded.errors.empty()) return kExitRejected;
  }
  worklist::PostReview review(*ledger, rules_config, command_line::today_for(args));
  const bool show_rules = args.flag("show-rules") || ::isatty(STDERR_FILENO) == 1;
  reconcile::RemittancePoster poster(*ledger, path);
  poster.before_commit(std::ref(review));

  Progress progress("post", file_size_or_zero(path));
  std::unique_ptr<PostingCsv> csv;
  if (format == "csv") {
    csv = std::make_unique<PostingCsv>(stdout);
    csv->header();
  }

  reconcile::RemittanceFileCallbacks callbacks;
  callbacks.finding = print_finding;
  callbacks.outcome = [&](const model::Remittance& remittance, const reconcile::RemittanceOutcome& outcome) {
    if (show_rules && outcome.result == reconcile::RemittanceOutcome::Result::posted)
      for (const auto& f : review.last_worklist_findings()) print_finding(f);
    if (csv)
      for (const auto& p : outcome.postings) csv->write(remittance, p);
  };
  callbacks.progress = [&](std::uint64_t bytes, std::uint64_t claims) { progress.update(bytes, claims); };
  const auto file_totals = reconcile::post_remittance_file(*source, path, poster, callbacks);
  progress.finish();
  for (const auto& problem : file_totals.problems) fmt::print(stderr, "clearhouse post: {}\n", problem);
  // The summary object is fixed (issue 4); what the rules did is for people at a terminal (or
  // --show-rules): `clearhouse worklist` is where it is worked.
  if (show_rules)
    fmt::print(stderr, "worklist: {} rule finding(s); items opened {}, updated {}, resolved {}\n", review.findings(),
               review.counts().opened + review.counts().reopened, review.counts().updated, review.counts().resolved);
  if (csv) csv->flush();
  else print_json(file_totals);
  std::fflush(stdout);
  return file_totals.rejected ? kExitRejected : kExitOk;
}

}  // namespace clearhouse::cli
