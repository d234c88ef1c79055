#include "generators/x12/x12_writer.hpp"

#include <gtest/gtest.h>

#include "generators/x12/envelope_writer.hpp"
#include "parsers/x12/envelope_reader.hpp"

namespace clearhouse::x12 {
namespace {

using model::Money;

TEST(X12Writer, WritesElementsCompositesAndMoney) {
  X12Writer w({'*', ':', '^', '~'});
  w.begin("SV1").composite({"HC", "99213", "25", "", ""}).element(Money::from_cents(12550)).element("UN").element(
      model::Decimal{15, 1});
  w.empty().empty().composite({"1", "2"}).end();
  EXPECT_EQ(w.view(), "SV1*HC:99213:25*125.5*UN*1.5***1:2~");
  EXPECT_FALSE(w.error());
}

TEST(X12Writer, DropsTrailingEmptyElementsAndComponents) {
  X12Writer w({'*', ':', '^', '~'}, "\n");
  w.begin("NM1").element("85").element("2").element("ACME").empty(3).element("").end();
  w.begin("CLM").element("PCN1").composite({"11", "", ""}).empty().end();
  w.begin("HI").composite({"", ""}).end();
  EXPECT_EQ(w.view(), "NM1*85*2*ACME~\nCLM*PCN1*11~\nHI~\n");
}

TEST(X12Writer, RefusesDataContainingADelimiter) {
  for (const char* bad : {"A*B", "A~B", "A:B", "A^B"}) {
    X12Writer w({'*', ':', '^', '~'});
    w.begin("NM1").element("85").element(bad).end();
    ASSERT_TRUE(w.error().has_value()) << bad;
    EXPECT_EQ(w.error()->segment_id, "NM1");
    EXPECT_EQ(w.error()->element, 2);
  }
  X12Writer w({'*', ':', '^', '~'});
  w.begin("SV1").composite({"HC", "99:213"}).end();
  ASSERT_TRUE(w.error().has_value());
  EXPECT_EQ(w.error()->element, 1);
  EXPECT_EQ(w.error()->component, 2);
}

TEST(X12Writer, NoRepetitionSeparatorMeansCaretIsData) {
  X12Writer w({'*', ':', '\0', '~'});
  w.segment("NTE", {"ADD", "A^B"});
  EXPECT_FALSE(w.error());
}

TEST(X12Writer, DecimalsAreWrittenAsDecimalToStringWritesThem) {
  for (std::int64_t c : {0LL, 1LL, -1LL, 5LL, 10LL, 15LL, 100LL, 1005LL, -250LL, 123456789LL, -9223372036854775807LL - 1,
                         9223372036854775807LL}) {
    for (std::int8_t scale = -2; scale <= 21; ++scale) {
      const model::Decimal d{c, scale};
      X12Writer w({'*', ':', '^', '~'});
      w.begin("SV1").element(d).end(true);
      EXPECT_EQ(w.view(), "SV1*" + d.to_string() + "~") << c << " scale " << int{scale};
    }
  }
}

TEST(X12Writer, EveryByteIsRefusedExactlyWhenItIsADelimiter) {
  const model::Delimiters sets[] = {{'*', ':', '^', '~'}, {'|', '\x1f', '\0', '\x1d'}, {'~', '>', '!', '\n'}};
  for (const auto& d : sets) {
    for (int b = 1; b < 256; ++b) {
      const char c = static_cast<char>(b);
      X12Writer w(d);
      w.begin("NTE").element(std::string{'A', c, 'B'}).end();
      const bool delimiter = c == d.element || c == d.component || c == d.segment || (d.has_repetition() && c == d.repetition);
      EXPECT_EQ(w.error().has_value(), delimiter) << b;
      X12Writer v(d);
      v.begin("SV1").composite({"HC", std::string(1, c)}).end();
      EXPECT_EQ(v.error().has_value(), delimiter) << b;
    }
  }
}

TEST(EnvelopeWriter, TrailersCountWhatWasWritten) {
  X12Writer w({'*', ':', '^', '~'}, "\n");
  EnvelopeWriter env(w);
  InterchangeEnvelope isa;
  isa.sender_id = "SUBMITTER01";
  isa.receiver_id = "60054";
  isa.date = "240612";
  isa.time = "0701";
  isa.control_number = "42";
  env.open_interchange(isa);
  for (int g = 0; g < 2; ++g) {
    env.open_group({"HC", "SUBMITTER01", "60054", "20240612", "0701", std::to_string(100 + g), "005010X222A1"});
    for (int t = 0; t < 3; ++t) {
      env.open_transaction("837", "000" + std::to_string(t + 1), "005010X222A1");
      for (int k = 0; k < t; ++k) w.segment("NTE", {"ADD", "X"});
      env.close_transaction();
    }
    env.close_group();
  }
  env.close_interchange();
  ASSERT_FALSE(w.error());
  const std::string text = w.take();
  EXPECT_EQ(text.find('\n'), 106u);  // the ISA is the fixed 106 characters
  EXPECT_NE(text.find("ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*60054          *240612*0701*^*00501*000000042*0*P*:~"), std::string::npos);
  EXPECT_NE(text.find("SE*4*0003~"), std::string::npos);
  EXPECT_NE(text.find("GE*3*100~"), std::string::npos);
  EXPECT_NE(text.find("IEA*2*000000042~"), std::string::npos);

  // What was written reads back with no envelope findings.
  MemorySource source(text);
  Diagnostics d;
  SegmentReader segments(source, d);
  EnvelopeReader reader(segments, d);
  while (reader.next()) {
  }
  EXPECT_EQ(d.error_count(), 0u);
  EXPECT_EQ(d.warning_count(), 0u);
  EXPECT_EQ(reader.counts().transactions, 6u);
}

TEST(EnvelopeWriter, RefusesIsaFieldsThatDoNotFit) {
  X12Writer w({'*', ':', '^', '~'});
  EnvelopeWriter env(w);
  InterchangeEnvelope isa;
  isa.sender_id = "A-SENDER-ID-LONGER-THAN-15";
  env.open_interchange(isa);
  ASSERT_TRUE(w.error().has_value());
  EXPECT_EQ(w.error()->element, 6);
}

}  // namespace
}  // namespace clearhouse::x12
