// The encounter JSON Lines reader: the gen_x12.py shape and the extensions, typed exactly.
#include "parsers/encounter/encounter_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "parsers/x12/grammar/value_grammar.hpp"

#include "tests/support/sample_encounter.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::encounter {
namespace {

// Parses a line that has no problems, and exactly the unknown members named (none by default).
model::Encounter parse_ok(const std::string& json, std::vector<std::string> unknown_paths = {}) {
  model::Encounter e;
  std::vector<model::Rejection> problems;
  std::vector<UnknownField> unknown;
  EXPECT_TRUE(parse_encounter_text(json, 7, e, problems, &unknown));
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].field + " " + problems[0].code);
  std::vector<std::string> paths;
  for (const auto& u : unknown) {
    EXPECT_EQ(u.line, 7u);
    paths.push_back(u.path);
  }
  std::sort(paths.begin(), paths.end());
  std::sort(unknown_paths.begin(), unknown_paths.end());
  EXPECT_EQ(paths, unknown_paths);
  return e;
}

// A member the schema does not give its object is read past and named, with its line and
// JSON path, at every level; the encounter is read all the same (it is no rejection).
TEST(EncounterReaderTest, UnknownFieldsAreNamedAtEveryLevelAndTheRestIsRead) {
  std::string json = testing::sample_encounter_json();
  auto insert_after = [&](const std::string& at, const std::string& text) {
    const auto pos = json.find(at);
    ASSERT_NE(pos, std::string::npos) << at;
    json.insert(pos + at.size(), text);
  };
  insert_after(R"("modifiers":["25"],)", R"("modifer":["59"],)");
  insert_after(R"("payer":{)", R"("nmae":"X",)");
  insert_after(R"("zip":"627041234")", R"(,"zip4":"1234")");
  insert_after(R"("patient":{"relationship":"18")", R"(,"dob ":"2000-01-01")");
  insert_after(R"("payer_responsibility":"P")", R"(,"payer":{"id":"nested in the wrong place"})");
  json.insert(1, R"("claim_idd":"T9","extra":{"deep":[1,2]},)");
  const auto e = parse_ok(json, {"billing_provider.address.zip4", "claim_idd", "extra", "patient.dob ", "payer.nmae",
                                 "service_lines[0].modifer", "subscriber.payer"});
  // Everything the schema knows was read as usual.
  EXPECT_EQ(e.claim.claim_id, "T1001");
  EXPECT_EQ(e.claim.payer.name, "ACME HEALTH PLAN");
  EXPECT_EQ(e.claim.lines[0].modifiers, (std::vector<std::string>{"25"}));
  EXPECT_EQ(e.claim.billing_provider.address.postal_code, "627041234");
  EXPECT_EQ(to_warning(UnknownField{12, "service_lines[0].modifer"}),
            R"(line 12: unknown field "service_lines[0].modifer" (not in schemas/encounter.schema.json); ignored)");
}

// A name from the input is shown as a message can carry it: at most 64 bytes, cut before a
// UTF-8 character, control characters as '?'.
TEST(EncounterReaderTest, UnknownNamesAreShownShortAndPrintable) {
  std::string json = testing::sample_encounter_json();
  const std::string long_name = std::string(63, 'x') + "\u00e9tail";  // the 64th byte starts a 2-byte character
  json.insert(1, "\"" + long_name + "\":1,\"tab\\there\":2,");
  parse_ok(json, {std::string(63, 'x') + "...", "tab?here"});
}

// The reader that gives the unknown members to no one still reads the line the same way.
TEST(EncounterReaderTest, UnknownFieldsNeedNoCollector) {
  std::string json = testing::sample_encounter_json();
  json.insert(1, R"("surprise":true,)");
  model::Encounter e;
  std::vector<model::Rejection> problems;
  EXPECT_TRUE(parse_encounter_text(json, 1, e, problems));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(e.claim.claim_id, "T1001");
}

