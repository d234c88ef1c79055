#include "engine/command_line/args.hpp"

#include <fmt/format.h>

namespace clearhouse::command_line {

Args::Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  auto find_long = [&](std::string_view name) -> const OptionSpec* {
    for (const auto& s : specs)
      if (s.name == name) return &s;
    return nullptr;
  };
  auto find_short = [&](char c) -> const OptionSpec* {
    for (const auto& s : specs)
      if (s.short_name != 0 && s.short_name == c) return &s;
    return nullptr;
  };
  bool options_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (options_done || a == "-" || a.size() < 2 || a[0] != '-') {
      positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    std::optional<std::string> inline_value;
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      if (auto eq = name.find('='); eq != std::string::npos) {
        inline_value = name.substr(eq + 1);
        name.resize(eq);
      }
      spec = find_long(name);
      if (spec == nullptr) throw UsageError(fmt::format("unknown option --{}", name));
    } else {
      if (a.size() != 2) throw UsageError(fmt::format("unknown option {}", a));
      spec = find_short(a[1]);
      if (spec == nullptr) throw UsageError(fmt::format("unknown option {}", a));
    }
    auto& slot = values_[spec->name];
    if (!slot.empty() && !spec->repeatable) throw UsageError(fmt::format("--{} given twice", spec->name));
    if (spec->takes_value) {
      if (inline_value) {
        slot.push_back(*inline_value);
      } else {
        if (i + 1 >= argv.size()) throw UsageError(fmt::format("--{} needs a value", spec->name));
        slot.push_back(argv[++i]);
      }
    } else {
      if (inline_value) throw UsageError(fmt::format("--{} takes no value", spec->name));
      slot.push_back("");
    }
  }
}

std::optional<std::string> Args::value(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string Args::value_or(std::string_view name, std::string fallback) const {
  auto v = value(name);
  return v ? *v : std::move(fallback);
}

std::vector<std::string> Args::values(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

void Args::expect_positionals(std::size_t min, std::size_t max, const std::string& usage) const {
  if (positionals_.size() < min || positionals_.size() > max) throw UsageError(usage);
}

std::string Args::choice(std::string_view name, const std::vector<std::string>& choices, std::string fallback) const {
  auto v = value(name);
  if (!v) return fallback;
  for (const auto& c : choices)
    if (c == *v) return *v;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : "|") + c;
  throw UsageError(fmt::format("--{} must be one of {} (got '{}')", name, list, *v));
}

}  // namespace clearhouse::command_line
