// `clearhouse parse` as a user runs it: formats, stdin, exit codes, usage errors.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "tests/support/test_paths.hpp"
#include "tests/support/x12_samples.hpp"

namespace clearhouse {
namespace {

using testing::run_clearhouse;

class ParseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::scratch_dir("parse_cli");
    valid_ = (dir_ / "valid.835").string();
    testing::write_file(valid_, testing::small_835());
    broken_ = (dir_ / "broken.835").string();
    std::string text = testing::small_835();
    text.replace(text.find("SE*14"), 5, "SE*15");
    testing::write_file(broken_, text);
  }
  std::filesystem::path dir_;
  std::string valid_, broken_;
};

TEST_F(ParseCli, SummaryOfAValidFile) {
  auto r = run_clearhouse({"parse", valid_, "--format", "summary"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  EXPECT_EQ(d["interchanges"].GetInt(), 1);
  EXPECT_EQ(d["groups"].GetInt(), 1);
  EXPECT_EQ(d["transactions"].GetInt(), 1);
  EXPECT_EQ(d["segments"].GetInt(), 18);
  EXPECT_EQ(d["types"]["835"].GetInt(), 1);
  EXPECT_STREQ(d["delimiters"]["element"].GetString(), "*");
  EXPECT_STREQ(d["delimiters"]["component"].GetString(), ":");
  EXPECT_STREQ(d["delimiters"]["repetition"].GetString(), "^");
  EXPECT_STREQ(d["delimiters"]["segment"].GetString(), "~");
  EXPECT_EQ(d["errors"].Size(), 0u);
  EXPECT_EQ(d["warnings"].Size(), 0u);
}

TEST_F(ParseCli, ErrorsGiveExitOneAndStillPrintEverything) {
  auto r = run_clearhouse({"parse", broken_, "--format=summary"});
  EXPECT_EQ(r.exit_code, 1);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(d["segments"].GetInt(), 18);
  ASSERT_EQ(d["errors"].Size(), 1u);
  const auto& e = d["errors"][0];
  EXPECT_STREQ(e["id"].GetString(), "SE");
  EXPECT_EQ(e["element"].GetInt(), 1);
  EXPECT_EQ(e["segment"].GetInt(), 16);
  EXPECT_GT(e["offset"].GetInt(), 0);
  EXPECT_NE(std::string(e["message"].GetString()).find("expected 14, found 15"), std::string::npos);
}

TEST_F(ParseCli, JsonTreeNestsInterchangesGroupsTransactionsSegments) {
  auto r = run_clearhouse({"parse", valid_});
  ASSERT_EQ(r.exit_code, 0);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  const auto& ic = d["interchanges"][0];
  EXPECT_STREQ(ic["control_number"].GetString(), "000000905");
  EXPECT_STREQ(ic["header"]["id"].GetString(), "ISA");
  EXPECT_STREQ(ic["trailer"]["id"].GetString(), "IEA");
  const auto& group = ic["groups"][0];
  EXPECT_STREQ(group["functional_id"].GetString(), "HP");
  const auto& tx = group["transactions"][0];
  EXPECT_STREQ(tx["type"].GetString(), "835");
  const auto& segments = tx["segments"];
  ASSERT_EQ(segments.Size(), 14u);
  EXPECT_STREQ(segments[0]["id"].GetString(), "ST");
  // SVC01 is a composite: an array of components.
  const auto& svc = segments[8];
  ASSERT_STREQ(svc["id"].GetString(), "SVC");
  ASSERT_TRUE(svc["elements"][0].IsArray());
  EXPECT_STREQ(svc["elements"][0][1].GetString(), "99213");
  EXPECT_STREQ(svc["elements"][3].GetString(), "");
  EXPECT_EQ(d["summary"]["segments"].GetInt(), 18);
}

TEST_F(ParseCli, RepetitionsAreObjects) {
  const std::string path = (dir_ / "rep.x12").string();
  testing::write_file(path, testing::isa_segment() +
                                "GS*FA*S*R*20240612*0701*1*X*005010X231A1~ST*999*0001~CTX*SITUATIONAL TRIGGER^X*CLM*1~SE*3*0001~GE*1*1~IEA*1*000000905~");
  auto r = run_clearhouse({"parse", path});
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError());
  const auto& ctx = d["interchanges"][0]["groups"][0]["transactions"][0]["segments"][1];
  ASSERT_TRUE(ctx["elements"][0].IsObject());
  EXPECT_STREQ(ctx["elements"][0]["repeats"][1].GetString(), "X");
}

// Segments outside any envelope are listed once each, in one valid JSON array.
TEST_F(ParseCli, StraySegmentsAreOneArray) {
  const std::string path = (dir_ / "stray.835").string();
  testing::write_file(path, testing::small_835() + "NTE*ADD*ONE~NTE*ADD*TWO~");
  auto r = run_clearhouse({"parse", path});
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  ASSERT_TRUE(d["stray"].IsArray());
  ASSERT_EQ(d["stray"].Size(), 2u);
  EXPECT_STREQ(d["stray"][1]["elements"][1].GetString(), "TWO");
}

TEST_F(ParseCli, ReadsStdin) {
  auto r = run_clearhouse({"parse", "-", "--format", "summary"}, valid_);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("\"transactions\":1"), std::string::npos);
}

