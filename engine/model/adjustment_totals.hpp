#pragma once
// CAS amounts summed into the buckets a posting records: contractual write-off, the patient's
// share split by CARC (deductible, coinsurance, copay, other: model::patient_share_kind), other
// and payer-initiated adjustments. Every adjustment lands in exactly one bucket, so total()
// equals the CAS sum.

#include "engine/model/adjustment.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

struct AdjustmentTotals {
  Money contractual;       // CO
  Money deductible;        // PR 1, 66, 247
  Money coinsurance;       // PR 2, 248
  Money copay;             // PR 3, 241
  Money other_patient;     // PR, any other reason
  Money other;             // OA
  Money payer_initiated;   // PI
  Money unclassified;      // CR (4010) and unknown group codes

  void add(const Adjustment& a) {
    switch (a.group) {
      case AdjustmentGroup::contractual: contractual += a.amount; return;
      case AdjustmentGroup::patient:
        switch (patient_share_kind(a.reason.view())) {
          case PatientShareKind::deductible: deductible += a.amount; return;
          case PatientShareKind::coinsurance: coinsurance += a.amount; return;
          case PatientShareKind::copay: copay += a.amount; return;
          case PatientShareKind::other: other_patient += a.amount; return;
        }
        return;
      case AdjustmentGroup::other: other += a.amount; return;
      case AdjustmentGroup::payer_initiated: payer_initiated += a.amount; return;
      case AdjustmentGroup::correction:
      case AdjustmentGroup::unknown: unclassified += a.amount; return;
    }
  }
  AdjustmentTotals& operator+=(const AdjustmentTotals& o) {
    contractual += o.contractual;
    deductible += o.deductible;
    coinsurance += o.coinsurance;
    copay += o.copay;
    other_patient += o.other_patient;
    other += o.other;
    payer_initiated += o.payer_initiated;
    unclassified += o.unclassified;
    return *this;
  }
  Money patient_responsibility() const { return deductible + coinsurance + copay + other_patient; }
  // Everything that is neither paid nor owed by the patient.
  Money non_patient() const { return contractual + other + payer_initiated + unclassified; }
  Money total() const { return patient_responsibility() + non_patient(); }

  friend bool operator==(const AdjustmentTotals&, const AdjustmentTotals&) = default;
};

}  // namespace clearhouse::model
