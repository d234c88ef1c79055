#include "engine/command_line/code_set_options.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace clearhouse::command_line {

codes::CodeLists load_code_sets_for(const Args& args, const char* command, std::span<const codes::CodeKind> checked) {
  codes::CodeLists lists;
  for (const auto& option : args.values("code-set")) {
    std::string error, deprecation;
    if (!codes::add_code_list_option(option, lists, error, deprecation)) throw UsageError(error);
    if (!deprecation.empty()) fmt::print(stderr, "clearhouse {}: warning: {}\n", command, deprecation);
    const auto kind = codes::select_code_kinds(option.substr(0, option.find('=')));
    const bool used = std::any_of(kind->kinds.begin(), kind->kinds.end(), [&](codes::CodeKind k) {
      return std::find(checked.begin(), checked.end(), k) != checked.end();
    });
    if (!used)
      fmt::print(stderr,
                 "clearhouse {}: warning: --code-set {}: {} checks no code of that kind ({}); the list is not used\n",
                 command, option.substr(0, option.find('=')), command, codes::code_kind_label(kind->kinds.front()));
  }
  return lists;
}

}  // namespace clearhouse::command_line
