// schemas/encounter.schema.json documents the submit input: it is a valid schema, and the
// hand-made samples and gen_x12.py encounters conform to it (RapidJSON's validator checks the
// keywords it knows: types, required, enum, pattern, lengths, items).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <sstream>

#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

rapidjson::Document load_schema() {
  rapidjson::Document d;
  d.Parse(testing::read_file(testing::source_dir() / "schemas" / "encounter.schema.json").c_str());
  EXPECT_FALSE(d.HasParseError());
  return d;
}

std::size_t expect_lines_conform(const std::string& text) {
  const auto schema_json = load_schema();
  rapidjson::SchemaDocument schema(schema_json);
  std::istringstream in(text);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++n;
    rapidjson::Document d;
    d.Parse(line.c_str());
    EXPECT_FALSE(d.HasParseError());
    rapidjson::SchemaValidator validator(schema);
    if (!d.Accept(validator)) {
      rapidjson::StringBuffer where;
      validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
      ADD_FAILURE() << "line " << n << ": " << validator.GetInvalidSchemaKeyword() << " at " << where.GetString();
    }
  }
  return n;
}

TEST(EncounterSchemaTest, SchemaDeclaresDraft2020AndTheGeneratorFields) {
  const auto d = load_schema();
  EXPECT_STREQ(d["$schema"].GetString(), "https://json-schema.org/draft/2020-12/schema");
  for (const char* key : {"claim_id", "frequency_code", "place_of_service", "total_charge", "payer", "billing_provider",
                          "rendering_provider", "subscriber", "patient", "diagnoses", "prior_authorization",
                          "service_lines", "referring_provider", "service_facility", "pay_to_address",
                          "original_claim_number", "accident", "onset_date", "submitter", "receiver"})
    EXPECT_TRUE(d["properties"].HasMember(key)) << key;
}

TEST(EncounterSchemaTest, SamplesConform) {
  EXPECT_GE(expect_lines_conform(testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl")), 8u);
}

TEST(EncounterSchemaTest, ABadValueDoesNotConform) {
  const auto schema_json = load_schema();
  rapidjson::SchemaDocument schema(schema_json);
  std::string line = testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl");
  line = line.substr(0, line.find('\n'));
  line.replace(line.find("\"gender\":\"M\""), 12, "\"gender\":\"X\"");
  rapidjson::Document d;
  d.Parse(line.c_str());
  rapidjson::SchemaValidator validator(schema);
  EXPECT_FALSE(d.Accept(validator));
}

TEST(EncounterSchemaTest, GeneratorOutputConforms) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto dir = testing::scratch_dir("encounter_schema_gen");
  const auto r = testing::run_command(fmt::format(
      "python3 {} --type 837p --claims 200 --seed 3 -o {} --encounters-json {} 2>/dev/null",
      testing::shell_quote((*testing::shared_tools_dir() / "gen_x12.py").string()),
      testing::shell_quote((dir / "g.837").string()), testing::shell_quote((dir / "g.jsonl").string())));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(expect_lines_conform(testing::read_file(dir / "g.jsonl")), 200u);
}

}  // namespace
}  // namespace clearhouse
