// Every transaction-set spec in schemas/x12 validates against the meta-schema, loads, and has
// the structure the implementation guides define (explicit loop entry keys, usage, repeats).
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <filesystem>
#include <functional>

#include "parsers/x12/spec/spec_catalog.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::x12::spec {
namespace {

namespace fs = std::filesystem;

fs::path spec_dir() { return testing::source_dir() / "schemas" / "x12"; }

TEST(SpecCatalog, EverySpecValidatesAgainstTheMetaSchema) {
  rapidjson::Document meta;
  const std::string meta_text = testing::read_file(spec_dir() / "x12_spec.schema.json");
  meta.Parse(meta_text.c_str());
  ASSERT_FALSE(meta.HasParseError());
  rapidjson::SchemaDocument schema(meta);
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(spec_dir())) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name == "code_tables.json" || name.find("schema") != std::string::npos)
      continue;
    rapidjson::Document doc;
    const std::string text = testing::read_file(entry.path());
    doc.Parse(text.c_str());
    ASSERT_FALSE(doc.HasParseError()) << name;
    rapidjson::SchemaValidator validator(schema);
    if (!doc.Accept(validator)) {
      rapidjson::StringBuffer where;
      validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
      ADD_FAILURE() << name << ": invalid at " << where.GetString() << " (" << validator.GetInvalidSchemaKeyword() << ")";
    }
    ++checked;
  }
  EXPECT_EQ(checked, 4);  // 837P, 835, 999 and the envelope
}

TEST(SpecCatalog, LoadsAllSpecs) {
  const auto catalog = testing::spec_catalog();
  ASSERT_TRUE(catalog->ok()) << catalog->error();
  ASSERT_NE(catalog->find("837", "005010X222A1"), nullptr);
  ASSERT_NE(catalog->find("835", "005010X221A1"), nullptr);
  ASSERT_NE(catalog->find("999", "005010X231A1"), nullptr);
  EXPECT_EQ(catalog->find("837", "005010X223A2"), nullptr);  // institutional: not ours
  EXPECT_NE(catalog->envelope().find("ISA"), nullptr);
  EXPECT_NE(catalog->envelope().find("TA1"), nullptr);
}

TEST(SpecCatalog, MissingDirectoryIsAnErrorValue) {
  const auto catalog = SpecCatalog::load("/nonexistent/specs");
  EXPECT_FALSE(catalog->ok());
  EXPECT_NE(catalog->error().find("not found"), std::string::npos);
}

const NodeSpec* find_loop(const LoopSpec& loop, const std::string& id) {
  for (const auto& c : loop.children) {
    if (!c.is_loop()) continue;
    if (c.loop->id == id) return &c;
    if (const NodeSpec* n = find_loop(*c.loop, id)) return n;
  }
  return nullptr;
}

TEST(SpecCatalog, ClaimLoopsHaveExplicitEntryKeys) {
  const auto* spec = testing::spec_catalog()->find("837");
  ASSERT_NE(spec, nullptr);
  struct Key {
    const char* loop;
    const char* segment;
    int element;
    const char* code;
  };
  for (const Key& k : {Key{"2000A", "HL", 3, "20"}, Key{"2000B", "HL", 3, "22"}, Key{"2000C", "HL", 3, "23"},
                       Key{"2010AA", "NM1", 1, "85"}, Key{"2010BB", "NM1", 1, "PR"}, Key{"2310B", "NM1", 1, "82"},
                       Key{"2420A", "NM1", 1, "82"}, Key{"2330B", "NM1", 1, "PR"}}) {
    const NodeSpec* n = find_loop(*spec->body, k.loop);
    ASSERT_NE(n, nullptr) << k.loop;
    const SegmentSpec& entry = n->entry();
    EXPECT_EQ(entry.id, k.segment) << k.loop;
    EXPECT_EQ(entry.match.element, k.element) << k.loop;
    EXPECT_NE(std::find(entry.match.codes.begin(), entry.match.codes.end(), k.code), entry.match.codes.end()) << k.loop;
  }
  const NodeSpec* claim = find_loop(*spec->body, "2300");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->max, 100u);
  const NodeSpec* line = find_loop(*spec->body, "2400");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->max, 50u);
  EXPECT_EQ(line->usage, Usage::required);
  EXPECT_EQ(line->entry().id, "LX");
}

TEST(SpecCatalog, ElementsCarryTypesLengthsAndCodes) {
  const auto* spec = testing::spec_catalog()->find("837");
  const NodeSpec* line = find_loop(*spec->body, "2400");
  ASSERT_NE(line, nullptr);
  const SegmentSpec& sv1 = line->loop->children[1].entry();
  ASSERT_EQ(sv1.id, "SV1");
  ASSERT_GE(sv1.elements.size(), 7u);
  const ElementSpec& charge = sv1.elements[1];
  EXPECT_EQ(charge.ref, "SV102");
  EXPECT_EQ(charge.data_element, "782");
  EXPECT_EQ(charge.type, DataType::R);
  EXPECT_EQ(charge.max_length, 18);
  const ElementSpec& unit = sv1.elements[2];
  EXPECT_TRUE(unit.allows("UN"));
  EXPECT_TRUE(unit.allows("MJ"));
  EXPECT_FALSE(unit.allows("XX"));
  const ElementSpec& pointers = sv1.elements[6];
  ASSERT_TRUE(pointers.is_composite());
  ASSERT_EQ(pointers.components.size(), 4u);
  EXPECT_EQ(pointers.components[0].ref, "SV107-01");
  ASSERT_EQ(sv1.syntax.size(), 1u);
  EXPECT_EQ(sv1.syntax[0].kind, 'P');
}

TEST(SpecCatalog, RemittanceAndAcknowledgmentStructure) {
  const auto* remit = testing::spec_catalog()->find("835");
  ASSERT_NE(remit, nullptr);
  const NodeSpec* claim = find_loop(*remit->body, "2100");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->entry().id, "CLP");
  const NodeSpec* service = find_loop(*remit->body, "2110");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->max, 999u);
  const auto* ack = testing::spec_catalog()->find("999");
  ASSERT_NE(ack, nullptr);
  const NodeSpec* set = find_loop(*ack->body, "2000");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->entry().id, "AK2");
  const NodeSpec* error = find_loop(*ack->body, "2100");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->entry().id, "IK3");
}

}  // namespace
}  // namespace clearhouse::x12::spec
