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
  EXPECT_EQ(checked, 7);  // 837P, 835, 999, 277CA, 276, 277 and the envelope
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

// Two 277 guides share ST01 and GS01 (HN): the version picks one.
TEST(SpecCatalog, ClaimStatusSpecsArePickedByVersion) {
  const auto catalog = testing::spec_catalog();
  const auto* ack = catalog->find("277", "005010X214");
  ASSERT_NE(ack, nullptr);
  EXPECT_EQ(ack->id, "277CA");
  const auto* response = catalog->find("277", "005010X212");
  ASSERT_NE(response, nullptr);
  EXPECT_EQ(response->id, "277");
  const auto* inquiry = catalog->find("276", "005010X212");
  ASSERT_NE(inquiry, nullptr);
  EXPECT_EQ(inquiry->id, "276");
  EXPECT_EQ(catalog->find("276", "005010X214"), nullptr);
  EXPECT_EQ(catalog->find("277", "004010X093A1"), nullptr);
  EXPECT_EQ(catalog->find_for_group("HN", "005010X214"), ack);
  EXPECT_EQ(catalog->find_for_group("HN", "005010X212"), response);
  EXPECT_EQ(catalog->find_for_group("HR", "005010X212"), inquiry);
  EXPECT_EQ(catalog->find_for_group("HR", "005010X214"), nullptr);
  EXPECT_EQ(catalog->find_for_group("HC", "005010X222A1"), catalog->find("837", "005010X222A1"));
  EXPECT_TRUE(catalog->supports_group("HN"));
  EXPECT_TRUE(catalog->supports_group("HR"));
  EXPECT_FALSE(catalog->supports_group("HS"));  // 270: not ours
}

// The HL hierarchy comes from the loop nesting of each spec, not from a table in the code.
TEST(SpecCatalog, HierarchyLevelsFollowTheLoopNesting) {
  const auto catalog = testing::spec_catalog();
  struct Level {
    const char* code;
    const char* loop;
    const char* parent;  // "" at the top
    int depth;
  };
  auto check = [](const TransactionSpec* spec, std::initializer_list<Level> levels) {
    ASSERT_NE(spec, nullptr);
    ASSERT_EQ(spec->hierarchy.size(), levels.size()) << spec->id;
    for (const Level& l : levels) {
      const HierarchyLevel* level = spec->level(l.code);
      ASSERT_NE(level, nullptr) << spec->id << " " << l.code;
      EXPECT_EQ(level->loop->id, l.loop) << spec->id << " " << l.code;
      EXPECT_EQ(level->depth, l.depth) << spec->id << " " << l.code;
      if (*l.parent == 0) {
        EXPECT_TRUE(level->parents.empty()) << spec->id << " " << l.code;
      } else {
        EXPECT_EQ(level->parents, std::vector<std::string>{l.parent}) << spec->id << " " << l.code;
      }
    }
  };
  check(catalog->find("837", "005010X222A1"),
        {{"20", "2000A", "", 1}, {"22", "2000B", "20", 2}, {"23", "2000C", "22", 3}});
  check(catalog->find("277", "005010X214"),
        {{"20", "2000A", "", 1}, {"21", "2000B", "20", 2}, {"19", "2000C", "21", 3}, {"PT", "2000D", "19", 4}});
  for (const char* set : {"276", "277"})
    check(catalog->find(set, "005010X212"), {{"20", "2000A", "", 1},
                                             {"21", "2000B", "20", 2},
                                             {"19", "2000C", "21", 3},
                                             {"22", "2000D", "19", 4},
                                             {"23", "2000E", "22", 5}});
  EXPECT_TRUE(catalog->find("835", "005010X221A1")->hierarchy.empty());
  EXPECT_EQ(catalog->find("277", "005010X214")->level("22"), nullptr);
}

