#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "engine/cli/args.hpp"
#include "engine/cli/command.hpp"

namespace clearhouse::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"submit", "encounters (JSON Lines) -> 837P batch files + rejection report", run_submit},
      {"parse", "any X12 file -> JSON tree or summary", run_parse},
      {"validate", "implementation-guide validation (837P/835/999), 999 and TA1 acknowledgments", run_validate},
      {"post", "post an 835 remittance to the ledger; print postings and findings", run_post},
      {"intake", "a provider's 837P: validate, 999, forward accepted claims per payer (re-enveloped, recorded)", run_intake},
      {"ack", "post a partner's 999/TA1 acknowledgments: mark the claims accepted or rejected", run_ack},
      {"worklist", "the denial worklist: list, resolve, assign, refresh", run_worklist},
      {"report", "billing performance: claims by payer, denial rates, AR aging, days to payment", run_report},
      {"serve", "HTTP API and the worklist page (127.0.0.1:8080 by default)", run_serve},
  };
  return kCommands;
}

namespace {

void print_usage(std::FILE* out) {
  fmt::print(out, "usage: clearhouse <command> [options]\n\ncommands:\n");
  for (const auto& c : commands()) fmt::print(out, "  {:<10} {}\n", c.name, c.summary);
  fmt::print(out, "\n--db URL selects the ledger (default sqlite:clearhouse.db, or CLEARHOUSE_DB).\n");
}

}  // namespace

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return kExitOk;
  }
  for (const auto& c : commands()) {
    if (c.name != name) continue;
    std::vector<std::string> args(argv + 2, argv + argc);
    try {
      return c.run(args);
    } catch (const UsageError& e) {
      fmt::print(stderr, "clearhouse {}: {}\n", name, e.what());
      return kExitUsage;
    } catch (const std::exception& e) {
      // The edge: anything unexpected is reported, never a crash.
      fmt::print(stderr, "clearhouse {}: error: {}\n", name, e.what());
      return kExitRejected;
    }
  }
  fmt::print(stderr, "clearhouse: unknown command '{}'\n\n", name);
  print_usage(stderr);
  return kExitUsage;
}

}  // namespace clearhouse::cli
