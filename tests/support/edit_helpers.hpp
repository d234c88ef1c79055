#pragma once
// Runs one encounter JSON line through the reader, party resolution and the claim edits, as a
// submit run would, for the edit tests.

#include <gtest/gtest.h>

#include <string>

#include "engine/edits/claim_edits.hpp"
#include "engine/submit/party_resolution.hpp"
#include "parsers/encounter/encounter_reader.hpp"

namespace clearhouse::testing {

inline edits::EditOutcome edit_json(const std::string& json, edits::ClaimEditor& editor) {
  model::Encounter e;
  std::vector<model::Rejection> problems;
  encounter::parse_encounter_text(json, 1, e, problems);
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems[0].field + ": " + problems[0].code);
  submit::resolve_parties(e, submit::SubmitOptions{});
  return editor.edit(std::move(e));
}

inline edits::EditContext test_context(const codes::CodeLists* sets = nullptr) {
  edits::EditContext c;
  c.today = model::Date{2024, 6, 30};
  c.code_sets = sets;
  return c;
}

inline std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << "fixture lacks: " << from;
  if (pos == std::string::npos) return s;
  return s.replace(pos, from.size(), to);
}

}  // namespace clearhouse::testing
