// The 837P reader: what the writer wrote reads back into equal claims; corpus 837Ps read
// without crashing.
#include "parsers/x12_837p/claim_837p_reader.hpp"

#include <gtest/gtest.h>

#include "generators/x12_837p/claim_837p_writer.hpp"
#include "parsers/encounter/encounter_reader.hpp"
#include "tests/support/edit_helpers.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::x12_837p {
namespace {

std::vector<model::Claim> read_all(std::string_view text, x12::Diagnostics& d) {
  x12::MemorySource source(text);
  x12::SegmentReader segments(source, d);
  x12::EnvelopeReader envelopes(segments, d);
  Claim837pReader reader(envelopes, d);
  std::vector<model::Claim> out;
  model::Claim c;
  while (reader.next(c)) out.push_back(c);
  return out;
}

TEST(Claim837pReaderTest, SampleEncountersRoundTripClaimByClaim) {
  const auto path = testing::source_dir() / "samples" / "encounters.jsonl";
  std::string error;
  auto encounters = encounter::EncounterReader::open(path.string(), error);
  ASSERT_TRUE(encounters) << error;
  edits::ClaimEditor editor(testing::test_context());
  std::vector<model::Claim> claims;
  while (encounters->next()) {
    ASSERT_TRUE(encounters->problems().empty());
    auto e = encounters->encounter();
    submit::resolve_parties(e, submit::SubmitOptions{});
    e.claim.receiver = {"ONE CLEARINGHOUSE", "CLEARINGHOUSE1"};  // one interchange for all payers
    auto out = editor.edit(std::move(e));
    ASSERT_FALSE(out.rejected()) << out.rejections[0].field << " " << out.rejections[0].code;
    for (auto& c : out.claims) claims.push_back(std::move(c));
  }
  ASSERT_GE(claims.size(), 8u);

  x12::X12Writer w(model::Delimiters{}, "");
  Claim837pWriter writer(w);
  x12::InterchangeEnvelope isa;
  isa.sender_id = claims[0].submitter.id;
  isa.receiver_id = claims[0].receiver.id;
  isa.date = "240630";
  isa.time = "1200";
  isa.control_number = "1";
  writer.open_interchange(isa, {"HC", isa.sender_id, isa.receiver_id, "20240630", "1200", "1", std::string(kImplementation)});
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (i % 5 == 0) {  // several transaction sets
      if (writer.transaction_open()) writer.close_transaction();
      writer.open_transaction({transaction_control_number(i / 5 + 1), "R", model::Date{2024, 6, 30}, "1200"},
                              claims[i].submitter, claims[i].receiver);
    }
    writer.write_claim(claims[i]);
  }
  writer.close_interchange();
  ASSERT_FALSE(w.error().has_value());

  x12::Diagnostics d;
  const auto back = read_all(w.view(), d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(back.size(), claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    EXPECT_EQ(back[i].claim_id, claims[i].claim_id);
    ASSERT_EQ(back[i].lines.size(), claims[i].lines.size());
    for (std::size_t k = 0; k < claims[i].lines.size(); ++k) EXPECT_EQ(back[i].lines[k], claims[i].lines[k]) << claims[i].claim_id << " line " << k + 1;
    EXPECT_EQ(back[i].billing_provider, claims[i].billing_provider) << claims[i].claim_id;
    EXPECT_EQ(back[i].subscriber, claims[i].subscriber) << claims[i].claim_id;
    EXPECT_EQ(back[i].patient, claims[i].patient) << claims[i].claim_id;
    EXPECT_EQ(back[i], claims[i]) << claims[i].claim_id;
  }
}

TEST(Claim837pReaderTest, EveryCorpus837pReadsWithoutCrashing) {
  CLEARHOUSE_REQUIRE_CORPUS();
  std::size_t files = 0, claims = 0;
  for (const auto& path : testing::corpus_files()) {
    if (path.extension() != ".837") continue;
    ++files;
    const std::string text = testing::read_file(path);
    x12::Diagnostics d(path.string());
    const auto read = read_all(text, d);
    claims += read.size();
    for (const auto& c : read) EXPECT_FALSE(c.claim_id.empty() && c.lines.empty() && c.diagnoses.empty()) << path;
  }
  EXPECT_GT(files, 30u);
  EXPECT_GT(claims, 850u);  // imsweb_x12_many_claims alone has 820
}

TEST(Claim837pReaderTest, ReadsTheGuideExampleWithADependent) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto path = *testing::corpus_dir() / "837p" / "albmarin_X222-commercial-health-insurance.837";
  x12::Diagnostics d;
  const auto claims = read_all(testing::read_file(path), d);
  ASSERT_EQ(claims.size(), 1u);
  const auto& c = claims[0];
  EXPECT_FALSE(c.patient.is_subscriber());
  EXPECT_FALSE(c.patient.name.last.empty());
  EXPECT_FALSE(c.lines.empty());
  model::Money sum;
  for (const auto& l : c.lines) sum += l.charge;
  EXPECT_EQ(sum, c.total_charge);
}

}  // namespace
}  // namespace clearhouse::x12_837p
