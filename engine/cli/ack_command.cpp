// clearhouse ack FILE [--db URL] [--format json|text] [--schemas DIR] [--as-of DATE]
// Posts a trading partner's acknowledgments to the ledger:
//  - 999 and TA1: the claims of each acknowledged transaction set are marked accepted,
//    accepted_with_errors or rejected (ack_file_posting.hpp);
//  - 277CA (005010X214) and 277 (005010X212): each claim's front-door or adjudication status
//    with its history, the payer's claim number, and worklist items for rejections, denials and
//    claims not found (claim_status_file_posting.hpp).
// `clearhouse post` hands these files here. Exit 0 when everything matched and nothing was
// rejected; 1 otherwise (all of it reported); 2 usage.
#include <fmt/format.h>

#include <cstdio>

#include "engine/ack/ack_file_posting.hpp"
#include "engine/ack/claim_status_file_posting.hpp"
#include "engine/cli/command.hpp"
#include "engine/command_line/ledger_option.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/util/timestamp.hpp"
#include "generators/render/json_writer.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    command_line::kDbOption,
    {.name = "format", .value_name = "text|json", .description = "the summary as a line of text (default) or JSON"},
    command_line::kSchemasOption,
    command_line::kAsOfOption,
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

void print_finding(const model::Finding& f) {
  std::string where = f.location.to_string();
  if (!f.claim_id.empty()) where += fmt::format(" / claim {}", f.claim_id);
  fmt::print(stderr, "{}: {} [{}] {}: {}\n", model::to_string(f.severity), f.category, f.rule, where, f.message);
}

int run_claim_status_ack(const std::string& file, const Args& args, const std::string& format) {
  std::string error;
  auto source = x12::FileSource::open(file, error);
  if (!source) {
    fmt::print(stderr, "clearhouse ack: cannot open {}: {}\n", file, error);
    return kExitRejected;
  }
  const auto config = command_line::load_rules_for(args, "ack");
  auto ledger = ledger::open_ledger(args.value_or("db", ledger::default_ledger_url()));
  ack::ClaimStatusPostingOptions options;
  options.source_name = file;
  options.now = util::utc_timestamp_now();
  options.today = command_line::today_for(args);
  options.config = &config;
  const auto t = ack::post_claim_status_source(*source, *ledger, options);
  for (const auto& f : t.listed) print_finding(f);
  if (t.findings > t.listed.size()) fmt::print(stderr, "... and {} more finding(s)\n", t.findings - t.listed.size());
  if (format == "json") {
    render::JsonWriter json(stdout);
    json.begin_object();
    json.field("file", file);
    ack::write_claim_status_totals_fields(json, t);
    json.end_object();
    json.newline();
  } else {
    fmt::print("{}: {} 277 set(s): posted {}, already posted {}, not posted {}; {} claim status(es): accepted {}, "
               "rejected {}, pended {}, forwarded {}, finalized {}, not found {}, unmatched {}; worklist: opened {}, "
               "reopened {}, updated {}, resolved {}\n",
               file, t.sets, t.posted, t.already_posted, t.not_posted, t.statuses, t.accepted, t.rejected, t.pended,
               t.forwarded, t.finalized, t.not_found, t.unmatched, t.worklist.opened, t.worklist.reopened,
               t.worklist.updated, t.worklist.resolved);
  }
  return t.needs_attention() ? kExitRejected : kExitOk;
}

int run_ack(const Args& args) {
  args.expect_positionals(1, 1, "FILE (a 999, TA1, 277CA or 277)");
  const std::string file = args.positionals()[0];
  const std::string format = args.choice("format", {"text", "json"}, "text");
  if (ack::is_claim_status_file(file)) return run_claim_status_ack(file, args, format);
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
    .summary = "post 999/TA1 acknowledgments and 277CA/277 claim statuses: accepted, rejected, pended, paid",
    .synopsis = "FILE [--db URL] [--format text|json] [--schemas DIR] [--as-of YYYY-MM-DD]",
    .options = kOptions,
    .run = run_ack,
    .notes = "FILE holds 999/TA1 acknowledgments, 277CA claim acknowledgments (005010X214) or 277 claim\n"
             "status responses (005010X212). A 277's rejections, denials and claims not found open\n"
             "worklist items; posting the same 277 again changes nothing.",
};

}  // namespace clearhouse::cli
