#include "engine/command_line/args.hpp"

#include <boost/program_options/options_description.hpp>
#include <boost/program_options/parsers.hpp>
#include <boost/program_options/positional_options.hpp>
#include <boost/program_options/value_semantic.hpp>
#include <fmt/format.h>

#include <sstream>

namespace clearhouse::command_line {
namespace {

namespace po = boost::program_options;
namespace style = po::command_line_style;

// The hidden option the positionals are collected under (never valid as `--arguments`).
constexpr const char* kPositionals = "arguments";
// Every command's; it is parsed here and printed last by describe_options.
constexpr OptionSpec kHelpOption{.name = "help", .short_name = 'h', .takes_value = false,
                                 .description = "print this help and exit"};

void add_option(po::options_description& description, const OptionSpec& spec) {
  std::string names(spec.name);
  if (spec.short_name != 0) names += fmt::format(",{}", spec.short_name);
  std::string text(spec.description);
  if (spec.repeatable) text += " (repeatable)";
  if (spec.takes_value) {
    auto* value = po::value<std::string>();
    value->value_name(spec.value_name.empty() ? std::string("VALUE") : std::string(spec.value_name));
    description.add_options()(names.c_str(), value, text.c_str());
  } else {
    description.add_options()(names.c_str(), new po::untyped_value(true), text.c_str());
  }
}

po::options_description describe(std::span<const OptionSpec> specs) {
  po::options_description description("options");
  for (const auto& spec : specs) add_option(description, spec);
  add_option(description, kHelpOption);
  return description;
}

const OptionSpec* find_spec(std::span<const OptionSpec> specs, std::string_view name) {
  for (const auto& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

// "--format" or "-f" as Boost names it -> our "--format" (the long name, as the table says).
std::string option_label(std::span<const OptionSpec> specs, const std::string& raw) {
  std::string_view bare = raw;
  while (!bare.empty() && bare.front() == '-') bare.remove_prefix(1);
  if (bare.size() == 1)
    for (const auto& s : specs)
      if (s.short_name == bare.front()) return fmt::format("--{}", s.name);
  if (const auto* s = find_spec(specs, bare); s != nullptr) return fmt::format("--{}", s->name);
  return raw;
}

// `token` is one of the table's options (or --help), as given on a command line.
bool names_option(std::span<const OptionSpec> specs, std::string_view token) {
  if (token.starts_with("--")) {
    const auto name = token.substr(2, token.find('=') == std::string_view::npos ? token.npos : token.find('=') - 2);
    return name == kHelpOption.name || find_spec(specs, name) != nullptr;
  }
  if (token.size() == 2 && token[0] == '-') {
    if (token[1] == kHelpOption.short_name) return true;
    for (const auto& s : specs)
      if (s.short_name != 0 && s.short_name == token[1]) return true;
  }
  return false;
}

}  // namespace

Args::Args(const std::vector<std::string>& argv, std::span<const OptionSpec> specs) {
  po::options_description description = describe(specs);
  description.add_options()(kPositionals, po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add(kPositionals, -1);
  po::parsed_options parsed(&description);
  try {
    parsed = po::command_line_parser(argv)
                 .options(description)
                 .positional(positional)
                 // Guessing would take --form for --format: an option is named in full or not at all.
                 .style(style::default_style & ~style::allow_guessing)
                 .run();
  } catch (const po::unknown_option& e) {
    const std::string name = e.get_option_name();
    throw UsageError(fmt::format("unknown option {}", name.substr(0, name.find('='))));
  } catch (const po::invalid_command_line_syntax& e) {
    const std::string name = option_label(specs, e.get_option_name());
    switch (e.kind()) {
      case po::invalid_command_line_syntax::missing_parameter:
      case po::invalid_command_line_syntax::empty_adjacent_parameter:
        throw UsageError(fmt::format("{} needs a value", name));
      case po::invalid_command_line_syntax::extra_parameter:
        throw UsageError(fmt::format("{} takes no value", name));
      default:
        throw UsageError(e.what());
    }
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  for (const auto& option : parsed.options) {
    if (option.string_key == kPositionals) {
      if (option.position_key < 0) throw UsageError(fmt::format("unknown option --{}", kPositionals));
      positionals_.insert(positionals_.end(), option.value.begin(), option.value.end());
      continue;
    }
    if (option.string_key == kHelpOption.name) {
      help_ = true;
      continue;
    }
    const OptionSpec* spec = find_spec(specs, option.string_key);
    if (spec == nullptr) throw UsageError(fmt::format("unknown option --{}", option.string_key));
    // `--format --db x`: the next token names an option of the table, so --format has no value.
    if (spec->takes_value && option.original_tokens.size() == 2 && !option.value.empty() &&
        names_option(specs, option.value.front()))
      throw UsageError(fmt::format("--{} needs a value", spec->name));
    auto& slot = values_[std::string(spec->name)];
    if (!slot.empty() && !spec->repeatable) throw UsageError(fmt::format("--{} given twice", spec->name));
    slot.push_back(option.value.empty() ? std::string() : option.value.front());
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

void Args::expect_positionals(std::size_t min, std::size_t max, std::string_view what) const {
  if (positionals_.size() < min) throw UsageError(fmt::format("missing {}", what));
  if (positionals_.size() > max) throw UsageError(fmt::format("unexpected argument '{}'", positionals_[max]));
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

std::string describe_options(std::span<const OptionSpec> specs) {
  std::ostringstream out;
  out << describe(specs);
  return out.str();
}

}  // namespace clearhouse::command_line
