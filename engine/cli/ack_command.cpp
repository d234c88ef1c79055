// clearhouse ack FILE [--db URL] [--format json|text]
// Posts a trading partner's acknowledgments (999 and TA1) to the ledger: the claims of each
// acknowledged transaction set are marked accepted, accepted_with_errors or rejected.
// `clearhouse post` hands 999/TA1 files here (see ack_file_posting.hpp). Exit 0 when every
// acknowledgment matched a recorded batch and nothing was rejected; 1 otherwise; 2 usage.
#include <fmt/format.h>

#include <cstdio>

#include "engine/ack/ack_file_posting.hpp"
#include "engine/cli/command.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::cli {
namespace {

constexpr const char* kUsage = "usage: clearhouse ack FILE [--db URL] [--format json|text]";

void print_json(const std::string& file, const ack::AckFilePosting& p) {
  const auto& r = p.report;
  std::string unmatched;
  for (const auto& u : r.unmatched) {
    if (!unmatched.empty()) unmatched += ',';
    unmatched += '"';
    for (char c : u) {
      if (c == '"' || c == '\\') unmatched += '\\';
      unmatched += c;
    }
    unmatched += '"';
  }
  fmt::print(
      "{{\"file\":\"{}\",\"interchanges\":{},\"group_acks\":{},\"interchange_acks\":{},\"sets_accepted\":{},"
      "\"sets_accepted_with_errors\":{},\"sets_rejected\":{},\"interchanges_rejected\":{},\"claims_marked\":{},"
      "\"unmatched\":[{}],\"file_errors\":{}}}\n",
      file, p.interchanges, p.group_acks, p.interchange_acks, r.sets_accepted, r.sets_accepted_with_errors,
      r.sets_rejected, r.interchanges_rejected, r.claims_marked, unmatched, p.file_errors.size());
}

}  // namespace

int run_ack(const std::vector<std::string>& argv) {
  Args args(argv, {{"db"}, {"format"}});
  args.expect_positionals(1, 1, kUsage);
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

}  // namespace clearhouse::cli
