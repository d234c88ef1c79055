#include "engine/codes/code_formats.hpp"

#include <algorithm>

namespace clearhouse::codes {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool upper_or_digit(char c) { return digit(c) || upper(c); }

bool all_of(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }

// CPT's last character: a digit (Category I), A (Category I vaccine administration, 0001A...),
// F (Category II), T (Category III), U (PLA) or M (MAAA).
bool cpt_suffix(char c) { return digit(c) || c == 'A' || c == 'F' || c == 'T' || c == 'U' || c == 'M'; }

}  // namespace

bool is_icd10cm_format(std::string_view c) {
  return c.size() >= 3 && c.size() <= 7 && upper(c[0]) && digit(c[1]) && all_of(c.substr(2), upper_or_digit);
}

bool is_icd9cm_format(std::string_view c) {
  if (c.empty()) return false;
  if (c[0] == 'V') return c.size() >= 3 && c.size() <= 5 && all_of(c.substr(1), digit);
  if (c[0] == 'E') return c.size() >= 4 && c.size() <= 5 && all_of(c.substr(1), digit);
  return c.size() >= 3 && c.size() <= 5 && all_of(c, digit);
}

bool is_cpt_format(std::string_view c) { return c.size() == 5 && all_of(c.substr(0, 4), digit) && cpt_suffix(c[4]); }

bool is_hcpcs_format(std::string_view c) { return c.size() == 5 && upper(c[0]) && all_of(c.substr(1), digit); }

bool is_modifier_format(std::string_view c) { return c.size() == 2 && upper_or_digit(c[0]) && upper_or_digit(c[1]); }

bool is_place_of_service_format(std::string_view c) { return c.size() == 2 && digit(c[0]) && digit(c[1]); }

bool is_carc_format(std::string_view c) { return !c.empty() && c.size() <= 3 && all_of(c, upper_or_digit); }

bool is_rarc_format(std::string_view c) {
  std::size_t letters = 0;
  while (letters < c.size() && upper(c[letters])) ++letters;
  const std::size_t digits = c.size() - letters;
  return letters >= 1 && letters <= 2 && digits >= 1 && digits <= 4 && all_of(c.substr(letters), digit);
}

bool is_claim_status_category_format(std::string_view c) {
  return c.size() >= 2 && c.size() <= 4 && upper(c[0]) && all_of(c.substr(1), upper_or_digit);
}

bool is_claim_status_format(std::string_view c) { return !c.empty() && c.size() <= 4 && all_of(c, digit); }

bool is_entity_format(std::string_view c) { return c.size() >= 2 && c.size() <= 3 && all_of(c, upper_or_digit); }

bool matches_format(CodeKind kind, std::string_view code) {
  switch (kind) {
    case CodeKind::icd10cm: return is_icd10cm_format(code);
    case CodeKind::icd9cm: return is_icd9cm_format(code);
    case CodeKind::cpt: return is_cpt_format(code);
    case CodeKind::hcpcs: return is_hcpcs_format(code);
    case CodeKind::modifier: return is_modifier_format(code);
    case CodeKind::pos: return is_place_of_service_format(code);
    case CodeKind::carc: return is_carc_format(code);
    case CodeKind::rarc: return is_rarc_format(code);
    case CodeKind::claim_status_category: return is_claim_status_category_format(code);
    case CodeKind::claim_status: return is_claim_status_format(code);
    case CodeKind::entity: return is_entity_format(code);
  }
  return false;
}

std::optional<CodeKind> procedure_code_kind(std::string_view code) {
  if (code.size() != 5) return std::nullopt;
  if (is_cpt_format(code)) return CodeKind::cpt;
  if (is_hcpcs_format(code)) return CodeKind::hcpcs;
  return std::nullopt;
}

std::string_view expected_format(CodeKind kind) {
  switch (kind) {
    case CodeKind::icd10cm: return "a letter, a digit, a letter or digit, then up to 4 more, without the dot";
    case CodeKind::icd9cm: return "3-5 digits, V and 2-4 digits, or E and 3-4 digits, without the dot";
    case CodeKind::cpt: return "5 digits, or 4 digits and A, F, T, U or M";
    case CodeKind::hcpcs: return "a letter and 4 digits";
    case CodeKind::modifier: return "2 letters or digits";
    case CodeKind::pos: return "2 digits";
    case CodeKind::carc: return "1-3 letters or digits";
    case CodeKind::rarc: return "1-2 letters and 1-4 digits";
    case CodeKind::claim_status_category: return "a letter and 1-3 letters or digits";
    case CodeKind::claim_status: return "1-4 digits";
    case CodeKind::entity: return "2-3 letters or digits";
  }
  return "";
}

std::string_view expected_procedure_format() {
  return "CPT (5 digits, or 4 digits and A, F, T, U or M) or HCPCS Level II (a letter and 4 digits)";
}

void normalize_code(CodeKind kind, std::string& code) {
  if (is_diagnosis(kind) && code.find('.') != std::string::npos)
    code.erase(std::remove(code.begin(), code.end(), '.'), code.end());
  for (char& c : code)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
}

std::string normalized_code(CodeKind kind, std::string_view code) {
  std::string out(code);
  normalize_code(kind, out);
  return out;
}

}  // namespace clearhouse::codes
