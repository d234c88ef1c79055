#pragma once
// Writes claims as 837P (005010X222A1) transaction sets on an X12Writer, one interchange at a
// time: ISA/GS, then transaction sets (ST, BHT, 1000A submitter + PER, 1000B receiver, the HL
// tree, SE), then GE/IEA. Control numbers are given by the caller (the ledger allocates
// them); SE01/GE01/IEA01 come from the envelope writer, never from counting here.
//
// The HL tree is built as claims stream in: consecutive claims of the same billing provider
// (and pay-to address) share one 2000A; consecutive claims of the same subscriber, payer and
// patient share one 2000B (and 2000C). A subscriber who is the patient and the same subscriber
// with a dependent patient get separate 2000B loops, as the guide requires (HL04 tells which).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/claim.hpp"
#include "engine/model/date.hpp"
#include "generators/x12/envelope_writer.hpp"
#include "generators/x12/x12_writer.hpp"

namespace clearhouse::x12_837p {

inline constexpr std::string_view kImplementation = "005010X222A1";

struct TransactionHeader {
  std::string control_number;  // ST02/SE02, 4-9 characters
  std::string reference;       // BHT03, the originator's batch reference (1-50 characters)
  model::Date created;         // BHT04
  std::string time;            // BHT05, HHMM
  std::string purpose = "00";  // BHT02: 00 original
  std::string type = "CH";     // BHT06: CH chargeable, RP reporting (encounters)
};

class Claim837pWriter {
 public:
  explicit Claim837pWriter(x12::X12Writer& out) : w_(out), envelope_(out) {}

  void open_interchange(const x12::InterchangeEnvelope& isa, const x12::GroupEnvelope& gs);
  // Opens a transaction set from submitter to receiver (their 1000A/1000B loops).
  void open_transaction(const TransactionHeader& header, const model::Submitter& submitter,
                        const model::Receiver& receiver);
  // Writes one claim (its 2300 loop, opening 2000A/2000B/2000C loops as needed).
  void write_claim(const model::Claim& claim);
  void close_transaction();
  void close_interchange();

  // Keeps the text of each hierarchical loop as it is written (off by default; turn it on
  // before open_transaction), so that a claim can be had as a one-claim transaction set
  // without writing it a second time. keep_claim says whether the next claim's own 2300 loop
  // is kept too (only the claims a caller will ask for pay for the copy).
  void keep_written_loops(bool on) { keep_ = on; }
  void keep_claim(bool on) { keep_claim_ = on; }
  // The last claim written with keep_claim, in the loops it was written in (the transaction's
  // ST/BHT/1000A/1000B, its 2000A, 2000B and 2000C) as they were written, without line
  // breaks, closed by SE with its count: a one-claim 837P transaction set (ST..SE). ST02 and
  // HL ids are the batch's.
  std::string last_claim_transaction() const;

  std::uint64_t claims_in_transaction() const { return claims_in_transaction_; }
  bool transaction_open() const { return transaction_open_; }

 private:
  void billing_provider_loop(const model::Claim& c);
  void subscriber_loop(const model::Claim& c);
  void patient_loop(const model::Claim& c);
  void claim_loop(const model::Claim& c);
  void service_line_loop(const model::Claim& c, const model::ServiceLine& line);
  void name(std::string_view entity_id, const model::Provider& p, std::string_view id_qualifier, std::string_view id);
  void person(std::string_view entity_id, const model::PersonName& n, std::string_view id_qualifier, std::string_view id);
  void address(const model::Address& a);
  void date(std::string_view qualifier, const model::Date& d);
  // Supplemental information (supplemental_segments.cpp, ambulance_segments.cpp, drug_segments.cpp).
  void attachments(const std::vector<model::Attachment>& list);  // PWK
  void note(const model::Note& n);                                 // NTE
  void ambulance_transport(const model::AmbulanceTransport& a);    // 2300 CR1, CRC
  void ambulance_locations(const model::AmbulanceTransport& a);    // 2310E, 2310F
  void drug(const model::Drug& d);                                 // 2410
  // Coordination of benefits (other_payer_segments.cpp).
  void other_payer_loops(const std::vector<model::OtherCoverage>& list);  // 2320, 2330A-2330G
  void line_adjudication(const model::LineAdjudication& a);               // 2430
  void adjustments(const std::vector<model::Adjustment>& list);           // CAS, one per group

  // Text written since (at, segments_at), for keep_written_loops.
  struct WrittenLoops {
    std::string text;
    std::uint64_t segments = 0;
  };
  void keep_since(WrittenLoops& into, std::size_t at, std::uint64_t segments_at) const;

  x12::X12Writer& w_;
  x12::EnvelopeWriter envelope_;
  bool keep_ = false;
  bool keep_claim_ = false;
  std::string kept_st02_;
  // ST's header (BHT..1000B) without the ST, the open 2000A/2000B/2000C, and the last 2300.
  WrittenLoops kept_header_, kept_billing_, kept_subscriber_, kept_patient_, kept_claim_;
  bool kept_claim_has_patient_ = false;
  bool transaction_open_ = false;
  std::uint64_t claims_in_transaction_ = 0;
  int hl_ = 0, billing_hl_ = 0, subscriber_hl_ = 0;
  // What the open HL loops were written for, to know when the next claim needs new ones.
  std::optional<model::BillingProvider> billing_;
  std::optional<model::Address> pay_to_;
  std::optional<model::Subscriber> subscriber_;
  std::optional<model::Payer> payer_;
  std::optional<model::Patient> patient_;
  bool subscriber_is_patient_ = false;
};

// "0001": ST02 from a ledger number (at least 4 digits, as the guide's minimum length wants).
std::string transaction_control_number(std::uint64_t n);

}  // namespace clearhouse::x12_837p
