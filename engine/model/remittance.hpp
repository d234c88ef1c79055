#pragma once
// One 835 transaction set (ST..SE, 005010X221A1) as typed values: the payment (BPR), its trace
// (TRN), payer and payee, the claims paid with their lines, and provider-level adjustments (PLB).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/claim_payment.hpp"
#include "engine/model/date.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/party.hpp"
#include "engine/model/provider_adjustment.hpp"
#include "engine/model/qualified_value.hpp"
#include "engine/model/unread_amounts.hpp"

namespace clearhouse::model {

// BPR: the money movement itself.
struct PaymentInfo {
  Code handling_code;              // BPR01: C payment + remittance, H notification only, I information only, ...
  Money total;                     // BPR02: total actual provider payment
  Code credit_debit;               // BPR03: C or D
  Code method;                     // BPR04: ACH, BOP, CHK, FWT, NON
  Code format;                     // BPR05: CCP, CTX
  std::string sender_dfi_qualifier, sender_dfi_id;             // BPR06/07
  std::string sender_account_qualifier, sender_account;        // BPR08/09
  std::string originating_company_id;                          // BPR10
  std::string originating_company_code;                        // BPR11
  std::string receiver_dfi_qualifier, receiver_dfi_id;         // BPR12/13
  std::string receiver_account_qualifier, receiver_account;    // BPR14/15
  Date payment_date;               // BPR16: check issue or EFT effective date
  std::uint64_t segment = 0;       // ordinal of the BPR segment in the input
};

// TRN: reassociation trace, which ties the remittance to the money (check or EFT number).
struct TraceNumber {
  Code type;                       // TRN01 (1 = current transaction trace numbers)
  std::string reference;           // TRN02: check or EFT trace number
  std::string originator;          // TRN03: payer identifier ("1" + EIN)
  std::string originator_reference;  // TRN04
};

// Loop 1000A / 1000B: the payer or the payee with everything sent about it.
struct RemittanceParty {
  Party party;                     // N1
  Address address;                 // N3/N4
  std::vector<QualifiedText> references;  // REF (2U payer id, TJ tax id, PQ, ...)
  std::vector<Contact> contacts;   // PER
};

// TS3 / TS2: provider summary information of a header group (kept as sent).
struct ProviderSummary {
  std::string provider_id;         // TS301
  std::string facility_code;       // TS302
  Date fiscal_period_end;          // TS303
  std::optional<Decimal> claim_count;  // TS304
  std::vector<PositionedAmount> amounts;  // TS305 and every other monetary element sent
  std::vector<QualifiedQuantity> quantities;  // counts by element position
};

// LX: the header group the following claims belong to.
struct HeaderGroup {
  std::string number;              // LX01
  std::optional<ProviderSummary> summary;               // TS3
  std::optional<ProviderSummary> supplemental_summary;  // TS2 (amounts only)
};

// The date a remittance counts from: its payment date (BPR16, as the ledger keeps it, ISO or a
// timestamp), else the day it was posted.
inline Date remittance_date(std::string_view payment_date, std::string_view posted_at) {
  if (auto d = Date::parse_timestamp_day(payment_date)) return *d;
  return Date::parse_timestamp_day(posted_at).value_or(Date{});
}

struct Remittance {
  // Envelope
  std::string interchange_sender, interchange_receiver, interchange_control_number;  // ISA06/08/13
  std::string group_sender, group_receiver, group_control_number, version;           // GS02/03/06/08
  std::string control_number;        // ST02
  std::string implementation;        // ST03

  PaymentInfo payment;               // BPR
  TraceNumber trace;                 // TRN
  std::string currency;              // CUR02, when sent
  std::string receiver_id;           // REF*EV
  std::vector<QualifiedText> references;  // header REF (EV, F2)
  Date production_date;              // DTM*405
  std::vector<QualifiedDate> dates;  // header DTM
  RemittanceParty payer;             // 1000A
  RemittanceParty payee;             // 1000B
  std::vector<HeaderGroup> header_groups;  // LX loops
  std::vector<ClaimPayment> claims;  // loop 2100 in file order
  std::vector<ProviderAdjustment> provider_adjustments;  // PLB pairs in file order

  // Reading
  std::vector<Finding> findings;     // malformed values, missing elements, envelope errors
  bool complete = false;             // ended with its SE (a transaction cut short is never posted)
  std::uint64_t segment = 0;         // ordinal of the ST
  std::uint64_t offset = 0;          // byte offset of the ST
  std::uint64_t segment_count = 0;   // ST..SE inclusive, as counted
  std::uint64_t byte_length = 0;     // bytes from the ST to the end of the SE
  std::uint64_t content_hash = 0;    // over the segment values (not the delimiters or line breaks)
  UnreadAmounts unread;               // BPR02 (payment), a PLB amount (adjustment) that were not amounts

  // The payer as claims are matched against it: REF*2U, else the N1*PR id, else TRN03.
  const std::string& payer_id() const {
    if (const auto* r = find_qualified(payer.references, "2U"); r && !r->value.empty()) return r->value;
    if (!payer.party.id.empty()) return payer.party.id;
    return trace.originator;
  }
  Money provider_adjustment_total() const {
    Money sum;
    for (const auto& p : provider_adjustments) sum += p.amount;
    return sum;
  }
  Money claim_paid_total() const {
    Money sum;
    for (const auto& c : claims) sum += c.paid;
    return sum;
  }
};

}  // namespace clearhouse::model
