#pragma once
// What posting one remittance claim writes to the ledger: the claim-level record and one
// record per service line, with the money split into the buckets billers work with. A posting
// is never edited afterwards; a reversal is a new posting that points at the one it undoes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/adjustment.hpp"
#include "engine/model/adjustment_totals.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/claim_status.hpp"
#include "engine/model/code.hpp"
#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/model/service_procedure.hpp"

namespace clearhouse::model {

struct LinePosting {
  int line_number = 0;             // 1-based position of the SVC in the claim payment
  int submitted_line = 0;          // the matched submitted line's number; 0 when unmatched
  std::int64_t service_line_row = 0;  // ledger row of that submitted line; 0 when unmatched
  std::string line_control_number; // REF*6R
  ServiceProcedure procedure;      // as billed (SVC06 when the payer changed the code)
  Date service_date;
  Money billed;
  Money paid;
  std::optional<Money> allowed;    // AMT*B6
  AdjustmentTotals adjustments;
  std::vector<Adjustment> cas;            // the line's CAS triples, exactly, in the payer's order
  std::optional<Decimal> paid_units;      // SVC05 (absent: 1)
  std::vector<Code> reason_codes;         // CARCs of the line's CAS
  std::vector<Code> remark_codes;         // RARCs (LQ*HE)
};

struct Posting {
  std::int64_t id = 0;                     // ledger id once stored
  std::string claim_id;                    // CLP01
  std::string payer_id;
  std::string payer_claim_control_number;  // CLP07
  Code status_code;                        // CLP02 as sent
  bool matched = false;                    // a submitted claim was found for CLP01
  std::int64_t claim_row = 0;              // ledger row of that submitted claim; 0 when unmatched
  bool reversal = false;                   // CLP02 = 22
  std::int64_t reverses = 0;               // id of the posting a reversal undoes (0 when none found)
  // What the claim's status becomes; nullopt when this payment does not move it
  // (a predetermination, an unknown CLP02).
  std::optional<ClaimStatus> claim_status;
  Money billed;                            // CLP03
  Money paid;                              // CLP04
  Money patient_responsibility;            // CLP05
  AdjustmentTotals adjustments;            // claim-level and line-level CAS together
  std::vector<Adjustment> cas;             // the claim-level CAS triples, exactly, in the payer's order
  std::string crossover_payer;             // NM1*TT: the payer forwarded the claim to this one (name, id)
  std::vector<Code> reason_codes;          // CARCs of the claim-level CAS
  std::vector<Code> remark_codes;          // RARCs of MIA/MOA
  std::vector<LinePosting> lines;
  std::uint64_t segment = 0;               // CLP segment ordinal in the file
  int sequence = 0;                        // 1-based position of the CLP in its remittance
};

}  // namespace clearhouse::model