// The 277CA claim loop: TRN*2 opens it, STC repeats, REF*1K and DTP*472 are there, and the
// service line loop (SVC) sits inside it.
TEST(SpecCatalog, ClaimAcknowledgmentStructure) {
  const auto* spec = testing::spec_catalog()->find("277", "005010X214");
  ASSERT_NE(spec, nullptr);
  const NodeSpec* claim = find_loop(*spec->body, "2200D");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->entry().id, "TRN");
  EXPECT_EQ(claim->entry().match.codes, std::vector<std::string>{"2"});
  EXPECT_EQ(claim->max, 0u);  // unbounded
  bool stc = false, payer_claim_number = false, service_date = false;
  for (const NodeSpec& c : claim->loop->children) {
    if (c.is_loop()) continue;
    const SegmentSpec& s = c.entry();
    if (s.id == "STC") {
      stc = true;
      EXPECT_EQ(c.usage, Usage::required);
      EXPECT_EQ(c.max, 0u);
      ASSERT_GE(s.elements.size(), 11u);
      EXPECT_TRUE(s.elements[0].is_composite());
      EXPECT_EQ(s.elements[3].ref, "STC04");
      EXPECT_EQ(s.elements[3].type, DataType::R);
      EXPECT_TRUE(s.elements[9].is_composite());
    }
    if (s.id == "REF" && s.match.codes == std::vector<std::string>{"1K"}) payer_claim_number = true;
    if (s.id == "DTP" && s.match.codes == std::vector<std::string>{"472"}) service_date = true;
  }
  EXPECT_TRUE(stc);
  EXPECT_TRUE(payer_claim_number);
  EXPECT_TRUE(service_date);
  const NodeSpec* line = find_loop(*claim->loop, "2220D");
  ASSERT_NE(line, nullptr);
  EXPECT_EQ(line->entry().id, "SVC");
  // 2200C STC is situational in the guide (pyx12's map says required; see schemas/x12/README.md).
  const NodeSpec* provider = find_loop(*spec->body, "2200C");
  ASSERT_NE(provider, nullptr);
  for (const NodeSpec& c : provider->loop->children) {
    if (!c.is_loop() && c.entry().id == "STC") {
      EXPECT_EQ(c.usage, Usage::situational);
    }
  }
}

// The 276 claim loop: TRN*1 (our trace), REF*EJ patient control number, AMT*T3, DTP*472.
TEST(SpecCatalog, ClaimStatusInquiryStructure) {
  const auto* spec = testing::spec_catalog()->find("276", "005010X212");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->functional_id, "HR");
  for (const char* id : {"2200D", "2200E"}) {
    const NodeSpec* claim = find_loop(*spec->body, id);
    ASSERT_NE(claim, nullptr) << id;
    EXPECT_EQ(claim->entry().id, "TRN");
    EXPECT_EQ(claim->entry().match.codes, std::vector<std::string>{"1"});
    std::vector<std::string> refs;
    bool amount = false, date = false;
    for (const NodeSpec& c : claim->loop->children) {
      if (c.is_loop()) continue;
      const SegmentSpec& s = c.entry();
      if (s.id == "REF") refs.push_back(s.match.codes.at(0));
      if (s.id == "AMT" && s.match.codes == std::vector<std::string>{"T3"}) amount = true;
      if (s.id == "DTP" && s.match.codes == std::vector<std::string>{"472"}) {
        date = true;
        EXPECT_TRUE(s.elements[1].allows("D8"));
        EXPECT_TRUE(s.elements[1].allows("RD8"));
      }
    }
    EXPECT_EQ(refs, (std::vector<std::string>{"1K", "BLT", "LU", "6P", "EJ", "XZ", "D9"})) << id;
    EXPECT_TRUE(amount) << id;
    EXPECT_TRUE(date) << id;
  }
  EXPECT_NE(find_loop(*spec->body, "2210D"), nullptr);
  EXPECT_NE(find_loop(*spec->body, "2210E"), nullptr);
}

}  // namespace
}  // namespace clearhouse::x12::spec
