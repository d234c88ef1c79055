// Whose account a claim is on: the subscriber's (the patient's when the patient is the
// subscriber), keyed by the subscriber's name and member id as claim_parties keeps them, with an
// account number free of PHI; and the names of payment methods and entry sources.
#include "engine/model/patient_account.hpp"

#include <gtest/gtest.h>

#include "engine/model/patient_payment.hpp"
#include "engine/model/patient_share_entry.hpp"

namespace clearhouse::model {
namespace {

ClaimPartyNames self(const char* last, const char* first, const char* member, const char* born) {
  ClaimPartyNames p;
  p.subscriber_last = last;
  p.subscriber_first = first;
  p.member_id = member;
  p.subscriber_birth_date = *Date::parse_iso(born);
  p.relationship = "18";
  return p;
}

TEST(Guarantor, AnAdultSelfSubscriberIsTheirOwnGuarantor) {
  const auto c = choose_guarantor(self("Doe", "Jane", "W123", "1980-05-01"), Date{2026, 3, 1});
  EXPECT_TRUE(c.patient_is_guarantor);
  EXPECT_FALSE(c.minor_guarantor);
  EXPECT_EQ(c.guarantor.last, "Doe");
  EXPECT_EQ(c.key, "DOE|JANE|W123");
  EXPECT_EQ(c.account_number.size(), 14u);
  EXPECT_EQ(c.account_number.substr(0, 2), "PA");
  EXPECT_EQ(c.account_number.find("DOE"), std::string::npos);
}

TEST(Guarantor, ADependantsClaimIsOnTheSubscribersAccount) {
  ClaimPartyNames child;
  child.subscriber_last = "DOE";
  child.subscriber_first = "JANE";
  child.member_id = "W123";
  child.relationship = "19";
  child.patient_last = "DOE";
  child.patient_first = "TIM";
  child.patient_birth_date = Date{2015, 1, 1};
  const auto c = choose_guarantor(child, Date{2026, 3, 1});
  EXPECT_FALSE(c.patient_is_guarantor);
  EXPECT_FALSE(c.minor_guarantor);  // the guarantor is the parent
  EXPECT_EQ(c.guarantor.first, "JANE");
  // Same account as the parent's own claims, whatever the spelling's case and blanks.
  EXPECT_EQ(c.account_number, choose_guarantor(self(" doe ", "jane", "w123", "1980-05-01"), {}).account_number);
}

TEST(Guarantor, AMinorSelfSubscriberIsFlagged) {
  const auto c = choose_guarantor(self("ROE", "AMY", "M9", "2010-06-15"), Date{2026, 6, 14});
  EXPECT_TRUE(c.patient_is_guarantor);
  EXPECT_TRUE(c.minor_guarantor);
  EXPECT_FALSE(choose_guarantor(self("ROE", "AMY", "M9", "2008-06-15"), Date{2026, 6, 15}).minor_guarantor);
}

TEST(Guarantor, KeyNormalisesCaseAndBlanksAndKeepsPartsApart) {
  EXPECT_EQ(guarantor_key("  van  der Berg ", "anne marie", "x|1"), "VAN DER BERG|ANNE MARIE|X 1");
  EXPECT_NE(account_number_for_key(guarantor_key("AB", "C", "1")), account_number_for_key(guarantor_key("A", "BC", "1")));
  EXPECT_EQ(account_number_for_key("DOE|JANE|W123"), account_number_for_key("DOE|JANE|W123"));
  EXPECT_NE(account_number_for_key("DOE|JANE|W123"), account_number_for_key("DOE|JANE|W124"));
}

TEST(PaymentMethod, NamesRoundTripAndUnknownIsRefused) {
  for (auto m : {PaymentMethod::cash, PaymentMethod::check, PaymentMethod::card, PaymentMethod::ach,
                 PaymentMethod::money_order})
    EXPECT_EQ(payment_method_from_string(to_string(m)), m);
  EXPECT_EQ(payment_method_from_string("CHECK"), PaymentMethod::check);
  EXPECT_EQ(payment_method_from_string("other"), std::nullopt);
  EXPECT_EQ(payment_method_from_string(""), std::nullopt);
}

TEST(PatientPayment, AReversalNamesThePaymentItTakesBack) {
  PatientPayment p;
  p.amount = Money::from_cents(-2500);
  p.reference = "reverses:CHK1042";
  EXPECT_TRUE(p.is_reversal());
  EXPECT_EQ(p.reversed_reference(), "CHK1042");
  p.reference = "CHK1042";
  EXPECT_EQ(p.reversed_reference(), "");
}

TEST(ShareSource, NamesRoundTrip) {
  for (auto s : {ShareSource::remittance, ShareSource::payment, ShareSource::adjustment, ShareSource::reversal})
    EXPECT_EQ(share_source_from_string(to_string(s)), s);
  EXPECT_EQ(share_source_from_string("gift"), std::nullopt);
}

}  // namespace
}  // namespace clearhouse::model
