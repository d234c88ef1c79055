#pragma once
// Writes 276 claim status inquiries (005010X212) on an X12Writer, one interchange at a time:
// ISA/GS, then transaction sets (ST, BHT, the HL tree, SE), then GE/IEA. Control numbers are
// given by the caller (the ledger allocates them); SE01/GE01/IEA01 come from the envelope
// writer, never from counting here.
//
// The HL tree is built as inquiries stream in: consecutive inquiries to the same payer share
// one 2000A (with our 2000B under it), of the same provider one 2000C, of the same subscriber
// one 2000D, of the same dependent one 2000E. Each inquiry is one claim: its own 2200D (the
// subscriber is the patient) or 2200E (a dependent patient). A subscriber asked about for himself and for a
// dependent gets two 2000D loops, so that HL04 says truthfully whether a 2000E follows.
//
// A value the guide requires that the inquiry lacks (payer id, provider NPI, member id, trace,
// a dependent's birth date) is refused through X12Writer::fail, like a value with a delimiter
// in it: the caller checks error() before sending the output.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/model/claim_status_inquiry.hpp"
#include "engine/model/date.hpp"
#include "engine/model/submission_parties.hpp"
#include "generators/x12/envelope_writer.hpp"
#include "generators/x12/x12_writer.hpp"

namespace clearhouse::x12_276 {

inline constexpr std::string_view kImplementation = "005010X212";
inline constexpr std::string_view kFunctionalId = "HR";

struct InquiryHeader {
  std::string control_number;  // ST02/SE02, 4-9 characters
  std::string reference;       // BHT03, our reference for this batch of inquiries
  model::Date created;         // BHT04
  std::string time;            // BHT05, HHMM
};

class ClaimStatusInquiryWriter {
 public:
  explicit ClaimStatusInquiryWriter(x12::X12Writer& out) : w_(out), envelope_(out) {}

  void open_interchange(const x12::InterchangeEnvelope& isa, const x12::GroupEnvelope& gs);
  // Opens a transaction set sent by the information receiver (us: 2100B NM1*41, NM109 our
  // id with qualifier 46, the name and id the payer knows us by).
  void open_transaction(const InquiryHeader& header, const model::Submitter& receiver);
  // Writes one inquiry (its 2200D or 2000E/2200E), opening 2000A/2000B/2000C/2000D as needed.
  void write_inquiry(const model::ClaimStatusInquiry& inquiry);
  void close_transaction();
  void close_interchange();

  std::uint64_t inquiries_in_transaction() const { return inquiries_in_transaction_; }
  bool transaction_open() const { return transaction_open_; }

 private:
  void payer_loop(const model::ClaimStatusInquiry& q);
  void provider_loop(const model::ClaimStatusInquiry& q);
  void subscriber_loop(const model::ClaimStatusInquiry& q, bool self);
  void dependent_loop(const model::ClaimStatusInquiry& q);
  void claim_loop(const model::ClaimStatusInquiry& q);
  void hl(int id, int parent, std::string_view level, std::string_view child_code);
  void demographics(const model::Date& birth_date, std::string_view gender);
  void person(std::string_view entity_id, const model::PersonName& n, std::string_view id_qualifier,
              std::string_view id);
  void require(bool present, std::string_view segment_id, int element, const char* what);

  x12::X12Writer& w_;
  x12::EnvelopeWriter envelope_;
  model::Submitter receiver_;
  bool transaction_open_ = false;
  std::uint64_t inquiries_in_transaction_ = 0;
  int hl_ = 0, receiver_hl_ = 0, provider_hl_ = 0, subscriber_hl_ = 0;
  // What the open HL loops were written for, to know when the next inquiry needs new ones.
  std::optional<model::Payer> payer_;
  std::optional<model::Provider> provider_;
  std::optional<model::Subscriber> subscriber_;
  bool subscriber_is_patient_ = false;
  std::optional<model::Patient> dependent_;
};

}  // namespace clearhouse::x12_276
