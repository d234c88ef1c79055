#pragma once
// Posting a whole 835 file: read it one transaction set at a time (parsers/x12_835, one set
// ahead on a thread of its own: RemittanceReadAhead), post each with the given poster (its
// before-commit hook — the rules pipeline and the worklist — runs inside each set's
// transaction), and add up what happened. `clearhouse post` and the HTTP service's
// POST /v1/remittances both call this, so they count the same way.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/model/remittance.hpp"
#include "engine/reconcile/remittance_poster.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::render {
class JsonWriter;
}

namespace clearhouse::reconcile {

struct RemittanceFileTotals {
  std::uint64_t remittances = 0, claims = 0, posted = 0, matched = 0, unmatched = 0, unbalanced = 0;
  std::uint64_t already_posted = 0, not_posted = 0, findings = 0;
  std::int64_t paid = 0, patient_resp = 0, adjustments = 0, provider_adjustments = 0;
  bool rejected = false;        // something needs attention (the CLI exits 1)
  std::vector<std::string> problems;  // the file as a whole: "holds no 835 transaction set", ...
};

struct RemittanceFileCallbacks {
  // Every finding, reading and posting alike, as it is found.
  std::function<void(const model::Finding&)> finding;
  // After each transaction set is posted (or found already posted, or not posted).
  std::function<void(const model::Remittance&, const RemittanceOutcome&)> outcome;
  // Bytes consumed and claims read so far.
  std::function<void(std::uint64_t bytes, std::uint64_t claims)> progress;
};

// name is used in messages (a path, or "upload"). Database failures throw LedgerError.
RemittanceFileTotals post_remittance_file(x12::InputSource& source, const std::string& name, RemittancePoster& poster,
                                          const RemittanceFileCallbacks& callbacks = {});

// The summary fields of issue 4, into an object the caller has opened: remittances, claims,
// posted, matched, unmatched, unbalanced, already_posted, paid_cents, patient_resp_cents,
// adjustment_cents, provider_adjustment_cents, findings.
void write_remittance_totals_fields(render::JsonWriter& json, const RemittanceFileTotals& totals);

}  // namespace clearhouse::reconcile
