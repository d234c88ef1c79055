#pragma once
// One 277 transaction set as typed values: a payer's front-door claim acknowledgment (277CA,
// 005010X214) or its answer to our status inquiry (277, 005010X212). Both guides share the
// shape: the information source (2000A, the payer), the information receiver (2000B, the
// batch we sent), billing providers (2000C) and, under them, one entry per claim (2200D, or
// 2200E when the X212 patient is a dependent), each with its statuses (STC) and service lines.
// The levels are kept once each; a claim names its provider by index.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/model/code.hpp"
#include "engine/model/date.hpp"
#include "engine/model/decimal.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/party.hpp"
#include "engine/model/qualified_value.hpp"
#include "engine/model/recycling_vector.hpp"
#include "engine/model/service_procedure.hpp"

namespace clearhouse::model {

// Which guide the 277 follows.
enum class ClaimStatusGuide : std::uint8_t {
  acknowledgment,  // 277CA, 005010X214: pre-adjudication accept/reject of claims we submitted
  response,        // 277, 005010X212: the answer to a 276 inquiry
};

// One health care claim status composite (C043: STC01, STC10, STC11).
struct StatusCode {
  Code category;   // -1, code source 507: A1 received, A2 accepted, A3/A6/A7/A8 rejected, P*, F*, E*
  Code status;     // -2, code source 508: what about it ("562" entity's NPI, "21" missing information)
  Code entity;     // -3, entity identifier the status is about (85 billing provider, QC patient...)
  Code code_list;  // -4, RX when the status is an NCPDP reject/payment code (X212 only)
  friend bool operator==(const StatusCode&, const StatusCode&) = default;
};

// One STC segment.
struct StatusInformation {
  std::array<StatusCode, 3> codes{};  // STC01, then STC10 and STC11 when sent
  std::uint8_t code_count = 0;        // how many of codes are used (1-3)
  Date effective;                     // STC02 status information effective date
  Code action;                        // STC03: WQ accepted, U rejected (X214); not used in X212
  std::optional<Money> charge;        // STC04: total claim (or batch, or line) charge
  std::optional<Money> payment;       // STC05: claim payment amount (X212)
  Date adjudicated;                   // STC06 adjudication or payment date (X212)
  Code payment_method;                // STC07 (X212)
  Date remittance_date;               // STC08 check issue or EFT effective date (X212)
  std::string remittance_trace;       // STC09 check or EFT trace number (X212)
  std::string message;                // STC12 free-form message text
  std::uint64_t segment = 0;          // ordinal of the STC in the input

  std::span<const StatusCode> status_codes() const { return {codes.data(), code_count}; }
  const StatusCode& first() const { return codes[0]; }
  friend bool operator==(const StatusInformation&, const StatusInformation&) = default;
};

// 2220D/2220E: the status of one service line of a claim.
struct ReportedLine {
  ServiceProcedure procedure;              // SVC01
  Money charge;                            // SVC02 line item charge
  std::optional<Money> payment;            // SVC03 line item provider payment (X212)
  std::string revenue_code;                // SVC04
  std::optional<Decimal> units;            // SVC07 units of service
  RecyclingVector<StatusInformation> statuses;  // STC
  std::string line_control_number;         // REF*FJ: our 837 REF*6R line item control number
  std::vector<QualifiedText> references;   // other REF (XZ prescription number)
  Date service_from, service_to;           // DTP*472 (D8: both the same)
  std::uint64_t segment = 0;               // ordinal of the SVC
  friend bool operator==(const ReportedLine&, const ReportedLine&) = default;
};

// 2200D/2200E: one claim the 277 reports on.
struct ReportedClaim {
  std::string trace;                       // TRN02. X214: our CLM01; X212: our 276 TRN02
  std::string patient_control_number;      // our CLM01: TRN02 (X214) or REF*EJ (X212; empty if not sent)
  std::string payer_claim_control_number;  // REF*1K, echoed later in the 835's CLP07
  std::string clearinghouse_trace;         // REF*D9
  std::string bill_type;                   // REF*BLT (institutional)
  std::vector<QualifiedText> references;   // other REF (XZ, VV, ...)
  RecyclingVector<StatusInformation> statuses;  // STC, in order (at least one in a valid set)
  Date service_from, service_to;           // DTP*472 (D8: both the same)
  RecyclingVector<ReportedLine> lines;     // 2220D/2220E
  Party patient;                           // 2100D NM1*QC (X214), 2100E NM1*QC or else 2100D NM1*IL (X212)
  Party subscriber;                        // 2100D NM1*IL (X212 only)
  bool dependent = false;                  // X212: the claim sits under a 2000E dependent level
  std::uint32_t provider = 0;              // index into ClaimStatusReport::providers
  std::uint64_t segment = 0;               // ordinal of the TRN
  std::uint64_t offset = 0;                // byte offset of the TRN

