// `clearhouse submit` with the supplemental fields: good drugs, attachments, notes, CLIA
// number and ambulance transport come out in the 837P, which `clearhouse validate` accepts; a
// 10-digit NDC, a drug without its unit and an attachment without its control number are
// rejections naming the field.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>

#include "tests/support/supplemented_encounter.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

using testing::replaced;
using testing::run_clearhouse;
using testing::supplemented_encounter_json;

TEST(SupplementsE2eTest, GoodOnesAreWrittenAndValidBadOnesNameTheField) {
  const auto dir = testing::scratch_dir("supplements_e2e");
  const std::string good = supplemented_encounter_json();
  auto with_id = [&](const std::string& id, const std::string& from, const std::string& to) {
    return replaced(replaced(good, R"("claim_id":"T1001")", "\"claim_id\":\"" + id + "\""), from, to);
  };
  const std::string input =
      good + "\n" + with_id("T2", R"("ndc":"00409-4872-02")", R"("ndc":"0409-4872-02")") + "\n" +
      with_id("T3", R"(,"unit":"ML")", "") + "\n" + with_id("T4", R"(,"control_number":"ATT123")", "") + "\n";
  testing::write_file(dir / "in.jsonl", input);
  const auto r = run_clearhouse({"submit", (dir / "in.jsonl").string(), "--out", (dir / "out").string(), "--db",
                                 "sqlite:" + (dir / "l.db").string(), "--now", "2024-06-30"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  rapidjson::Document s;
  s.Parse(r.out.c_str());
  ASSERT_FALSE(s.HasParseError()) << r.out;
  EXPECT_EQ(s["submitted"].GetUint64(), 1u);
  EXPECT_EQ(s["rejected"].GetUint64(), 3u);

  std::istringstream rejections(testing::read_file(dir / "out" / "rejections.jsonl"));
  std::vector<std::string> fields;
  for (std::string line; std::getline(rejections, line);) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    ASSERT_FALSE(d.HasParseError()) << line;
    fields.push_back(std::string(d["claim_id"].GetString()) + " " + d["field"].GetString() + " " + d["code"].GetString());
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"T2 service_lines[0].drug.ndc invalid_ndc",
                                              "T3 service_lines[0].drug.unit missing_field",
                                              "T4 attachments[0].control_number missing_field"}));

  ASSERT_EQ(s["files"].Size(), 1u);
  const std::string file = s["files"][0].GetString();
  const std::string x12 = testing::read_file(file);
  for (const char* segment : {"PWK*OZ*FX***AC*ATT123~", "REF*X4*12D3456789~", "CR1*LB*180**A*DH*12.5****PATIENT UNABLE TO SIT~",
                              "CRC*07*Y*01*04~", "NM1*PW*2~", "NM1*45*2*MERCY HOSPITAL~", "LIN**N4*00409487202~",
                              "CTP****2*ML~", "REF*XZ*RX12345~", "SV1*HC:00810*25*MJ*45***1~"})
    EXPECT_NE(x12.find(segment), std::string::npos) << segment;
  const auto v = run_clearhouse({"validate", file, "--format", "text"});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

}  // namespace
}  // namespace clearhouse
