// schemas/encounter.schema.json documents the submit input: it is a valid schema, and the
// hand-made samples and gen_x12.py encounters conform to it (RapidJSON's validator checks the
// keywords it knows: types, required, enum, pattern, lengths, items). The reader's compiled
// table of member names agrees with it at every level: a name the schema gives an object is
// read without a word, any other is reported as unknown.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/encounter/encounter_reader.hpp"
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

// Every object of the schema: its path (as the reader names it, array elements as [0]), how to
// wrap members into an encounter line that reaches it, and the names the schema gives it.
struct SchemaObject {
  std::string path;
  std::string open, close;  // JSON before and after the object's members
  std::set<std::string> names;
};

void collect_objects(const rapidjson::Value& schema, const SchemaObject& at, std::vector<SchemaObject>& out) {
  if (!schema.IsObject() || !schema.HasMember("properties")) return;
  SchemaObject here = at;
  for (const auto& p : schema["properties"].GetObject()) here.names.insert(p.name.GetString());
  out.push_back(here);
  for (const auto& p : schema["properties"].GetObject()) {
    const std::string name = p.name.GetString();
    const std::string prefix = at.path.empty() ? name : at.path + "." + name;
    collect_objects(p.value, {prefix, at.open + "\"" + name + "\":{", "}" + at.close, {}}, out);
    if (p.value.IsObject() && p.value.HasMember("items"))
      collect_objects(p.value["items"], {prefix + "[0]", at.open + "\"" + name + "\":[{", "}]" + at.close, {}}, out);
  }
}

std::vector<SchemaObject> schema_objects() {
  const auto schema = load_schema();
  std::vector<SchemaObject> out;
  collect_objects(schema, {"", "{", "}", {}}, out);
  return out;
}

// The unknown members the reader reports for one line.
std::vector<std::string> unknown_paths(const std::string& line) {
  model::Encounter e;
  std::vector<model::Rejection> problems;
  std::vector<encounter::UnknownField> unknown;
  EXPECT_TRUE(encounter::parse_encounter_text(line, 1, e, problems, &unknown)) << line;
  std::vector<std::string> paths;
  for (const auto& u : unknown) paths.push_back(u.path);
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string members(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ",") + ("\"" + n + "\":null");
  return out;
}

TEST(EncounterSchemaTest, EveryNameTheSchemaGivesAnObjectIsKnownThereAndNothingElse) {
  const auto objects = schema_objects();
  EXPECT_GE(objects.size(), 18u);  // encounter, its parties, providers, addresses, service lines
  for (const auto& o : objects) {
    SCOPED_TRACE(o.path.empty() ? "(encounter)" : o.path);
    std::vector<std::string> names(o.names.begin(), o.names.end());
    names.push_back("zz_not_in_the_schema");
    const std::string expected = o.path.empty() ? "zz_not_in_the_schema" : o.path + ".zz_not_in_the_schema";
    EXPECT_EQ(unknown_paths(o.open + members(names) + o.close), std::vector<std::string>{expected});
  }
}

TEST(EncounterSchemaTest, EveryNameTheReaderKnowsIsUnknownWhereTheSchemaDoesNotGiveIt) {
  std::set<std::string> anywhere;
  for (const auto& o : schema_objects()) {
    SCOPED_TRACE(o.path.empty() ? "(encounter)" : o.path);
    std::vector<std::string> elsewhere, expected;
    for (const auto name : encounter::known_member_names()) {
      anywhere.insert(std::string(name));
      if (o.names.count(std::string(name)) != 0) continue;
      elsewhere.emplace_back(name);
      expected.push_back(o.path.empty() ? std::string(name) : o.path + "." + std::string(name));
    }
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(unknown_paths(o.open + members(elsewhere) + o.close), expected);
  }
  // And the reader knows no name the schema has nowhere.
  for (const auto& o : schema_objects())
    for (const auto& n : o.names) anywhere.erase(n);
  EXPECT_TRUE(anywhere.empty()) << *anywhere.begin();
}

}  // namespace
}  // namespace clearhouse
