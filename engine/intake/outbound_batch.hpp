#pragma once
// One outbound 837P interchange to one payer, built from claims cut out of accepted input sets
// (claim_bundle.hpp) and re-enveloped with the clearinghouse's ids: ISA/GS from the
// clearinghouse to the payer, ST/BHT, 1000A = the clearinghouse as submitter, 1000B = the payer
// as receiver (all written by the 837P writer, generators/x12_837p, the only envelope writer),
// then each claim's HL chain (renumbered; consecutive claims under the same
// provider/subscriber/patient share their HL loops) and its 2300 loop as received. Delimiters
// are the input's, so every forwarded element travels byte for byte: what the 999 accepted is
// what the payer gets, and no accepted claim can be refused for its data on the way out.
//
// What does not fit the envelope (an ISA06/ISA08 id longer than 15 characters, a delimiter in
// the clearinghouse's name) is refused, never cut: error() says which field, and the batch
// takes no claims.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "engine/intake/claim_bundle.hpp"
#include "engine/model/date.hpp"
#include "engine/model/submission_parties.hpp"
#include "generators/x12/x12_writer.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::intake {

struct OutboundEnvelope {
  model::Submitter submitter;         // the clearinghouse: ISA06, GS02, 1000A
  std::string payer_id, payer_name;   // ISA08, GS03, 1000B
  std::string bht_purpose = "00", bht_type = "CH";
  std::uint64_t interchange_number = 0;  // ISA13 (and GS06)
  model::Date date;                   // ISA09, GS04, BHT04
  std::string hhmm;
  char usage = 'P';                   // ISA15
};

class OutboundBatch {
 public:
  OutboundBatch(OutboundEnvelope envelope, const model::Delimiters& d, std::uint64_t max_claims_per_set = 5000);

  // What the envelope refused, if anything; a refused batch takes no claims and has no file.
  const std::optional<x12::WriteError>& error() const { return writer_.error(); }

  // Appends a claim, or returns false when the batch refused its envelope (error()).
  // next_st02() gives a new transaction set number when one opens.
  bool add_claim(const TransactionBundle& source, const ClaimUnit& claim, const std::function<std::uint64_t()>& next_st02);
  // Closes the open transaction set, the group and the interchange; returns the file's text.
  std::string finish();

  std::uint64_t claims() const { return claims_; }
  std::uint64_t transactions() const { return transactions_; }
  std::uint64_t first_transaction() const { return first_st_; }
  std::uint64_t last_transaction() const { return last_st_; }
  const OutboundEnvelope& envelope() const { return env_; }

 private:
  void open_transaction(std::uint64_t st);

  OutboundEnvelope env_;
  x12::X12Writer writer_;
  x12_837p::Claim837pWriter claims_writer_;
  std::uint64_t max_claims_per_set_;
  std::uint64_t claims_in_set_ = 0;
  std::uint64_t claims_ = 0, transactions_ = 0, first_st_ = 0, last_st_ = 0;
  int next_hl_ = 0;
  // The HL loops open in the current set, top first: the source block and its new HL01.
  std::vector<std::pair<const HlBlock*, int>> open_chain_;
};

}  // namespace clearhouse::intake