  // The category of the first status (STC01-1): what posting mostly goes by.
  const Code& category() const;
  friend bool operator==(const ReportedClaim&, const ReportedClaim&) = default;
};

// 2000A: the information source (the payer, or a clearinghouse: NM101 AY).
struct StatusSource {
  Party party;                             // 2100A NM1: PR payer (or AY), NM109 the payer id
  std::vector<Contact> contacts;           // 2100A PER (X212)
  std::string trace;                       // 2200A TRN02 (X214): the payer's receipt control id
  Date received, processed;                // 2200A DTP*050 receipt, DTP*009 process date (X214)
  std::uint64_t segment = 0;               // ordinal of the HL
  const std::string& payer_id() const { return party.id; }
  friend bool operator==(const StatusSource&, const StatusSource&) = default;
};

// 2000B (information receiver: the batch) or 2000C (billing / service provider), with the
// status the payer reports at that level (2200B / 2200C).
struct StatusLevel {
  Party party;                              // 2100B NM1*41 receiver, 2100C NM1*85 (X214) or *1P (X212)
  std::uint32_t parent = 0;                 // a receiver's source, a provider's receiver (index)
  std::string trace;                        // TRN02 of 2200B (our batch BHT03) or 2200C
  RecyclingVector<StatusInformation> statuses;  // STC
  std::vector<QualifiedText> references;    // REF (2200C provider secondary ids: TJ, SY, ...)
  std::vector<QualifiedQuantity> quantities;  // QTY 90/AA (2200B), QA/QC (2200C): accepted/rejected counts
  std::vector<QualifiedAmount> amounts;     // AMT YU accepted / YY rejected amounts
  std::uint64_t segment = 0;                // ordinal of the HL
  // The NPI when NM108 is XX, else empty.
  std::string_view npi() const { return party.id_qualifier == "XX" ? std::string_view(party.id) : std::string_view{}; }
  friend bool operator==(const StatusLevel&, const StatusLevel&) = default;
};

struct ClaimStatusReport {
  ClaimStatusGuide guide = ClaimStatusGuide::acknowledgment;
  // Envelope
  std::string interchange_sender, interchange_receiver, interchange_control_number;  // ISA06/08/13
  std::string group_sender, group_receiver, group_control_number, version;           // GS02/03/06/08
  std::string control_number;         // ST02
  std::string implementation;         // ST03
  std::string reference;              // BHT03
  Date created;                       // BHT04

  std::vector<StatusSource> sources;  // 2000A, in order
  RecyclingVector<StatusLevel> receivers;  // 2000B (parent: a source)
  RecyclingVector<StatusLevel> providers;  // 2000C (parent: a receiver)
  RecyclingVector<ReportedClaim> claims;   // 2200D/2200E in file order (provider: a provider)

  // Reading
  std::vector<Finding> findings;      // malformed values, unknown levels, envelope errors
  bool complete = false;              // ended with its SE (a set cut short is never posted)
  std::uint64_t segment = 0;          // ordinal of the ST
  std::uint64_t offset = 0;           // byte offset of the ST
  std::uint64_t segment_count = 0;    // ST..SE inclusive, as counted
  std::uint64_t byte_length = 0;      // bytes from the ST to the end of the SE
  std::uint64_t content_hash = 0;     // over the set's segments ST..SE (posting's idempotency key)

  const StatusLevel& provider_of(const ReportedClaim& c) const { return providers[c.provider]; }
  const StatusLevel& receiver_of(const StatusLevel& provider) const { return receivers[provider.parent]; }
  const StatusSource& source_of(const StatusLevel& receiver) const { return sources[receiver.parent]; }
  // The payer (2100A) a claim's status comes from.
  const StatusSource& payer_of(const ReportedClaim& c) const { return source_of(receiver_of(provider_of(c))); }
};

inline const Code& ReportedClaim::category() const {
  static const Code none;
  return statuses.empty() ? none : statuses[0].first().category;
}

}  // namespace clearhouse::model
