#include "parsers/x12_277/claim_status_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/claim_status_files.hpp"

namespace clearhouse::testing {
namespace {

using model::ClaimStatusGuide;
using model::Date;
using model::Money;

std::filesystem::path corpus_file(const std::string& name) { return *corpus_dir() / "other" / name; }

Money cents(std::int64_t c) { return Money::from_cents(c); }

std::string findings_text(const std::vector<model::Finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.rule + " " + f.location.to_string() + ": " + f.message + "\n";
  return out;
}

// NYSDOH's acceptance: every level read, the claim accepted (A2) with its payer claim number.
TEST(ClaimStatusReader, ReadsTheNysdohAcceptance) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_claim_statuses(corpus_file("imsweb_x12_277CA_accepted.x12"));
  ASSERT_EQ(read.reports.size(), 1u);
  EXPECT_TRUE(read.file_findings.empty()) << findings_text(read.file_findings);
  const auto& r = read.reports[0];
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.guide, ClaimStatusGuide::acknowledgment);
  EXPECT_EQ(r.control_number, "000014420");
  EXPECT_EQ(r.implementation, "005010X214");
  EXPECT_EQ(r.reference, "000000674");
  EXPECT_EQ(r.created, (Date{2011, 3, 11}));
  EXPECT_EQ(r.segment_count, 23u);

  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].party.entity, "PR");
  EXPECT_EQ(r.sources[0].party.last_or_organization, "NYSDOH");
  EXPECT_EQ(r.sources[0].party.id_qualifier, "FI");
  EXPECT_EQ(r.sources[0].payer_id(), "141797357");
  EXPECT_EQ(r.sources[0].trace, "000014420");
  EXPECT_EQ(r.sources[0].received, (Date{2011, 3, 11}));
  EXPECT_EQ(r.sources[0].processed, (Date{2011, 3, 11}));

  // 2200B: the batch, accepted.
  ASSERT_EQ(r.receivers.size(), 1u);
  const auto& batch = r.receivers[0];
  EXPECT_EQ(batch.party.id, "ETIN");
  EXPECT_EQ(batch.trace, "000000674");
  ASSERT_EQ(batch.statuses.size(), 1u);
  EXPECT_EQ(batch.statuses[0].first().category, "A1");
  EXPECT_EQ(batch.statuses[0].first().status, "20");
  EXPECT_EQ(batch.statuses[0].action, "WQ");
  EXPECT_EQ(batch.statuses[0].charge, cents(12500));
  EXPECT_EQ(batch.statuses[0].effective, (Date{2011, 3, 11}));
  ASSERT_EQ(batch.quantities.size(), 1u);
  EXPECT_EQ(batch.quantities[0].qualifier, "90");
  EXPECT_EQ(batch.quantities[0].quantity, model::Decimal::from_integer(1));
  ASSERT_EQ(batch.amounts.size(), 1u);
  EXPECT_EQ(batch.amounts[0].qualifier, "YU");
  EXPECT_EQ(batch.amounts[0].amount, cents(12500));

  ASSERT_EQ(r.providers.size(), 1u);
  EXPECT_EQ(r.providers[0].npi(), "1234567890");
  EXPECT_EQ(r.providers[0].trace, "1107000000000135FF");
  EXPECT_TRUE(r.providers[0].statuses.empty());  // 2200C without STC: situational

  ASSERT_EQ(r.claims.size(), 1u);
  const auto& c = r.claims[0];
  EXPECT_EQ(c.trace, "5781");
  EXPECT_EQ(c.patient_control_number, "5781");  // TRN02 is our CLM01
  EXPECT_EQ(c.payer_claim_control_number, "1107000000014420");
  EXPECT_EQ(c.category(), "A2");
  ASSERT_EQ(c.statuses.size(), 1u);
  EXPECT_EQ(c.statuses[0].code_count, 1u);
  EXPECT_EQ(c.statuses[0].first().status, "20");
  EXPECT_EQ(c.statuses[0].charge, cents(12500));
  EXPECT_FALSE(c.statuses[0].payment.has_value());
  EXPECT_EQ(c.patient.entity, "QC");
  EXPECT_EQ(c.patient.id_qualifier, "MI");
  EXPECT_TRUE(c.subscriber.entity.empty());
  EXPECT_FALSE(c.dependent);
  EXPECT_EQ(&r.provider_of(c), &r.providers[0]);
  EXPECT_EQ(r.payer_of(c).payer_id(), "141797357");
  EXPECT_EQ(c.segment, 21u);

  // DTP*472*D8*10010101: year 1001 is not a date clearhouse reads (1800-2999). The status still
  // stands, so it is a warning with its position, not an error.
  EXPECT_EQ(error_count(r.findings), 0u) << findings_text(r.findings);
  ASSERT_EQ(r.findings.size(), 1u) << findings_text(r.findings);
  const auto& f = r.findings[0];
  EXPECT_EQ(f.rule, "read.invalid_value");
  EXPECT_EQ(f.severity, model::FindingSeverity::warning);
  EXPECT_EQ(f.location.to_string(), "ST 000014420 / segment 24 / 2200D DTP03");
  EXPECT_EQ(f.claim_id, "5781");
  EXPECT_EQ(f.payer_id, "141797357");
  EXPECT_TRUE(c.service_from.empty());
}

