// The 999 and TA1 writers: segment by segment for a rejected and an accepted set, IK3 loop ids
// cut to four characters, IK404 left out when empty, counts in AK9 and SE01, control numbers
// from AckControlNumbers, and a TA1 interchange; each output validates against the 999 spec
// and reads back through the 999/TA1 reader.
#include <gtest/gtest.h>

#include "generators/x12_999/implementation_ack_writer.hpp"
#include "generators/x12_999/interchange_ack_writer.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "parsers/x12_999/ack_reader.hpp"
#include "tests/support/spec_paths.hpp"

namespace clearhouse::x12 {
namespace {

model::AckParties parties() {
  model::AckParties p;
  p.sender_id = "PAYER01";
  p.receiver_id = "CLEARHOUSE";
  p.group_sender = "PAYER01";
  p.group_receiver = "CLEARHOUSE";
  return p;
}

AckWriteOptions options() {
  AckWriteOptions o;
  o.line_break = "";
  o.date8 = "20240602";
  o.time4 = "0800";
  return o;
}

model::FunctionalGroupAck group() {
  model::FunctionalGroupAck g;
  g.functional_id = "HC";
  g.control_number = "17";
  g.version = "005010X222A1";
  model::TransactionSetAck accepted;
  accepted.type = "837";
  accepted.control_number = "0001";
  accepted.implementation = "005010X222A1";
  model::TransactionSetAck rejected = accepted;
  rejected.control_number = "0002";
  rejected.code = 'R';
  rejected.syntax_errors = {"I5"};
  model::SegmentNote note;
  note.segment_id = "NM1";
  note.position = 9;
  note.loop_id = "2010AA";
  note.code = "8";
  note.claim_id = "";
  note.elements.push_back({7, 0, 0, "1039", "5", ""});
  rejected.segments.push_back(note);
  g.sets = {accepted, rejected};
  g.code = 'P';
  g.included = 2;
  g.received = 2;
  g.accepted = 1;
  return g;
}

spec::ValidationReport validate(const std::string& text) {
  MemorySource source(text);
  return spec::validate_x12(source, *testing::spec_catalog());
}

TEST(AckWriters, Writes999SegmentBySegment) {
  std::optional<WriteError> error;
  const std::string text = write_999(parties(), {group()}, {5, 6, 7}, options(), &error);
  EXPECT_FALSE(error.has_value());
  const std::string body =
      "ST*999*0007*005010X231A1~AK1*HC*17*005010X222A1~AK2*837*0001*005010X222A1~IK5*A~"
      "AK2*837*0002*005010X222A1~IK3*NM1*9*2010*8~IK4*7*1039*5~IK5*R*I5~AK9*P*2*2*1~SE*10*0007~";
  EXPECT_NE(text.find(body), std::string::npos) << text;
  EXPECT_EQ(text.rfind("ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CLEARHOUSE     *240602*0800*^*00501*000000005*0*P*:~", 0), 0u) << text;
  EXPECT_NE(text.find("GS*FA*PAYER01*CLEARHOUSE*20240602*0800*6*X*005010X231A1~"), std::string::npos);
  EXPECT_NE(text.find("GE*1*6~IEA*1*000000005~"), std::string::npos);
  const auto report = validate(text);
  EXPECT_TRUE(report.fully_accepted()) << (report.findings.empty() ? "" : report.findings[0].message);
}

TEST(AckWriters, LoopIdsAreCutToFourCharacters) {
  EXPECT_EQ(ik3_loop_id("2010AA"), "2010");
  EXPECT_EQ(ik3_loop_id("2300"), "2300");
  EXPECT_EQ(ik3_loop_id(""), "");
}

TEST(AckWriters, WritesTa1AndItReadsBack) {
  model::InterchangeAck ack{"000000101", "240601", "1200", 'R', "021"};
  const std::string text = write_ta1(parties(), ack, {9, 1, 1}, options());
  EXPECT_NE(text.find("TA1*000000101*240601*1200*R*021~IEA*0*000000009~"), std::string::npos) << text;
  Diagnostics diagnostics;
  MemorySource source(text);
  const auto file = x12_999::read_acknowledgments(source, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(file.interchanges.size(), 1u);
  ASSERT_EQ(file.interchanges[0].interchange_acks.size(), 1u);
  EXPECT_EQ(file.interchanges[0].interchange_acks[0].note_code, "021");
  EXPECT_EQ(validate(text).interchanges.size(), 1u);
}

TEST(AckWriters, WrittenGroupReadsBackAsWritten) {
  const std::string text = write_999(parties(), {group()}, {5, 6, 7}, options());
  Diagnostics diagnostics;
  MemorySource source(text);
  const auto file = x12_999::read_acknowledgments(source, diagnostics);
  ASSERT_EQ(file.interchanges.size(), 1u);
  ASSERT_EQ(file.interchanges[0].group_acks.size(), 1u);
  const auto& g = file.interchanges[0].group_acks[0];
  EXPECT_EQ(g.code, 'P');
  ASSERT_EQ(g.sets.size(), 2u);
  EXPECT_EQ(g.sets[1].segments[0].loop_id, "2010");
  EXPECT_EQ(g.sets[1].segments[0].elements[0].data_element, "1039");
}

}  // namespace
}  // namespace clearhouse::x12
