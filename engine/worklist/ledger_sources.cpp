#include "engine/worklist/ledger_sources.hpp"

#include <map>
#include <memory>
#include <optional>
#include <span>

#include "engine/ledger/posting_reads.hpp"

namespace clearhouse::worklist {
namespace {

// What the functions share: the ledger's reads, and what prefetch read for one payer. Each
// prefetched answer is handed out once (moved out); a second ask reads the database.
struct LedgerReads {
  explicit LedgerReads(ledger::Ledger& l) : ledger(l), reads(l) {}
  ledger::Ledger& ledger;
  ledger::PostingReads reads;
  std::string payer;
  std::map<std::string, std::optional<ledger::ClaimRecord>, std::less<>> submitted;
  std::map<std::string, std::vector<model::Posting>, std::less<>> posted;
  std::map<std::string, model::Date, std::less<>> last_posted;

  template <typename Map>
  std::optional<typename Map::mapped_type> take(Map& map, std::string_view payer_id, std::string_view claim_id) {
    if (payer_id != payer) return std::nullopt;
    const auto it = map.find(claim_id);
    if (it == map.end()) return std::nullopt;
    auto out = std::move(it->second);
    map.erase(it);
    return out;
  }

  void prefetch(std::string_view payer_id, std::span<const std::string> claim_ids) {
    payer.assign(payer_id);
    submitted.clear();
    posted.clear();
    last_posted.clear();
    if (claim_ids.empty()) return;
    for (const auto& id : claim_ids) {
      submitted.try_emplace(id);
      posted.try_emplace(id);
      last_posted.try_emplace(id);
    }
    for (auto& [id, claim] : ledger.find_claims(payer_id, claim_ids)) submitted[id] = std::move(claim);
    reads.histories(payer_id, claim_ids, posted, &last_posted);
  }
};

}  // namespace

ReviewSources ledger_review_sources(ledger::Ledger& ledger) {
  ReviewSources s;
  // Reads and prefetched rows are shared by the copies of the functions.
  auto reads = std::make_shared<LedgerReads>(ledger);
  s.prefetch = [reads](std::string_view payer, std::span<const std::string> claims) { reads->prefetch(payer, claims); };
  s.submitted = [reads](std::string_view payer, std::string_view claim) -> std::optional<ledger::ClaimRecord> {
    if (auto hit = reads->take(reads->submitted, payer, claim)) return std::move(*hit);
    return reads->ledger.find_claim(payer, claim);
  };
  s.history = [reads](std::string_view payer, std::string_view claim) {
    if (auto hit = reads->take(reads->posted, payer, claim)) return std::move(*hit);
    return reads->reads.history(payer, claim);
  };
  s.last_posted_on = [reads](std::string_view payer, std::string_view claim) {
    if (auto hit = reads->take(reads->last_posted, payer, claim)) return *hit;
    return reads->reads.last_posted_on(payer, claim);
  };
  return s;
}

}  // namespace clearhouse::worklist
