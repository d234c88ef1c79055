#include "engine/codes/code_lists.hpp"

#include <fmt/format.h>

#include <fstream>

#include "engine/codes/code_formats.hpp"

namespace clearhouse::codes {

std::vector<std::string> CodeLists::missing_warnings(std::span<const CodeKind> kinds) const {
  std::vector<std::string> out;
  for (CodeKind kind : kinds)
    if (!of(kind))
      out.push_back(fmt::format("no {} code set given (--code-set {}=FILE): those codes were checked by format only",
                                code_kind_name(kind), code_kind_name(kind)));
  return out;
}

std::optional<CodeList> load_code_list(std::span<const CodeKind> kinds, const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot read code set file {}", path);
    return std::nullopt;
  }
  if (kinds.empty()) {
    error = fmt::format("code set file {}: no kind of code given", path);
    return std::nullopt;
  }
  CodeList list;
  std::string line, code;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    std::string_view v(line);
    if (number == 1 && v.substr(0, 3) == "\xEF\xBB\xBF") v.remove_prefix(3);  // a UTF-8 byte order mark
    const auto start = v.find_first_not_of(" \t\r");
    if (start == std::string_view::npos || v[start] == '#') continue;
    v.remove_prefix(start);
    code.assign(v.substr(0, v.find_first_of(" \t\r,|")));
    normalize_code(kinds.front(), code);
    bool ok = false;
    for (CodeKind kind : kinds) ok = ok || matches_format(kind, code);
    if (!ok) {
      std::string expected;
      for (CodeKind kind : kinds)
        expected += fmt::format("{}{} code ({})", expected.empty() ? "" : " or ", code_kind_label(kind),
                                expected_format(kind));
      error = fmt::format("{}:{}: '{}' is not a valid {} (lines starting with '#' are comments)", path, number,
                          code.substr(0, 40), expected);
      return std::nullopt;
    }
    list.add(code);
  }
  if (in.bad()) {
    error = fmt::format("cannot read code set file {}", path);
    return std::nullopt;
  }
  if (list.size() == 0) {
    error = fmt::format("code set file {} holds no code", path);
    return std::nullopt;
  }
  return list;
}

bool add_code_list_option(std::string_view option, CodeLists& lists, std::string& error, std::string& deprecation) {
  deprecation.clear();
  const auto eq = option.find('=');
  const auto selection = eq == std::string_view::npos ? std::nullopt : select_code_kinds(option.substr(0, eq));
  if (!selection || eq + 1 == option.size()) {
    error = fmt::format("--code-set expects KIND=FILE with KIND {}, got '{}'", code_kind_names(), option);
    return false;
  }
  auto list = load_code_list(selection->kinds, std::string(option.substr(eq + 1)), error);
  if (!list) return false;
  for (CodeKind kind : selection->kinds) lists.of(kind) = *list;
  if (!selection->replacement.empty())
    deprecation = fmt::format("--code-set {}=FILE is deprecated: use {}", option.substr(0, eq), selection->replacement);
  return true;
}

}  // namespace clearhouse::codes
