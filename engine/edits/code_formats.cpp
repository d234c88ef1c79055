#include "engine/edits/code_formats.hpp"

namespace clearhouse::edits {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum_upper(char c) { return is_digit(c) || is_upper(c); }

}  // namespace

bool is_icd10cm_format(std::string_view code) {
  if (code.size() < 3 || code.size() > 7) return false;
  if (!is_upper(code[0]) || !is_digit(code[1]) || !is_alnum_upper(code[2])) return false;
  for (std::size_t i = 3; i < code.size(); ++i)
    if (!is_alnum_upper(code[i])) return false;
  return true;
}

std::string normalize_icd10cm(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  for (char c : code) {
    if (c == '.') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

bool is_cpt_format(std::string_view code) {
  if (code.size() != 5) return false;
  for (int i = 0; i < 4; ++i)
    if (!is_digit(code[static_cast<std::size_t>(i)])) return false;
  return is_digit(code[4]) || code[4] == 'F' || code[4] == 'T';
}

bool is_hcpcs_format(std::string_view code) {
  if (code.size() != 5 || !is_upper(code[0])) return false;
  for (int i = 1; i < 5; ++i)
    if (!is_digit(code[static_cast<std::size_t>(i)])) return false;
  return true;
}

bool is_modifier_format(std::string_view code) {
  return code.size() == 2 && is_alnum_upper(code[0]) && is_alnum_upper(code[1]);
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

}  // namespace clearhouse::edits
