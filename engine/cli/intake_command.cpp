// clearhouse intake FILE.837 --out DIR [--code-set KIND=FILE]... [--strict-code-sets]
//                  [--submitter-id ID] [--submitter-name NAME] [--submitter-contact NAME]
//                  [--submitter-phone DIGITS] [--db URL]
// A provider's 837P in, claims out: validates the file (as `clearhouse validate`), writes its
// 999 to DIR/<file>.999, and forwards the claims of the accepted transaction sets, one 837P
// per payer re-enveloped with the clearinghouse's ids and ledger control numbers, recorded in
// the ledger as submitted (engine/intake/intake_run.hpp). Prints a JSON summary.
// Exit 0: everything accepted and forwarded; 1: some set rejected or accepted with errors, or a
// claim not forwarded (duplicate); 2: usage.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "engine/ack/acknowledgment_files.hpp"
#include "engine/cli/command.hpp"
#include "engine/command_line/code_set_options.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/validation/validation_input.hpp"
#include "engine/intake/intake_run.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/submit/submit_options.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

namespace fs = std::filesystem;

constexpr OptionSpec kOptions[] = {
    {.name = "out", .value_name = "DIR", .description = "where the 999 and the forwarded 837Ps go (required)"},
    command_line::kCodeSetOption,
    command_line::kStrictCodeSetsOption,
    {.name = "submitter-id", .value_name = "ID",
     .description = "the clearinghouse's id in ISA06, GS02 and 1000A, 2-15 characters (default CLEARHOUSE)"},
    {.name = "submitter-name", .value_name = "NAME", .description = "the clearinghouse's name in 1000A NM103"},
    {.name = "submitter-contact", .value_name = "NAME", .description = "the contact in 1000A PER02"},
    {.name = "submitter-phone", .value_name = "DIGITS", .description = "the contact's phone in 1000A PER"},
    command_line::kDbOption,
};

int run(const Args& args) {
  args.expect_positionals(1, 1, "FILE.837");
  const std::string file = args.positionals()[0];
  const auto out_dir = args.value("out");
  if (!out_dir) throw UsageError("--out DIR is required");
  if (file == "-") throw UsageError("intake reads its input twice: give a file, not stdin");

  intake::IntakeOptions options;
  options.input = file;
  options.out_dir = *out_dir;
  options.clearinghouse = submit::default_submitter();
  options.clearinghouse.id = args.value_or("submitter-id", options.clearinghouse.id);
  options.clearinghouse.name = args.value_or("submitter-name", options.clearinghouse.name);
  options.clearinghouse.contact_name = args.value_or("submitter-contact", options.clearinghouse.contact_name);
  options.clearinghouse.phone = args.value_or("submitter-phone", options.clearinghouse.phone);
  if (options.clearinghouse.id.size() < 2 || options.clearinghouse.id.size() > 15)
    throw UsageError("--submitter-id must be 2-15 characters");

  validation::ValidationInput input = validation::prepare_validation(args, "intake");
  const auto report = validation::validate_file(file, input);
  if (!report) return kExitRejected;  // could not open: already reported

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  const auto ack = ack::build_acknowledgments(*report, ack::AckKind::implementation_999, *ledger);
  const fs::path ack_path = options.out_dir / (fs::path(file).filename().string() + ".999");
  {
    std::ofstream out(ack_path, std::ios::binary | std::ios::trunc);
    out << ack.text;
    if (!out) {
      fmt::print(stderr, "clearhouse intake: cannot write {}\n", ack_path.string());
      return kExitRejected;
    }
  }
  if (!ack.error.empty()) fmt::print(stderr, "clearhouse intake: acknowledgment incomplete: {}\n", ack.error);

  const auto result = intake::run_intake(options, *report, *ledger);
  render::JsonWriter json(stdout);
  json.begin_object();
  json.field("input", file);
  json.field("ack", ack_path.string());
  json.key("sets").begin_object();
  json.key("accepted").unsigned_number(report->accepted);
  json.key("accepted_with_errors").unsigned_number(report->accepted_with_errors);
  json.key("rejected").unsigned_number(report->rejected);
  json.end_object();
  json.key("sets_forwarded").unsigned_number(result.sets_forwarded);
  json.key("claims_forwarded").unsigned_number(result.claims_forwarded);
  json.field("files", result.files);
  json.field("duplicates", result.duplicates);
  json.field("problems", result.problems);
  json.end_object();
  json.newline();
  json.flush();
  const bool clean = report->fully_accepted() && result.duplicates.empty() && result.problems.empty();
  return clean ? kExitOk : kExitRejected;
}

}  // namespace

const Command kIntakeCommand{
    .name = "intake",
    .summary = "a provider's 837P: validate, 999, forward accepted claims per payer (re-enveloped, recorded)",
    .synopsis = "FILE.837 --out DIR [--code-set KIND=FILE]... [--strict-code-sets] [--submitter-id ID] [--db URL]",
    .options = kOptions,
    .run = run,
    .notes = "Writes DIR/<FILE>.999 and one DIR/<payer>-<ISA13>.837 per payer of the accepted claims.",
};

}  // namespace clearhouse::cli
