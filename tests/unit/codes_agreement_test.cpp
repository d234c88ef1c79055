// submit and validate agree on codes (engine/codes is their one owner): every row of the table
// goes through the claim edits over an encounter carrying the value, and through the file
// validator over an 837P carrying it in the same place, and both give the row's verdict.
#include <gtest/gtest.h>

#include <string>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

enum class Where { procedure, modifier, npi };

struct Row {
  Where where;
  const char* value;
  bool valid;
};

std::string name_of(const ::testing::TestParamInfo<Row>& info) {
  std::string name = info.param.where == Where::procedure ? "procedure_" : info.param.where == Where::modifier ? "modifier_" : "npi_";
  for (const char* c = info.param.value; *c != '\0'; ++c) name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
  return name + "_" + std::to_string(info.index);
}

// submit's verdict: the claim edits over the sample encounter with the value on line 1 (or as
// the billing provider's NPI). Invalid means rejected for that field and nothing else.
bool submit_accepts(const Row& row) {
  std::string json = testing::sample_encounter_json();
  std::string field;
  switch (row.where) {
    case Where::procedure:
      json = testing::replaced(json, R"("procedure_code":"99213")", std::string(R"("procedure_code":")") + row.value + "\"");
      field = "service_lines[0].procedure_code";
      break;
    case Where::modifier:
      json = testing::replaced(json, R"("modifiers":["25"])", std::string(R"("modifiers":[")") + row.value + "\"]");
      field = "service_lines[0].modifiers";
      break;
    case Where::npi:
      json = testing::replaced(json, R"("npi":"1234567893")", std::string(R"("npi":")") + row.value + "\"");
      field = "billing_provider.npi";
      break;
  }
  edits::ClaimEditor editor(testing::test_context());
  const auto out = testing::edit_json(json, editor);
  for (const auto& r : out.rejections) EXPECT_EQ(r.field, field) << row.value << ": " << r.code << " " << r.message;
  return !out.rejected();
}

// validate's verdict: the validator over the golden valid 837P with the value in SV101-2,
// SV101-3 or the billing provider's NM109. Invalid means rejected with findings on that element.
bool validate_accepts(const Row& row) {
  std::string text =
      testing::read_file(testing::source_dir() / "tests" / "golden" / "validate" / "valid_837p.x12");
  int element = 0, component = 0;
  switch (row.where) {
    case Where::procedure:
      text = testing::replaced(text, "SV1*HC:99213*", std::string("SV1*HC:") + row.value + "*");
      element = 1, component = 2;
      break;
    case Where::modifier:
      text = testing::replaced(text, "SV1*HC:99213*", std::string("SV1*HC:99213:") + row.value + "*");
      element = 1, component = 3;
      break;
    case Where::npi:
      text = testing::replaced(text, "*XX*1234567893~", std::string("*XX*") + row.value + "~");
      element = 9;
      break;
  }
  x12::MemorySource source(text);
  const auto report = x12::spec::validate_x12(source, *testing::spec_catalog());
  for (const auto& f : report.findings) {
    EXPECT_EQ(f.segment_id, row.where == Where::npi ? "NM1" : "SV1") << row.value << ": " << f.message;
    EXPECT_EQ(f.element, element) << row.value << ": " << f.message;
    EXPECT_EQ(f.component, component) << row.value << ": " << f.message;
  }
  EXPECT_EQ(report.fully_accepted(), report.findings.empty()) << row.value;
  EXPECT_EQ(report.rejected, report.findings.empty() ? 0u : 1u) << row.value;
  return report.fully_accepted();
}

class CodesAgreement : public ::testing::TestWithParam<Row> {};

TEST_P(CodesAgreement, SubmitAndValidateGiveTheSameVerdict) {
  ASSERT_TRUE(testing::spec_catalog()->ok()) << testing::spec_catalog()->error();
  const Row& row = GetParam();
  const bool submit = submit_accepts(row);
  const bool validate = validate_accepts(row);
  EXPECT_EQ(submit, validate) << row.value << ": submit " << (submit ? "accepts" : "rejects") << ", validate "
                              << (validate ? "accepts" : "rejects");
  EXPECT_EQ(submit, row.valid) << row.value << " (submit)";
  EXPECT_EQ(validate, row.valid) << row.value << " (validate)";
}

constexpr Row kRows[] = {
    // CPT: Category I, II (F), III (T), PLA (U), MAAA (M); HCPCS Level II.
    {Where::procedure, "99213", true},
    {Where::procedure, "00100", true},
    {Where::procedure, "36415", true},
    {Where::procedure, "3008F", true},
    {Where::procedure, "1111F", true},
    {Where::procedure, "0042T", true},
    {Where::procedure, "0500T", true},
    {Where::procedure, "0001U", true},
    {Where::procedure, "0359U", true},
    {Where::procedure, "0219U", true},
    {Where::procedure, "0002M", true},
    {Where::procedure, "0001A", true},
    {Where::procedure, "0001B", false},
    {Where::procedure, "0004M", true},
    {Where::procedure, "J1100", true},
    {Where::procedure, "G0439", true},
    {Where::procedure, "A0425", true},
    {Where::procedure, "E0601", true},
    {Where::procedure, "Q0091", true},
    {Where::procedure, "G2211", true},
    {Where::procedure, "U0003", true},
    {Where::procedure, "0017M", true},
    {Where::procedure, "1234", false},
    {Where::procedure, "0001X", false},
    {Where::procedure, "9921", false},
    {Where::procedure, "J110", false},
    {Where::procedure, "123456", false},
    {Where::procedure, "JJ100", false},
    {Where::procedure, "J11000", false},
    {Where::procedure, "992X3", false},
    {Where::procedure, "0001Z", false},
    {Where::procedure, "A123B", false},
    {Where::procedure, "3008FF", false},
    {Where::procedure, "0000", false},
    {Where::procedure, "ABCDE", false},
    {Where::procedure, "J1100F", false},
    // Modifiers: two letters or digits.
    {Where::modifier, "25", true},
    {Where::modifier, "RT", true},
    {Where::modifier, "QW", true},
    {Where::modifier, "59", true},
    {Where::modifier, "F1", true},
    {Where::modifier, "2", false},
    {Where::modifier, "255", false},
    {Where::modifier, "R-", false},
    {Where::modifier, "X!", false},
    // NPIs: 10 digits, the last the Luhn check digit over 80840 and the first nine.
    {Where::npi, "1234567893", true},
    {Where::npi, "1987654328", true},
    {Where::npi, "1167890122", true},
    {Where::npi, "123456789", false},
    {Where::npi, "16900720081", false},
    {Where::npi, "12345678933", false},
    {Where::npi, "1234567890", false},
    {Where::npi, "1987654321", false},
    {Where::npi, "12345A7893", false},
    {Where::npi, "ABCDEFGHIJ", false},
};

INSTANTIATE_TEST_SUITE_P(Table, CodesAgreement, ::testing::ValuesIn(kRows), name_of);

}  // namespace
}  // namespace clearhouse
