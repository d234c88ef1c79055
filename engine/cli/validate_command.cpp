// clearhouse validate FILE [--ack 999|ta1|both] [-o ACKFILE] [--format json|text]
//                          [--code-set KIND=FILE]... [--strict-code-sets] [--db URL]
// Implementation-guide validation of 837P/835/999 files (SNIP 1-5) and the acknowledgments
// the sender gets back. Exit 0: accepted; 1: anything rejected or accepted with errors; 2: usage.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "engine/ack/acknowledgment_files.hpp"
#include "engine/cli/command.hpp"
#include "engine/cli/progress.hpp"
#include "engine/command_line/code_set_options.hpp"
#include "engine/command_line/jobs_option.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/validation/validation_input.hpp"
#include "engine/validation/validation_output.hpp"
#include "engine/ledger/ledger_url.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "ack", .value_name = "999|ta1|both", .description = "write the acknowledgment(s) the sender gets back"},
    {.name = "output", .short_name = 'o', .value_name = "ACKFILE",
     .description = "where the acknowledgment goes (- for stdout; default FILE.ack when --ack is given)"},
    {.name = "format", .value_name = "text|json", .description = "the findings as text (default) or JSON"},
    command_line::kCodeSetOption,
    command_line::kStrictCodeSetsOption,
    command_line::kDbOption,
    command_line::kJobsOption,
};

int run(const Args& args) {
  args.expect_positionals(1, 1, "FILE");
  const std::string file = args.positionals()[0];
  const std::string format = args.choice("format", {"text", "json"}, "text");
  const auto ack_choice = args.value("ack");
  if (ack_choice && *ack_choice != "999" && *ack_choice != "ta1" && *ack_choice != "both")
    throw UsageError("--ack must be 999, ta1 or both");
  std::string ack_path = args.value_or("output", "");
  if (ack_path.empty() && ack_choice) ack_path = (file == "-" ? std::string("stdin") : file) + ".ack";
  const ack::AckKind kind = !ack_choice || *ack_choice == "999" ? ack::AckKind::implementation_999
                            : *ack_choice == "ta1"               ? ack::AckKind::interchange_ta1
                                                                 : ack::AckKind::both;

  x12::spec::ValidationOptions options;
  options.jobs = command_line::jobs_option(args, x12::default_jobs());
  x12::PartsRead how;
  options.parts_read = &how;

  validation::ValidationInput input = validation::prepare_validation(args, "validate");
  const auto report = validation::validate_file(file, input, &options);
  if (!report) return kExitRejected;  // could not open: already reported
  if (options.jobs > 1)
    report_parts("validate", how.parts_taken, how.parts_read_in_order,
                 how.streamed_from ? static_cast<std::int64_t>(*how.streamed_from) : -1);

  std::string written;
  if (!ack_path.empty()) {
    auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
    const auto text = ack::build_acknowledgments(*report, kind, *ledger);
    if (!text.error.empty()) fmt::print(stderr, "clearhouse validate: acknowledgment incomplete: {}\n", text.error);
    if (ack_path == "-") {
      std::fwrite(text.text.data(), 1, text.text.size(), stdout);
    } else {
      std::ofstream out(ack_path, std::ios::binary);
      out << text.text;
      if (!out) {
        fmt::print(stderr, "clearhouse validate: cannot write {}\n", ack_path);
        return kExitRejected;
      }
      written = ack_path;
    }
  }
  std::FILE* out = ack_path == "-" ? stderr : stdout;
  if (format == "json") validation::print_findings_json(out, file, *report, written);
  else validation::print_findings_text(out, file, *report);
  return validation::verdict(*report) == "accepted" ? kExitOk : kExitRejected;
}

}  // namespace

const Command kValidateCommand{
    .name = "validate",
    .summary = "implementation-guide validation (837P/835/999), 999 and TA1 acknowledgments",
    .synopsis = "FILE [--ack 999|ta1|both] [-o ACKFILE] [--format text|json] [--code-set KIND=FILE]... [--strict-code-sets]",
    .options = kOptions,
    .run = run,
    .notes = "FILE may be - for stdin. Every NPI (NM108/N103 XX, REF*HPI) must have its check digit.",
};

}  // namespace clearhouse::cli
