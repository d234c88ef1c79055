#pragma once
// Reads 837P (005010X222A1) transaction sets back into claims, one claim at a time: the 2300
// loop with the submitter, receiver, billing provider, pay-to address, subscriber, payer and
// patient of the HL loops above it, and its 2400 service lines. It reads what clearhouse's own
// writer produces field for field, and any other 837P without crashing: loops it does not model
// (2420 line providers, supervising providers, 2440 forms...) are skipped, and malformed values
// are reported in the diagnostics with their position while reading goes on. Of the
// supplemental information it reads what the writer sends (supplement_reader.cpp): PWK, NTE,
// REF*X4, CR1, CRC*07 and the 2310E/2310F ambulance locations of the claim; PWK, NTE,
// REF*G1/9F and the 2410 drug (LIN*N4, CTP, REF*XZ) of a line. Of coordination of benefits
// (other_payer_reader.cpp): the 2320 other payers with their adjudication (CAS, AMT*D/A8/EAF),
// OI, 2330A-2330G, and the 2430 line adjudications.

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/model/claim.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/error.hpp"

namespace clearhouse::x12_837p {

class Claim837pReader {
 public:
  Claim837pReader(x12::EnvelopeReader& reader, x12::Diagnostics& diagnostics)
      : reader_(reader), diagnostics_(diagnostics) {}

  // The next claim of the input; false at the end. Transaction sets that are not 837 are skipped.
  bool next(model::Claim& out);
  // ST02 of the transaction set the last claim came from.
  const std::string& transaction_control_number() const { return st02_; }
  std::uint64_t claims_read() const { return claims_read_; }

 private:
  enum class Context {
    none, submitter, receiver, billing, pay_to, subscriber, payer, patient, claim, referring, rendering,
    facility, other_payer, line, other, pick_up, drop_off, drug,
    other_subscriber, other_payer_name, other_payer_provider, line_adjudication  // 2330A, 2330B, 2330C-G, 2430
  };
  void on_segment(const x12::Segment& s);
  void on_transaction_start();
  void start_claim(const x12::Segment& s);
  void finish_claim();
  // PWK, NTE, CR1, CRC, LIN, CTP and the REFs of the claim, its lines and drugs; false when s
  // is none of them.
  bool read_supplement(const x12::Segment& s);
  // 2320, 2330A-2330G and 2430; false when s is none of their segments.
  bool read_other_payer(const x12::Segment& s);
  bool in_other_payer() const {
    return context_ == Context::other_payer || context_ == Context::other_subscriber ||
           context_ == Context::other_payer_name || context_ == Context::other_payer_provider ||
           context_ == Context::line_adjudication;
  }
  void read_adjustments(const x12::Segment& s, std::vector<model::Adjustment>& out);  // one CAS
  model::Address* address_in_context();
  static void read_address(const x12::Segment& s, model::Address& a);  // an N3 or N4 into a
  void read_name(const x12::Segment& s, model::Provider& p);
  void read_person(const x12::Segment& s, model::PersonName& n);
  void invalid(const x12::Segment& s, int element, std::string_view expected, bool phi = false);
  std::optional<model::Date> d8(const x12::Segment& s, int element, std::string_view text);

  x12::EnvelopeReader& reader_;
  x12::Diagnostics& diagnostics_;
  bool in_837_ = false;
  std::string st02_, current_st02_, ready_st02_;
  std::uint64_t claims_read_ = 0;

  Context context_ = Context::none;
  model::Submitter submitter_;
  model::Receiver receiver_;
  model::BillingProvider billing_;
  std::optional<model::Address> pay_to_;
  model::Subscriber subscriber_;
  model::Payer payer_;
  model::Patient patient_;
  std::optional<model::Claim> claim_;   // the claim being read
  std::optional<model::Claim> ready_;   // a finished claim waiting to be handed out
};

}  // namespace clearhouse::x12_837p
