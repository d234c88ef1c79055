// Codes end to end through the binary: submit takes the CPT categories and HCPCS codes the
// validator takes (and its 837P output validates), validate rejects a bad NPI with an IK4, and
// --code-set has one set of kinds for submit, validate and intake (old names still load, with a
// deprecation warning).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::run_clearhouse;

// One encounter per procedure code (claim ids C1, C2, ...), the code on the first line.
std::string encounters_with(const std::vector<std::string>& procedure_codes) {
  std::string out;
  for (std::size_t i = 0; i < procedure_codes.size(); ++i) {
    std::string json = testing::replaced(testing::sample_encounter_json(), R"("procedure_code":"99213")",
                                         R"("procedure_code":")" + procedure_codes[i] + "\"");
    json = testing::replaced(json, R"("claim_id":"T1001")", fmt::format(R"("claim_id":"C{}")", i + 1));
    out += json + "\n";
  }
  return out;
}

fs::path golden(const std::string& name) { return testing::source_dir() / "tests" / "golden" / "validate" / name; }

TEST(CodeSetsE2eTest, SubmitAcceptsPlaMaaaCategoryTwoThreeAndHcpcsAndItsOutputValidates) {
  const auto dir = testing::scratch_dir("code_sets_e2e_submit");
  const std::vector<std::string> codes = {"0001U", "0359U", "0002M", "3008F", "0042T", "J1100", "G0439"};
  testing::write_file(dir / "in.jsonl", encounters_with(codes));
  const auto r = run_clearhouse({"submit", (dir / "in.jsonl").string(), "--out", (dir / "out").string(), "--db",
                                 "sqlite:" + (dir / "l.db").string(), "--now", "2024-06-30"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  rapidjson::Document s;
  s.Parse(r.out.c_str());
  ASSERT_FALSE(s.HasParseError()) << r.out;
  EXPECT_EQ(s["claims"].GetUint64(), codes.size());
  EXPECT_EQ(s["rejected"].GetUint64(), 0u);
  ASSERT_EQ(s["files"].Size(), 1u);
  const std::string file = s["files"][0].GetString();
  const std::string text = testing::read_file(file);
  for (const auto& code : codes) EXPECT_NE(text.find("SV1*HC:" + code), std::string::npos) << code;
  const auto v = run_clearhouse({"validate", file});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST(CodeSetsE2eTest, ValidateRejectsABadBillingNpiWithAnIk4) {
  for (const auto& [name, npi] : {std::pair{"nm1_85_npi_9_digits", "123456789"}, std::pair{"nm1_85_npi_11_digits", "16900720081"},
                                  std::pair{"nm1_85_npi_check_digit", "1234567890"}}) {
    const auto r = run_clearhouse({"validate", golden(std::string(name) + ".x12").string(), "--ack", "999", "-o", "-"});
    EXPECT_EQ(r.exit_code, 1) << name << r.err;
    std::string ack = r.out;
    std::erase(ack, '\n');
    EXPECT_NE(ack.find(fmt::format("IK3*NM1*7*2010*8~IK4*9*67*7*{}~", npi)), std::string::npos) << name << "\n" << r.out;
    EXPECT_NE(r.out.find("IK5*R*"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("not a valid NPI"), std::string::npos) << r.err;
  }
}

TEST(CodeSetsE2eTest, OneSetOfKindsForSubmitValidateAndIntake) {
  const auto dir = testing::scratch_dir("code_sets_e2e_kinds");
  // 87880, on line 2 of the golden 837P, is on neither list; 99213 is on both.
  testing::write_file(dir / "cpt.txt", "# CPT\n99213 Office visit\n36415\n");
  testing::write_file(dir / "carc.txt", "45\n");
  const std::string claim = golden("valid_837p.x12").string();
  const std::string cpt = "cpt=" + (dir / "cpt.txt").string();

  // validate: unknown codes warn, or reject with --strict-code-sets.
  const auto warned = run_clearhouse({"validate", claim, "--code-set", cpt});
  EXPECT_EQ(warned.exit_code, 1) << warned.out << warned.err;
  EXPECT_NE(warned.out.find("CPT procedure code not in the cpt code set"), std::string::npos) << warned.out;
  EXPECT_NE(warned.out.find(": accepted_with_errors: 1 transaction sets"), std::string::npos) << warned.out;
  const auto strict = run_clearhouse({"validate", claim, "--code-set", cpt, "--strict-code-sets"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.out.find(": rejected: 1 transaction sets"), std::string::npos) << strict.out;

  // The old name still loads the same list, consulted for CPT and HCPCS codes, with a warning.
  const auto old = run_clearhouse({"validate", claim, "--code-set", "procedure=" + (dir / "cpt.txt").string()});
  EXPECT_EQ(old.exit_code, 1);
  EXPECT_NE(old.out.find("CPT procedure code not in the cpt code set"), std::string::npos) << old.out;
  EXPECT_NE(old.err.find("warning: --code-set procedure=FILE is deprecated: use cpt=FILE and hcpcs=FILE"),
            std::string::npos)
      << old.err;

  // submit: the same kind name, a code not on the list is a rejection.
  testing::write_file(dir / "in.jsonl", encounters_with({"99213"}));
  auto in = (dir / "in.jsonl").string();
  const auto listed = run_clearhouse({"submit", in, "--out", (dir / "o1").string(), "--db", "sqlite:" + (dir / "l1.db").string(),
                                      "--now", "2024-06-30", "--code-set", cpt, "--code-set",
                                      "carc=" + (dir / "carc.txt").string()});
  EXPECT_EQ(listed.exit_code, 0) << listed.out << listed.err;
  EXPECT_NE(listed.err.find("--code-set carc: submit checks no code of that kind"), std::string::npos) << listed.err;
  testing::write_file(dir / "other.jsonl", encounters_with({"99214"}));
  const auto unlisted = run_clearhouse({"submit", (dir / "other.jsonl").string(), "--out", (dir / "o2").string(), "--db",
                                        "sqlite:" + (dir / "l2.db").string(), "--now", "2024-06-30", "--code-set", cpt});
  EXPECT_EQ(unlisted.exit_code, 1) << unlisted.out << unlisted.err;
  EXPECT_NE(testing::read_file(dir / "o2" / "rejections.jsonl").find("unknown_procedure_code"), std::string::npos);

  // Unknown kinds and bad files are usage errors everywhere, with the kinds named.
  for (const char* command : {"submit", "validate", "intake"}) {
    std::vector<std::string> args = {command, command == std::string("submit") ? in : claim, "--code-set", "loinc=x"};
    if (command != std::string("validate")) args.insert(args.end(), {"--out", (dir / "o3").string()});
    const auto bad = run_clearhouse(args);
    EXPECT_EQ(bad.exit_code, 2) << command;
    EXPECT_NE(bad.err.find("icd10cm, icd9cm, cpt, hcpcs, modifier, pos, carc, rarc, stc_category, stc_status or entity"), std::string::npos)
        << command << ": " << bad.err;
  }
  testing::write_file(dir / "bad.txt", "99213\nJ1100\n");
  const auto wrong = run_clearhouse({"validate", claim, "--code-set", "cpt=" + (dir / "bad.txt").string()});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("bad.txt:2: 'J1100' is not a valid CPT procedure code"), std::string::npos) << wrong.err;
}

}  // namespace
}  // namespace clearhouse
