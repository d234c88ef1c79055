// model::AdjustmentTotals: every CAS amount lands in exactly one bucket, and the patient's share
// is split by the one CARC classification (model::patient_share_kind) the statements use too.
#include "engine/model/adjustment_totals.hpp"

#include <gtest/gtest.h>

namespace clearhouse::model {
namespace {

Adjustment cas(std::string_view group, std::string_view carc, std::int64_t cents) {
  Adjustment a;
  a.group = adjustment_group_from_code(group);
  a.group_code = Code(group);
  a.reason = Code(carc);
  a.amount = Money::from_cents(cents);
  return a;
}

TEST(AdjustmentTotals, EveryPatientCarcOfAKindLandsInItsBucket) {
  AdjustmentTotals t;
  for (const auto& a : {cas("PR", "1", 100), cas("PR", "66", 200), cas("PR", "247", 400), cas("PR", "2", 1000),
                        cas("PR", "248", 2000), cas("PR", "3", 10000), cas("PR", "241", 20000), cas("PR", "45", 7),
                        cas("CO", "45", 50000), cas("OA", "23", 3), cas("PI", "104", 5), cas("CR", "1", 9)})
    t.add(a);
  EXPECT_EQ(t.deductible.cents(), 700);     // 1, 66 (blood), 247 (institutional setting)
  EXPECT_EQ(t.coinsurance.cents(), 3000);   // 2, 248
  EXPECT_EQ(t.copay.cents(), 30000);        // 3, 241 (low-income subsidy)
  EXPECT_EQ(t.other_patient.cents(), 7);
  EXPECT_EQ(t.contractual.cents(), 50000);
  EXPECT_EQ(t.other.cents(), 3);
  EXPECT_EQ(t.payer_initiated.cents(), 5);
  EXPECT_EQ(t.unclassified.cents(), 9);     // CR is a group of 4010, whatever its CARC
  EXPECT_EQ(t.patient_responsibility().cents(), 33707);
  EXPECT_EQ(t.total().cents(), 33707 + 50000 + 3 + 5 + 9);
}

TEST(PatientShareKind, OneClassificationOfTheCarcs) {
  EXPECT_EQ(patient_share_kind("1"), PatientShareKind::deductible);
  EXPECT_EQ(patient_share_kind("66"), PatientShareKind::deductible);
  EXPECT_EQ(patient_share_kind("247"), PatientShareKind::deductible);
  EXPECT_EQ(patient_share_kind("2"), PatientShareKind::coinsurance);
  EXPECT_EQ(patient_share_kind("248"), PatientShareKind::coinsurance);
  EXPECT_EQ(patient_share_kind("3"), PatientShareKind::copay);
  EXPECT_EQ(patient_share_kind("241"), PatientShareKind::copay);
  EXPECT_EQ(patient_share_kind("45"), PatientShareKind::other);
  EXPECT_EQ(patient_share_kind("10"), PatientShareKind::other);
  EXPECT_EQ(patient_share_kind(""), PatientShareKind::other);
}

}  // namespace
}  // namespace clearhouse::model