// NYSDOH's rejection, with '|' as component separator: A7:562:85 (billing provider NPI).
TEST(ClaimStatusReader, ReadsTheNysdohRejection) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_claim_statuses(corpus_file("imsweb_x12_277CA_rejected.x12"));
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.findings.empty()) << findings_text(r.findings);
  ASSERT_EQ(r.claims.size(), 1u);
  const auto& c = r.claims[0];
  EXPECT_EQ(c.patient_control_number, "3920394930203");
  ASSERT_EQ(c.statuses.size(), 1u);
  const auto& stc = c.statuses[0].first();
  EXPECT_EQ(stc.category, "A7");
  EXPECT_EQ(stc.status, "562");
  EXPECT_EQ(stc.entity, "85");
  EXPECT_EQ(c.statuses[0].charge, cents(19914));
  EXPECT_EQ(c.statuses[0].action, "WQ");
  EXPECT_EQ(c.payer_claim_control_number, "1107000000001120");
  EXPECT_EQ(c.bill_type, "731");
  EXPECT_EQ(c.service_from, (Date{2009, 3, 11}));
  EXPECT_EQ(c.service_to, (Date{2009, 3, 11}));
  EXPECT_EQ(r.provider_of(c).npi(), "123456789");
  EXPECT_EQ(r.receivers[0].statuses[0].charge, cents(19914));
}

// The de-identified payer file: two providers, three patients, three STC each (masked codes).
TEST(ClaimStatusReader, ReadsEveryStatusOfTheDeidentifiedFile) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_claim_statuses(corpus_file("KeyMarkInc_277CA-Deidentified_from_nth.x12"));
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.findings.empty()) << findings_text(r.findings);
  EXPECT_TRUE(read.file_findings.empty()) << findings_text(read.file_findings);
  ASSERT_EQ(r.providers.size(), 2u);
  ASSERT_EQ(r.claims.size(), 3u);
  EXPECT_EQ(r.claims[0].provider, 0u);
  EXPECT_EQ(r.claims[1].provider, 1u);
  EXPECT_EQ(r.claims[2].provider, 1u);
  for (const auto& c : r.claims) {
    EXPECT_EQ(c.trace, "99999999-99999");
    EXPECT_EQ(c.statuses.size(), 3u);
    EXPECT_EQ(c.statuses[1].first().entity, "XX");
    EXPECT_EQ(c.statuses[1].action, "U");
  }
  EXPECT_EQ(r.claims[0].statuses[0].charge, cents(22000));
  EXPECT_EQ(r.claims[1].statuses[0].charge, cents(34000));
  EXPECT_EQ(r.claims[2].service_from, (Date{2011, 10, 10}));
  ASSERT_EQ(r.providers[1].statuses.size(), 1u);
  EXPECT_TRUE(r.providers[1].statuses[0].effective.empty());  // 2200C STC02 not used
  EXPECT_EQ(r.providers[1].amounts[0].amount, cents(68000));
  EXPECT_EQ(r.receivers[0].quantities[0].qualifier, "AA");
}

// The 005010X212 example: claim statuses under subscribers and a dependent, with a line.
TEST(ClaimStatusReader, ReadsTheClaimStatusResponse) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_claim_statuses(corpus_file("LinuxForHealth_277-X212-claim-level-status.x12"));
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.findings.empty()) << findings_text(r.findings);
  EXPECT_EQ(r.guide, ClaimStatusGuide::response);
  ASSERT_EQ(r.sources.size(), 1u);
  EXPECT_EQ(r.sources[0].payer_id(), "12345");
  EXPECT_EQ(r.sources[0].party.id_qualifier, "PI");
  ASSERT_EQ(r.providers.size(), 2u);
  EXPECT_EQ(r.providers[0].npi(), "1666666661");
  ASSERT_EQ(r.claims.size(), 3u);

  const auto& first = r.claims[0];
  EXPECT_EQ(first.trace, "ABCXYZ1");                  // our 276 trace
  EXPECT_EQ(first.patient_control_number, "SM123456");  // REF*EJ
  EXPECT_EQ(first.payer_claim_control_number, "05347006051");
  EXPECT_EQ(first.bill_type, "111");
  EXPECT_EQ(first.category(), "P3");
  EXPECT_EQ(first.statuses[0].first().status, "317");
  EXPECT_EQ(first.statuses[0].charge, cents(851388));
  EXPECT_FALSE(first.statuses[0].payment.has_value());
  EXPECT_EQ(first.service_from, (Date{2005, 8, 31}));
  EXPECT_EQ(first.service_to, (Date{2005, 9, 6}));
  EXPECT_EQ(first.subscriber.entity, "IL");
  EXPECT_EQ(first.patient.entity, "IL");  // the subscriber is the patient
  EXPECT_FALSE(first.dependent);

  const auto& paid = r.claims[1];
  EXPECT_EQ(paid.category(), "F0");
  EXPECT_EQ(paid.statuses[0].charge, cents(759900));
  EXPECT_EQ(paid.statuses[0].payment, cents(759900));

  const auto& dependent = r.claims[2];
  EXPECT_TRUE(dependent.dependent);
  EXPECT_EQ(dependent.patient.entity, "QC");
  EXPECT_EQ(dependent.subscriber.entity, "IL");
  EXPECT_EQ(dependent.patient_control_number, "MA345678");
  EXPECT_EQ(dependent.statuses[0].first().entity, "QC");
  EXPECT_EQ(dependent.statuses[0].payment, cents(0));
  EXPECT_EQ(r.provider_of(dependent).npi(), "166666666");
  ASSERT_EQ(dependent.lines.size(), 1u);
  const auto& line = dependent.lines[0];
  EXPECT_EQ(line.procedure.qualifier, "HC");
  EXPECT_EQ(line.procedure.code, "99203");
  EXPECT_EQ(line.charge, cents(15000));
  EXPECT_EQ(line.payment, cents(0));
  EXPECT_EQ(line.units, model::Decimal::from_integer(1));
  ASSERT_EQ(line.statuses.size(), 1u);
  EXPECT_EQ(line.statuses[0].first().category, "F2");
  EXPECT_EQ(line.statuses[0].effective, (Date{2005, 6, 12}));
  EXPECT_EQ(line.service_from, (Date{2005, 5, 1}));
  EXPECT_TRUE(dependent.service_from.empty());  // the DTP belongs to the line
}

