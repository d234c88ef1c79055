#include "engine/cli/command.hpp"

namespace clearhouse::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"submit", "encounters (JSON Lines) -> 837P batch files + rejection report", run_submit},
      {"parse", "any X12 file -> JSON tree or summary", run_parse},
      {"validate", "implementation-guide validation (837P/835/999), 999 and TA1 acknowledgments", run_validate},
      {"post", "post an 835 remittance to the ledger; print postings and findings", run_post},
      {"intake", "a provider's 837P: validate, 999, forward accepted claims per payer (re-enveloped, recorded)", run_intake},
      {"ack", "post 999/TA1 acknowledgments and 277CA/277 claim statuses: accepted, rejected, pended, paid", run_ack},
      {"status-inquiry", "276 claim status inquiries for claims that stay silent, one file per receiver",
       run_status_inquiry},
      {"worklist", "the denial worklist: list, resolve, assign, refresh", run_worklist},
      {"report", "billing performance: claims by payer, denial rates, AR aging, days to payment", run_report},
  };
  return kCommands;
}

}  // namespace clearhouse::cli