TEST(EncounterReaderTest, ReadsTheGeneratorShapeExactly) {
  const auto e = parse_ok(testing::sample_encounter_json());
  EXPECT_EQ(e.source_line, 7u);
  const auto& c = e.claim;
  EXPECT_EQ(c.claim_id, "T1001");
  ASSERT_TRUE(e.declared_total.has_value());
  EXPECT_EQ(e.declared_total->cents(), 16500);
  EXPECT_EQ(c.payer.id, "60054");
  EXPECT_EQ(c.payer.claim_filing_indicator, "CI");
  EXPECT_EQ(c.billing_provider.provider.entity, model::EntityType::organization);
  EXPECT_EQ(c.billing_provider.provider.name, "SUMMIT FAMILY MEDICINE");
  EXPECT_EQ(c.billing_provider.address.postal_code, "627041234");
  ASSERT_TRUE(c.rendering_provider.has_value());
  EXPECT_EQ(c.rendering_provider->entity, model::EntityType::person);
  EXPECT_EQ(c.rendering_provider->name, "CARTER");
  EXPECT_EQ(c.subscriber.birth_date, (model::Date{1968, 3, 14}));
  EXPECT_EQ(c.patient.relationship, "18");
  EXPECT_EQ(c.diagnoses, (std::vector<std::string>{"E11.9", "I10"}));
  EXPECT_TRUE(c.prior_authorization.empty());  // null
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_EQ(c.lines[0].charge.cents(), 14000);
  EXPECT_EQ(c.lines[0].units, model::Decimal::from_integer(1));
  EXPECT_EQ(c.lines[0].modifiers, std::vector<std::string>{"25"});
  EXPECT_EQ(c.lines[0].diagnosis_pointers, (std::vector<int>{1, 2}));
  EXPECT_EQ(c.lines[1].service_date, (model::Date{2024, 5, 6}));
  EXPECT_EQ(c.lines[1].line_control_number, "T1001-2");
}

TEST(EncounterReaderTest, ReadsTheExtensions) {
  const auto e = parse_ok(
      R"({"claim_id":"X","frequency_code":"7","original_claim_number":"PAYER123","referral_number":"REF9",)"
      R"("onset_date":"20240401","accident":{"cause":"AA","date":"2024-04-01","state":"ny"},)"
      R"("provider_signature_on_file":false,"benefits_assigned":true,"release_of_information":false,"assignment":"C",)"
      R"("pay_to_address":{"line1":"PO BOX 1","city":"X","state":"IL","zip":"62704"},)"
      R"("referring_provider":{"last":"PATEL","first":"RAJ","npi":"1678901236"},)"
      R"("service_facility":{"name":"ASC","address":{"line1":"1 A ST","city":"AB","state":"IL","zip":"627041234"}},)"
      R"("submitter":{"name":"S","id":"SID","phone":"5551234567"},"receiver":{"name":"R","id":"RID"},)"
      R"("patient":{"relationship":"19","last":"MILLER","first":"EMMA","dob":"2016-09-02","gender":"F"},)"
      R"("service_lines":[{"units":1.5,"unit_code":"MJ","charge":"10.5","date":"2024-04-02","date_end":"2024-04-03"}]})");
  const auto& c = e.claim;
  EXPECT_EQ(c.frequency_code, "7");
  EXPECT_EQ(c.original_claim_number, "PAYER123");
  EXPECT_EQ(c.onset_date, (model::Date{2024, 4, 1}));
  ASSERT_TRUE(c.accident.has_value());
  EXPECT_EQ(c.accident->cause, "AA");
  EXPECT_EQ(c.provider_signature, "N");
  EXPECT_EQ(c.benefits_assignment, "Y");
  EXPECT_EQ(c.release_of_information, "I");
  EXPECT_EQ(c.assignment, "C");
  ASSERT_TRUE(c.pay_to_address.has_value());
  ASSERT_TRUE(c.referring_provider.has_value());
  ASSERT_TRUE(c.service_facility.has_value());
  EXPECT_TRUE(e.has_submitter);
  EXPECT_TRUE(e.has_receiver);
  EXPECT_EQ(c.submitter.id, "SID");
  EXPECT_EQ(c.receiver.id, "RID");
  EXPECT_EQ(c.patient.relationship, "19");
  EXPECT_EQ(c.patient.name.first, "EMMA");
  EXPECT_EQ(c.lines[0].units, (model::Decimal{15, 1}));
  EXPECT_EQ(c.lines[0].charge.cents(), 1050);
  EXPECT_EQ(c.lines[0].service_date_end, (model::Date{2024, 4, 3}));
}