// The MANIFEST's broken files get their precise findings; nothing else is an error.
TEST(ClaimStatusReader, BrokenCorpusFilesGetThePreciseFinding) {
  CLEARHOUSE_REQUIRE_CORPUS();
  {
    // Truncated after the 2000B loop: the set is delivered incomplete, never posted.
    const auto read = read_claim_statuses(corpus_file("KeyMarkInc_277CA-FromBogeyone.x12"));
    ASSERT_EQ(read.reports.size(), 1u);
    const auto& r = read.reports[0];
    EXPECT_FALSE(r.complete);
    EXPECT_TRUE(r.claims.empty());
    bool incomplete = false, missing_se = false;
    for (const auto& f : r.findings) {
      incomplete = incomplete || (f.rule == "read.incomplete_transaction" && f.location.segment_id == "ST");
      missing_se = missing_se || f.rule == "read.missing_trailer";
    }
    EXPECT_TRUE(incomplete) << findings_text(r.findings);
    EXPECT_TRUE(missing_se) << findings_text(r.findings);
    EXPECT_EQ(read.file_findings.size(), 2u) << findings_text(read.file_findings);  // no GE, no IEA
  }
  {
    // Junk values: ISA13 != IEA02 is the file's error; the junk dates are warnings.
    const auto read = read_claim_statuses(corpus_file("KeyMarkInc_277CA-FromLatitude81uk.x12"));
    ASSERT_EQ(read.reports.size(), 1u);
    const auto& r = read.reports[0];
    EXPECT_TRUE(r.complete);
    EXPECT_EQ(error_count(r.findings), 0u) << findings_text(r.findings);
    ASSERT_EQ(r.claims.size(), 1u);
    EXPECT_EQ(r.claims[0].patient_control_number, "MVC132-0145454");
    EXPECT_EQ(r.claims[0].payer_claim_control_number, "545454");
    EXPECT_EQ(r.claims[0].category(), "A2");
    bool mismatch = false;
    for (const auto& f : read.file_findings)
      mismatch = mismatch || (f.rule == "read.control_number_mismatch" && f.location.segment_id == "IEA");
    EXPECT_TRUE(mismatch) << findings_text(read.file_findings);
  }
}

// One report value reused for every set: nothing of the previous set is left in it.
TEST(ClaimStatusReader, AReusedReportHoldsOnlyTheCurrentSet) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const std::string big = read_file(corpus_file("KeyMarkInc_277CA-Deidentified_from_nth.x12"));
  const std::string small = read_file(corpus_file("imsweb_x12_277CA_rejected.x12"));
  x12::MemorySource first(big), second(small);
  model::ClaimStatusReport report;
  for (auto* source : {&first, &second}) {
    x12::Diagnostics diagnostics("<memory>");
    x12::SegmentReader segments(*source, diagnostics);
    x12::EnvelopeReader envelope(segments, diagnostics);
    x12_277::ClaimStatusReader reader(envelope, diagnostics, *spec_catalog());
    ASSERT_TRUE(reader.next(report));
    EXPECT_FALSE(reader.next(report));
  }
  const auto fresh = read_claim_statuses_text(small);
  ASSERT_EQ(fresh.reports.size(), 1u);
  EXPECT_EQ(report.claims, fresh.reports[0].claims);
  EXPECT_EQ(report.providers, fresh.reports[0].providers);
  EXPECT_EQ(report.receivers, fresh.reports[0].receivers);
  EXPECT_EQ(report.sources, fresh.reports[0].sources);
  EXPECT_EQ(report.claims.size(), 1u);
  EXPECT_EQ(report.claims[0].statuses.size(), 1u);
}

}  // namespace
}  // namespace clearhouse::testing
