#pragma once
// A patient statement: what one account is sent (on paper, as a page, as JSON), as plain values
// the statement renderers (generators/statements/) lay out and nothing more. Every amount and
// every word is decided before (engine/patient/statement_builder.hpp): a renderer adds no
// arithmetic. A statement carries PHI by nature: it goes only to its output, never to a log.

#include <string>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/model/party.hpp"
#include "engine/model/patient_account.hpp"

namespace clearhouse::model {

// One reason the patient owes part of a visit, in words the patient understands
// ("your deductible", "your coinsurance (20%)"), with the codes it came from.
struct OwedReason {
  std::string group;   // CAS01, "PR"
  std::string carc;    // CAS02, "1"
  std::string words;
  Money amount;
  friend bool operator==(const OwedReason&, const OwedReason&) = default;
};

// One service of a visit: its procedure code, and in words the description the encounter gave
// with it (SV101-7) when it gave one, else the code alone (no CPT/HCPCS descriptions offline).
struct StatementService {
  std::string code;       // "99213", with modifiers "99213-25"
  std::string words;      // "Office visit, established patient", or "" when none was given
  Date date;
  Money billed;
  friend bool operator==(const StatementService&, const StatementService&) = default;
};

// What one payer did with the visit.
struct PayerResult {
  std::string payer_name;
  int level = 1;          // 1 primary, 2 secondary, 3 tertiary
  Money paid;
  Money adjusted;         // written off under the payer's contract or otherwise not owed (CO, OA, PI)
  friend bool operator==(const PayerResult&, const PayerResult&) = default;
};

struct StatementVisit {
  std::string claim_id;
  Date date;                       // first date of service
  std::string patient_name;        // "JANE DOE": whose visit (a guarantor's dependants differ)
  std::string provider;            // rendering provider, else billing provider, as a name
  std::vector<StatementService> services;
  Money billed;
  std::vector<PayerResult> payers; // in payer order
  Money insurance_adjustments;     // sum of the payers' adjustments the patient does not owe
  Money patient_share;             // what the last payer left to the patient
  Money patient_paid;              // patient payments applied to this visit (positive)
  Money patient_adjustments;       // adjustments by hand (negative lowers the share)
  Money owed;                      // patient_share - patient_paid + patient_adjustments
  std::vector<OwedReason> reasons; // why the patient owes patient_share
  bool pending_insurance = false;  // a payer has yet to decide: not due
  friend bool operator==(const StatementVisit&, const StatementVisit&) = default;
};

// The practice the patient pays and calls: the billing provider (2010AA).
struct PracticeContact {
  std::string name;
  Address address;
  std::string phone;
  friend bool operator==(const PracticeContact&, const PracticeContact&) = default;
};

struct PatientStatement {
  std::string account_number;
  Guarantor guarantor;
  Date statement_date;
  Date due_date;
  int statement_number = 1;        // statements sent for this account, this one included
  std::vector<StatementVisit> visits;       // due visits first-to-last, then pending insurance ones
  Money previous_balance;          // amount due on the last statement (0 on the first)
  Money new_charges;               // patient shares posted since (remittances and reversals)
  Money payments_received;         // patient payments since (positive)
  Money adjustments;               // adjustments by hand since (negative lowers)
  Money amount_due;                // previous_balance + new_charges - payments_received + adjustments
  Money pending_insurance;         // patient shares not yet final (not in amount_due)
  std::string message;             // the dunning message for the balance's age ("" none)
  PracticeContact practice;

  bool in_credit() const { return amount_due.cents() < 0; }
  Money credit() const { return in_credit() ? -amount_due : Money{}; }
  friend bool operator==(const PatientStatement&, const PatientStatement&) = default;
};

}  // namespace clearhouse::model