TEST(EncounterReaderTest, StreamsLinesSkipsBlanksAndCountsLineNumbers) {
  const auto dir = testing::scratch_dir("encounter_reader_stream");
  const std::string one = testing::sample_encounter_json();
  testing::write_file(dir / "in.jsonl", one + "\n\n   \r\n" + one + "\r\n{broken\n" + one);  // no final newline
  std::string error;
  auto reader = EncounterReader::open((dir / "in.jsonl").string(), error);
  ASSERT_TRUE(reader);
  std::vector<std::uint64_t> lines;
  std::vector<bool> ok;
  while (reader->next()) {
    lines.push_back(reader->line_number());
    ok.push_back(reader->problems().empty());
  }
  EXPECT_EQ(lines, (std::vector<std::uint64_t>{1, 4, 5, 6}));
  EXPECT_EQ(ok, (std::vector<bool>{true, true, false, true}));
}

TEST(EncounterReaderTest, LinesLongerThanTheBufferAreRead) {
  const auto dir = testing::scratch_dir("encounter_reader_long");
  std::string big = testing::sample_encounter_json();
  big.insert(1, "\"padding\":\"" + std::string(3 << 20, 'x') + "\",");
  testing::write_file(dir / "in.jsonl", big + "\n" + testing::sample_encounter_json() + "\n");
  std::string error;
  auto reader = EncounterReader::open((dir / "in.jsonl").string(), error);
  ASSERT_TRUE(reader);
  int n = 0;
  while (reader->next()) {
    EXPECT_TRUE(reader->problems().empty());
    EXPECT_EQ(reader->encounter().claim.claim_id, "T1001");
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(EncounterReaderTest, TheFirstOccurrenceOfANameCountsAndNullIsAbsent) {
  std::string json = testing::sample_encounter_json();
  json.insert(1, R"("claim_id":"FIRST","prior_authorization":null,"unknown_member":{"claim_id":"NESTED"},)");
  json.insert(json.size() - 1, R"(,"prior_authorization":"LATER","frequency_code":null)");
  const auto e = parse_ok(json, {"unknown_member"});  // named, and not looked into
  EXPECT_EQ(e.claim.claim_id, "FIRST");
  EXPECT_TRUE(e.claim.prior_authorization.empty());
  EXPECT_EQ(e.claim.frequency_code, "1");  // the first frequency_code of the sample
}

TEST(EncounterReaderTest, NonAsciiTextIsTypedAndEscapesAreDecoded) {
  std::string json = testing::sample_encounter_json();
  json.insert(1, "\"referral_number\":\"R\\u00c9F\\/1\\\"2\",\"prior_authorization\":\"\xc3\x84" "1\",");
  const auto e = parse_ok(json);
  EXPECT_EQ(e.claim.referral_number, "R\xc3\x89" "F/1\"2");
  EXPECT_EQ(e.claim.prior_authorization, "\xc3\x84" "1");
}

// Numbers are typed exactly as the X12 value grammar types them, whatever their form.
TEST(EncounterReaderTest, NumbersAreTypedAsTheValueGrammarTypesThem) {
  const std::string base = testing::sample_encounter_json();
  auto with = [&](const std::string& from, const std::string& to) {
    std::string json = base;
    json.replace(json.find(from), from.size(), to);
    model::Encounter e;
    std::vector<model::Rejection> problems;
    parse_encounter_text(json, 1, e, problems);
    return std::make_pair(e, problems);
  };
  for (const std::string text : {"0", "7", "007", "30", "137.00", "137.5", "0.01", ".5", "1.", "1.234", "1.230",
                                 "-1", "-0.50", "123456789012345", "1234567890123456", "123456789012345.67",
                                 "99999999999999999", "1e3", " 1", "1.5x", "00.10", "", "1..2", "1,5"}) {
    const auto [e, problems] = with(R"("charge":"140.00")", "\"charge\":\"" + text + "\"");
    const auto expected = x12::grammar::parse_amount(text);
    if (expected && !text.empty()) {
      EXPECT_TRUE(problems.empty()) << text;
      EXPECT_EQ(e.claim.lines[0].charge, *expected) << text;
    } else {
      ASSERT_EQ(problems.size(), 1u) << text;
      EXPECT_EQ(problems[0].code, "invalid_amount") << text;
    }
  }
  // As JSON numbers arrive as their text, quoting them reaches the same code with any text.
  for (const std::string text : {"0", "1", "12", "007", "1.5", "2.50", "-3", "0.25", "123456789", "1234567890",
                                 "99999999999999999999", "1e2", "1E-2", "-0", "", " 1", "1.", ".5", "+1", "x"}) {
    const std::string number = "\"" + text + "\"";
    const auto [e, problems] = with(R"("units":1,"unit_code":"UN","charge":"140.00")",
                                    "\"units\":" + number + R"(,"unit_code":"UN","charge":"140.00")");
    const auto expected = x12::grammar::parse_decimal(text);
    EXPECT_EQ(problems.empty(), expected.has_value()) << number;
    if (expected) {
      EXPECT_EQ(e.claim.lines[0].units, *expected) << number;
    }
    const auto [f, line_problems] = with(R"("line":1,)", "\"line\":" + number + ",");
    const auto line = x12::grammar::parse_integer(text);
    const bool line_ok = line && *line > 0 && *line < 100000;
    EXPECT_EQ(line_problems.empty(), line_ok) << number;
    if (line_ok) {
      EXPECT_EQ(f.claim.lines[0].line_number, *line) << number;
    }
    const auto [g, pointer_problems] = with(R"("diagnosis_pointers":[1,2])", "\"diagnosis_pointers\":[" + number + "]");
    const bool pointer_ok = line && *line >= -1000 && *line <= 1000;
    EXPECT_EQ(pointer_problems.empty(), pointer_ok) << number;
    if (pointer_ok) {
      EXPECT_EQ(g.claim.lines[0].diagnosis_pointers, std::vector<int>{static_cast<int>(*line)}) << number;
    }
  }
}

TEST(EncounterReaderTest, OnlyExactMemberNamesMatch) {
  std::string json = testing::sample_encounter_json();
  json.insert(1, "\"claim_i\":\"A\",\"claim_idd\":\"B\",\"CLAIM_ID\":\"C\",\"\":\"D\",\"claim_id\\u0000\":\"E\","
                 "\"a_member_name_longer_than_thirty_two_bytes\":\"F\",\"claim\\u005fid\":\"ESCAPED\","
                 "\"payer\":{\"nam\":\"X\",\"names\":\"Y\",\"id\":\"P1\",\"name\":\"PAYER\",\"claim_filing_indicato\":\"Q\"},");
  const auto e = parse_ok(json, {"claim_i", "claim_idd", "CLAIM_ID", "", "claim_id?", "a_member_name_longer_than_thirty_two_bytes",
                                 "payer.nam", "payer.names", "payer.claim_filing_indicato"});
  EXPECT_EQ(e.claim.claim_id, "ESCAPED");  // the escaped name is claim_id, and comes first
  EXPECT_EQ(e.claim.payer.name, "PAYER");
  EXPECT_EQ(e.claim.payer.id, "P1");
  EXPECT_TRUE(e.claim.payer.claim_filing_indicator.empty());  // the sample's payer comes later
}

}  // namespace
}  // namespace clearhouse::encounter
