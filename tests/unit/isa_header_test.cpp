// The interchange header reader's search for the first interchange (find_interchange): what
// counts as an ISA after other text and what does not, and how a chunked reader resumes.
#include "parsers/x12/isa_header.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/x12_samples.hpp"

namespace clearhouse::x12 {
namespace {

using Status = InterchangeSearch::Status;

const std::string kAdd = "$$ADD ID=ACME01 BID='DIV00835'\n";

TEST(FindInterchange, AfterAMainframeHeaderLine) {
  const std::string text = kAdd + testing::small_835();
  const auto s = find_interchange(text, true);
  EXPECT_EQ(s.status, Status::found);
  EXPECT_EQ(s.at, kAdd.size());
  EXPECT_EQ(s.rejected_at, InterchangeSearch::npos);
}

TEST(FindInterchange, WhatPrecedesTheIsaDoesNotMatter) {
  // A header record glued to the ISA, or "ISA" ending a word: the header itself decides.
  for (const std::string prefix : {"HDR0001", "BID='X'", "VISA ", "\x7F" "ELF\x02\x01\x01"}) {
    const std::string text = prefix + testing::small_835();
    const auto s = find_interchange(text, true);
    EXPECT_EQ(s.status, Status::found) << prefix;
    EXPECT_EQ(s.at, prefix.size()) << prefix;
  }
  const std::string nul("\0\0\0\0", 4);
  EXPECT_EQ(find_interchange(nul + testing::small_835(), true).at, 4u);
}

TEST(FindInterchange, IsaInProseIsNotAnInterchange) {
  // No usable separator after "ISA" ("ISA is", "ISAs", "VISA\n"), or no readable header after
  // one: 16 colons in a "key: value" banner, 16 slashes in a list of card brands, too few '*'.
  const std::string banner =
      "ISA: yes\nFrom: a\nTo: b\nDate: 1\nTime: 2\nSubject: c\nX-1: d\nX-2: e\nX-3: f\nX-4: g\nX-5: h\n"
      "X-6: i\nX-7: j\nX-8: k\nX-9: l\nX-10: m\nX-11: n\nX-12: o\n";
  const std::string cards = "We take VISA/MC/AMEX/DISC/JCB/UP/DC/EL/MA/VP/CB/RU/TR/BC/SW/SO/IN/LA/AL/ME/NO/TE payments.\n";
  const std::string stars = "ISA*00*this is a note*\nISAs are fixed width. ISA is the header. VISA\n";
  for (const std::string& prose : {banner, cards, stars}) {
    const auto s = find_interchange(prose, true);
    EXPECT_EQ(s.status, Status::none) << prose;
    EXPECT_EQ(s.at, prose.size());
  }
  // The first "ISA" with a separator that is not a header is remembered for the error message.
  const auto s = find_interchange(stars, true);
  EXPECT_EQ(s.rejected_at, 0u);
  EXPECT_NE(s.rejected_problem.find("fewer than 16 elements"), std::string::npos) << s.rejected_problem;
  EXPECT_EQ(find_interchange(banner, true).rejected_at, 0u);
}

TEST(FindInterchange, ProseBeforeAnInterchangeIsPassedOver) {
  std::string prose;
  while (prose.size() < 2048) prose += "ISA is the interchange header; VISA/MC accepted. ISA*not*one*\n";
  const std::string text = prose + testing::small_835();
  const auto s = find_interchange(text, true);
  EXPECT_EQ(s.status, Status::found);
  EXPECT_EQ(s.at, prose.size());
  EXPECT_LT(s.rejected_at, prose.size());
}

TEST(FindInterchange, VersionAndControlNumberMustBeNumbers) {
  // A readable header whose ISA12/ISA13 are words is prose that happens to have the shape.
  std::string isa = testing::isa_segment();
  isa.replace(isa.find("000000905"), 9, "NOTANUMBR");
  const auto s = find_interchange("note\n" + isa, true);
  EXPECT_EQ(s.status, Status::none);
  EXPECT_EQ(s.rejected_at, 5u);
  EXPECT_NE(s.rejected_problem.find("ISA13"), std::string::npos);
  // An unpadded header (read by its separators) after text is found.
  const std::string unpadded = "ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*240612*0701*^*00501*1*0*P*:~GS*HP~";
  EXPECT_EQ(find_interchange("$$ADD\n" + unpadded, true).at, 6u);
}

TEST(FindInterchange, ResumesAcrossChunks) {
  const std::string text = kAdd + testing::small_835();
  const std::size_t isa = kAdd.size();
  // Not at the end of input: a candidate with fewer than 512 bytes after it waits for more,
  // and is kept (the bytes before it may go).
  for (std::size_t cut = isa; cut < isa + kIsaSearchLimit; cut += 37) {
    const auto s = find_interchange(std::string_view(text).substr(0, cut), false);
    EXPECT_EQ(s.status, cut < isa + 3 ? Status::none : Status::need_more) << cut;
    if (s.status == Status::need_more) {
      EXPECT_EQ(s.at, isa) << cut;
    }
  }
  // Nothing yet: all but the last 2 bytes (a possible "IS") may be dropped.
  auto s = find_interchange("some text IS", false);
  EXPECT_EQ(s.status, Status::none);
  EXPECT_EQ(s.at, 10u);
  s = find_interchange("some text ISA", false);
  EXPECT_EQ(s.status, Status::need_more);
  EXPECT_EQ(s.at, 10u);
  EXPECT_EQ(find_interchange("I", false).at, 0u);
  EXPECT_EQ(find_interchange("", false).at, 0u);
  // At the end of input every candidate is decided.
  EXPECT_EQ(find_interchange("some text ISA", true).status, Status::none);
  EXPECT_EQ(find_interchange(std::string_view(text).substr(0, isa + 50), true).status, Status::none);
  EXPECT_EQ(find_interchange(text, false).status, Status::found);
}

TEST(FindInterchange, UsableElementSeparators) {
  for (char c : {'*', '|', '~', '^', '\x1D', '!', '\x01'}) EXPECT_TRUE(usable_element_separator(c)) << int(c);
  for (char c : {'A', 'z', '0', ' ', '\r', '\n'}) EXPECT_FALSE(usable_element_separator(c)) << int(c);
}

}  // namespace
}  // namespace clearhouse::x12
