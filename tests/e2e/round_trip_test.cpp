// Round trip over the corpus: parse, write every segment again through the X12 writer with the
// same delimiters (element by element, trailing empty elements kept), and get the file back
// byte for byte (ignoring line breaks and indentation after terminators and a BOM). And at the
// claim level: every corpus 837P claim read, written by the 837P writer and read again keeps its
// other payers (2320/2330A-G) and earlier payers' line adjudications (2430) field by field.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "generators/x12/x12_writer.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;

struct Parsed {
  std::vector<std::vector<std::string>> segments;  // [0] = id
  std::vector<model::Delimiters> delimiters;       // per segment
  x12::Diagnostics diagnostics;
};

Parsed parse(const std::string& text) {
  Parsed p;
  x12::MemorySource source(text);
  x12::SegmentReader reader(source, p.diagnostics);
  while (reader.next()) {
    std::vector<std::string> seg;
    for (auto e : reader.segment().elements()) seg.emplace_back(e);
    p.segments.push_back(std::move(seg));
    p.delimiters.push_back(reader.delimiters());
  }
  return p;
}

bool has_warning(const x12::Diagnostics& d, x12::X12Errc code) {
  for (const auto& w : d.warnings())
    if (w.code == code) return true;
  return false;
}

// The file as X12 sees it: no BOM, and none of the blanks or line breaks that may follow a
// terminator (a line-break terminator itself is kept).
std::string normalized(const std::string& raw, char terminator) {
  std::string text = raw.rfind("\xEF\xBB\xBF", 0) == 0 ? raw.substr(3) : raw;
  std::string out;
  bool after_terminator = true;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (after_terminator && blank && c != terminator) continue;
    out.push_back(c);
    after_terminator = c == terminator || (after_terminator && blank);
  }
  return out;
}

// Files the round trip does not apply to: decoded from UTF-16, or read by the "\n~" policy.
bool readable_as_is(const Parsed& p) {
  return !p.diagnostics.has_fatal() && !has_warning(p.diagnostics, x12::X12Errc::bad_encoding) &&
         !has_warning(p.diagnostics, x12::X12Errc::terminator_convention) && !p.segments.empty();
}

TEST(RoundTrip, SameDelimitersReproduceEveryFileByteForByte) {
  CLEARHOUSE_REQUIRE_CORPUS();
  int files = 0;
  for (const auto& path : testing::corpus_files()) {
    SCOPED_TRACE(path.filename().string());
    const std::string raw = testing::read_file(path);
    Parsed p = parse(raw);
    if (!readable_as_is(p)) continue;
    std::string written;
    for (std::size_t i = 0; i < p.segments.size(); ++i) {
      x12::X12Writer w(p.delimiters[i]);
      w.begin(p.segments[i][0]);
      for (std::size_t k = 1; k < p.segments[i].size(); ++k) w.raw_element(p.segments[i][k]);
      w.end(/*keep_trailing_empty=*/true);
      ASSERT_FALSE(w.error()) << w.error()->message;
      written += w.take();
    }
    std::string expected = normalized(raw, p.delimiters.back().segment);
    // A file whose last segment has no terminator comes back with one.
    if (has_warning(p.diagnostics, x12::X12Errc::missing_terminator)) expected.push_back(p.delimiters.back().segment);
    // Trailing blanks after the last terminator are not part of the X12.
    while (!expected.empty() && written.size() < expected.size() &&
           (expected.back() == '\n' || expected.back() == '\r' || expected.back() == ' '))
      expected.pop_back();
    EXPECT_EQ(written, expected);
    ++files;
  }
  EXPECT_GE(files, 68);
}

std::vector<model::Claim> read_claims(const std::string& text, x12::Diagnostics& d) {
  x12::MemorySource source(text);
  x12::SegmentReader segments(source, d);
  x12::EnvelopeReader envelopes(segments, d);
  x12_837p::Claim837pReader reader(envelopes, d);
  std::vector<model::Claim> out;
  model::Claim c;
  while (reader.next(c)) out.push_back(c);
  return out;
}

std::string write_claim(const model::Claim& c) {
  x12::X12Writer w(model::Delimiters{});
  x12_837p::Claim837pWriter writer(w);
  x12::InterchangeEnvelope isa;
  isa.sender_id = "SENDER";
  isa.receiver_id = "RECEIVER";
  isa.date = "240630";
  isa.time = "1200";
  isa.control_number = "1";
  writer.open_interchange(isa, {"HC", "SENDER", "RECEIVER", "20240630", "1200", "1", std::string(x12_837p::kImplementation)});
  writer.open_transaction({"0001", "R", model::Date{2024, 6, 30}, "1200"}, c.submitter, c.receiver);
  writer.write_claim(c);
  writer.close_interchange();
  return std::string(w.view());
}

TEST(RoundTrip, Corpus837pClaimsKeepTheirOtherPayersThroughTheWriter) {
  CLEARHOUSE_REQUIRE_CORPUS();
  int with_other_payers = 0, line_adjudications = 0;
  for (const auto& path : testing::corpus_files()) {
    if (path.extension() != ".837") continue;
    SCOPED_TRACE(path.filename().string());
    x12::Diagnostics d;
    const auto claims = read_claims(testing::read_file(path), d);
    if (d.has_fatal()) continue;
    for (const auto& c : claims) {
      if (c.other_coverage.empty()) continue;
      ++with_other_payers;
      x12::Diagnostics again;
      const auto back = read_claims(write_claim(c), again);
      ASSERT_EQ(back.size(), 1u) << c.claim_id;
      EXPECT_EQ(back[0].other_coverage, c.other_coverage) << c.claim_id;
      ASSERT_EQ(back[0].lines.size(), c.lines.size()) << c.claim_id;
      for (std::size_t i = 0; i < c.lines.size(); ++i) {
        const auto& want = c.lines[i].supplements;
        const auto& got = back[0].lines[i].supplements;
        if (!want || want->prior_adjudications.empty()) continue;
        line_adjudications += static_cast<int>(want->prior_adjudications.size());
        ASSERT_TRUE(got) << c.claim_id << " line " << i + 1;
        EXPECT_EQ(got->prior_adjudications, want->prior_adjudications) << c.claim_id << " line " << i + 1;
      }
    }
  }
  EXPECT_GE(with_other_payers, 3);  // the TR3's coordination-of-benefits examples at least
  EXPECT_GE(line_adjudications, 7);
}

}  // namespace
}  // namespace clearhouse
