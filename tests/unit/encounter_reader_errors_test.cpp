// Encounter lines that cannot be typed: each problem names the line, the field and a code; the
// claim id is kept when it can be found, even in a line that is not JSON.
#include <gtest/gtest.h>

#include "parsers/encounter/encounter_reader.hpp"
#include "tests/support/sample_encounter.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::encounter {
namespace {

std::vector<model::Rejection> problems_of(const std::string& json) {
  model::Encounter e;
  std::vector<model::Rejection> problems;
  parse_encounter_text(json, 3, e, problems);
  return problems;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return s.replace(pos, from.size(), to);
}

TEST(EncounterReaderErrorsTest, BrokenJsonIsOneRejectionWithLineAndClaimId) {
  const auto p = problems_of(R"({"claim_id":"ABC1","total_charge": 12,)");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "json_syntax");
  EXPECT_EQ(p[0].line, 3u);
  EXPECT_EQ(p[0].claim_id, "ABC1");
  EXPECT_NE(p[0].message.find("column"), std::string::npos);
}

TEST(EncounterReaderErrorsTest, NotAnObject) {
  const auto p = problems_of("[1,2,3]");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "not_an_object");
}

TEST(EncounterReaderErrorsTest, TrailingGarbageIsASyntaxError) {
  const auto p = problems_of(testing::sample_encounter_json() + " x");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "json_syntax");
  EXPECT_EQ(p[0].claim_id, "T1001");
}

TEST(EncounterReaderErrorsTest, WrongTypesAndBadTextAreFieldProblems) {
  const std::string base = testing::sample_encounter_json();
  struct Case {
    std::string from, to, field, code;
  } cases[] = {
      {R"("total_charge":"165.00")", R"("total_charge":"abc")", "total_charge", "invalid_amount"},
      {R"("total_charge":"165.00")", R"("total_charge":"1.655")", "total_charge", "invalid_amount"},
      {R"("charge":"140.00")", R"("charge":true)", "service_lines[0].charge", "wrong_type"},
      {R"("dob":"1968-03-14")", R"("dob":"03/14/1968")", "subscriber.dob", "invalid_date"},
      {R"("units":1,"unit_code":"UN","charge":"25.00")", R"("units":"two","unit_code":"UN","charge":"25.00")",
       "service_lines[1].units", "invalid_number"},
      {R"("diagnosis_pointers":[1,2])", R"("diagnosis_pointers":[1,"a"])", "service_lines[0].diagnosis_pointers[1]",
       "wrong_type"},
      {R"("payer":{)", R"("payer":"ACME","x":{)", "payer", "wrong_type"},
      {R"("modifiers":["25"])", R"("modifiers":"25")", "service_lines[0].modifiers", "wrong_type"},
  };
  for (const auto& c : cases) {
    const auto p = problems_of(replace(base, c.from, c.to));
    ASSERT_EQ(p.size(), 1u) << c.to;
    EXPECT_EQ(p[0].field, c.field) << c.to;
    EXPECT_EQ(p[0].code, c.code) << c.to;
    EXPECT_EQ(p[0].claim_id, "T1001");
    EXPECT_EQ(p[0].line, 3u);
  }
}

TEST(EncounterReaderErrorsTest, MissingFileIsAnOpenError) {
  std::string error;
  EXPECT_EQ(EncounterReader::open("/nonexistent/encounters.jsonl", error), nullptr);
  EXPECT_FALSE(error.empty());
}

TEST(EncounterReaderErrorsTest, InvalidUtf8IsRejectedNotCrashed) {
  auto p = problems_of("{\"claim_id\":\"A\xff\xfe\"}");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "json_syntax");
}

}  // namespace
}  // namespace clearhouse::encounter
