#include "engine/worklist/ledger_sources.hpp"

namespace clearhouse::worklist {

ReviewSources ledger_review_sources(ledger::Ledger& ledger) {
  ReviewSources s;
  s.submitted = [&ledger](std::string_view payer, std::string_view claim) { return ledger.find_claim(payer, claim); };
  // TODO(post): the posting store's history of (payer, claim) once it is on main.
  s.history = [](std::string_view, std::string_view) { return std::vector<model::Posting>{}; };
  return s;
}

}  // namespace clearhouse::worklist