TEST_F(ParseCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_clearhouse({"parse"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"parse", valid_, "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"parse", valid_, "--bogus"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({}).exit_code, 2);
}

TEST_F(ParseCli, MissingFileIsReported) {
  auto r = run_clearhouse({"parse", (dir_ / "nope.835").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.835"), std::string::npos);
  EXPECT_NE(r.err.find("No such file"), std::string::npos);
}

// Text before the ISA as partners send it: a mainframe "$$ADD" line, 2 KB of prose.
std::vector<std::string> text_before_isa() {
  std::string prose;
  while (prose.size() < 2048) prose += "Mailbox 42. VISA/MC accepted. ISA is the interchange header. ";
  return {"$$ADD ID=ACME01 BID='DIV00835'\n", prose + "\r\n"};
}

// The same tree, counts and errors as the file without the text, plus one text_before_isa
// warning at byte 0 saying how many bytes were skipped; offsets count from the file's start.
TEST_F(ParseCli, TextBeforeTheIsaParsesLikeTheFileWithoutIt) {
  for (const char* sample : {"remittance.835", "claims.837"}) {
    const std::string text = testing::read_file(testing::source_dir() / "samples" / sample);
    const std::string plain = (dir_ / sample).string();
    testing::write_file(plain, text);
    for (const std::string& prefix : text_before_isa()) {
      SCOPED_TRACE(std::string(sample) + " behind " + prefix.substr(0, 12));
      const std::string prefixed = (dir_ / ("prefixed-" + std::string(sample))).string();
      testing::write_file(prefixed, prefix + text);
      const auto a = run_clearhouse({"parse", plain});
      const auto b = run_clearhouse({"parse", prefixed});
      ASSERT_EQ(a.exit_code, 0) << a.err;
      EXPECT_EQ(b.exit_code, 0) << b.err;
      rapidjson::Document da, db;
      da.Parse(a.out.c_str());
      db.Parse(b.out.c_str());
      ASSERT_FALSE(da.HasParseError() || db.HasParseError());
      EXPECT_TRUE(da["interchanges"] == db["interchanges"]);
      EXPECT_TRUE(da["stray"] == db["stray"]);
      EXPECT_TRUE(da["summary"] == db["summary"]);
      EXPECT_TRUE(da["errors"] == db["errors"]);
      ASSERT_EQ(db["warning_count"].GetInt(), da["warning_count"].GetInt() + 1);
      const auto& w = db["warnings"][0];
      EXPECT_STREQ(w["code"].GetString(), "text_before_isa");
      EXPECT_EQ(w["offset"].GetInt(), 0);
      EXPECT_NE(std::string(w["message"].GetString()).find(std::to_string(prefix.size()) + " bytes before the first ISA"),
                std::string::npos)
          << w["message"].GetString();
    }
  }
}

TEST_F(ParseCli, ErrorOffsetsCountFromTheFileStart) {
  const std::string prefix = text_before_isa()[0];
  const std::string prefixed = (dir_ / "prefixed-broken.835").string();
  testing::write_file(prefixed, prefix + testing::read_file(broken_));
  const auto a = run_clearhouse({"parse", broken_, "--format", "summary"});
  const auto b = run_clearhouse({"parse", prefixed, "--format", "summary"});
  EXPECT_EQ(a.exit_code, 1);
  EXPECT_EQ(b.exit_code, 1);
  rapidjson::Document da, db;
  da.Parse(a.out.c_str());
  db.Parse(b.out.c_str());
  ASSERT_FALSE(da.HasParseError() || db.HasParseError());
  ASSERT_EQ(da["errors"].Size(), 1u);
  ASSERT_EQ(db["errors"].Size(), 1u);
  const auto& ea = da["errors"][0];
  const auto& eb = db["errors"][0];
  EXPECT_EQ(eb["segment"].GetInt(), ea["segment"].GetInt());  // ordinals count segments, not text
  EXPECT_EQ(eb["offset"].GetInt(), ea["offset"].GetInt() + static_cast<int>(prefix.size()));
  const auto bytes = testing::read_file(prefixed);
  EXPECT_EQ(bytes.substr(static_cast<std::size_t>(eb["offset"].GetInt()), 3), "SE*");
}

TEST_F(ParseCli, ProseWithoutAnIsaIsStillRejected) {
  const std::string path = (dir_ / "prose.txt").string();
  testing::write_file(path, text_before_isa()[1] + "GS*HP*A*B*20240101*1200*1*X*005010X221A1~GE*0*1~");
  auto r = run_clearhouse({"parse", path, "--format", "summary"});
  EXPECT_EQ(r.exit_code, 1);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  ASSERT_EQ(d["errors"].Size(), 1u);
  EXPECT_STREQ(d["errors"][0]["code"].GetString(), "no_isa");
  EXPECT_EQ(d["errors"][0]["offset"].GetInt(), 0);
  EXPECT_EQ(d["segments"].GetInt(), 0);
}

TEST_F(ParseCli, EmptyFileIsAnErrorNotACrash) {
  const std::string path = (dir_ / "empty.x12").string();
  testing::write_file(path, "");
  auto r = run_clearhouse({"parse", path, "--format", "summary"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no_isa"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse
