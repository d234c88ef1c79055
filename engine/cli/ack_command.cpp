// clearhouse ack FILE [--db URL] [--format json|text]
// Posts a trading partner's acknowledgments (999 and TA1) to the ledger: the claims of each
// acknowledged transaction set are marked accepted, accepted_with_errors or rejected.
// `clearhouse post` hands 999/TA1 files here (see ack_file_posting.hpp). Exit 0 when every
// acknowledgment matched a recorded batch and nothing was rejected; 1 otherwise; 2 usage.
#include <fmt/format.h>

#include <cstdio>

#include "engine/ack/ack_file_posting.hpp"
#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    command_line::kDbOption,
    {.name = "format", .value_name = "text|json", .description = "the summary as a line of text (default) or JSON"},
};

void print_json(const std::string& file, const ack::AckFilePosting& p) {
  const auto& r = p.report;
  render::JsonWriter json(stdout);
  json.begin_object();
  json.field("file", file);
  json.key("interchanges").unsigned_number(p.interchanges);
  json.key("group_acks").unsigned_number(p.group_acks);
  json.key("interchange_acks").unsigned_number(p.interchange_acks);
  json.key("sets_accepted").unsigned_number(r.sets_accepted);
  json.key("sets_accepted_with_errors").unsigned_number(r.sets_accepted_with_errors);
  json.key("sets_rejected").unsigned_number(r.sets_rejected);
  json.key("interchanges_rejected").unsigned_number(r.interchanges_rejected);
  json.key("claims_marked").unsigned_number(r.claims_marked);
  json.field("unmatched", r.unmatched);
  json.key("file_errors").unsigned_number(p.file_errors.size());
  json.end_object();
  json.newline();
}

int run_ack(const Args& args) {
  args.expect_positionals(1, 1, "FILE (a 999 or TA1)");
  const std::string file = args.positionals()[0];
  const std::string format = args.choice("format", {"text", "json"}, "text");
  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  const auto posted = ack::post_acknowledgment_file(file, *ledger, util::utc_timestamp_now());
  if (!posted.opened) {
    fmt::print(stderr, "clearhouse ack: {}\n", posted.file_errors.front());
    return kExitRejected;
  }
  const auto& r = posted.report;
  if (format == "json") {
    print_json(file, posted);
  } else {
    fmt::print("{}: {} 999 group(s), {} TA1(s); sets accepted {}, with errors {}, rejected {}; "
               "interchanges rejected {}; {} claim(s) marked\n",
               file, posted.group_acks, posted.interchange_acks, r.sets_accepted, r.sets_accepted_with_errors,
               r.sets_rejected, r.interchanges_rejected, r.claims_marked);
    for (const auto& u : r.unmatched) fmt::print("  unmatched: {}\n", u);
    for (const auto& e : posted.file_errors) fmt::print("  file error: {}\n", e);
  }
  const bool clean = r.unmatched.empty() && r.sets_rejected == 0 && r.interchanges_rejected == 0 &&
                     posted.file_errors.empty();
  return clean ? kExitOk : kExitRejected;
}

}  // namespace

const Command kAckCommand{
    .name = "ack",
    .summary = "post a partner's 999/TA1 acknowledgments: mark the claims accepted or rejected",
    .synopsis = "FILE [--db URL] [--format text|json]",
    .options = kOptions,
    .run = run_ack,
};

}  // namespace clearhouse::cli
