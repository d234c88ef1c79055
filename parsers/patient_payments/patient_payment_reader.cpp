#include "parsers/patient_payments/patient_payment_reader.hpp"

#include <boost/tokenizer.hpp>
#include <fmt/format.h>

#include <array>
#include <optional>
#include <sstream>

#include "parsers/x12/grammar/value_grammar.hpp"

namespace clearhouse::patient_payments {

namespace {

enum Column { kDate, kClaim, kAmount, kMethod, kReference, kAccount, kColumns };
constexpr std::array<std::string_view, kColumns> kNames = {"date", "claim_id", "amount", "method", "reference", "account"};
constexpr int kRequired = 5;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Fields of one line, or an error message.
bool split(const std::string& line, std::vector<std::string>& fields, std::string& error) {
  using Separator = boost::escaped_list_separator<char>;
  fields.clear();
  // The tokenizer takes a quote left open to the end of the line; a payments row never means one.
  bool open = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') ++i;
    else if (line[i] == '"') open = !open;
  }
  if (open) {
    error = "not CSV: a quote is not closed";
    return false;
  }
  try {
    boost::tokenizer<Separator> tokens(line, Separator('\\', ',', '"'));
    for (const auto& t : tokens) fields.emplace_back(trimmed(t));
  } catch (const boost::escaped_list_error& e) {
    error = fmt::format("not CSV: {}", e.what());
    return false;
  }
  return true;
}

// Shortens a field quoted in an error (no row is echoed whole).
std::string shown(std::string_view s) {
  return s.size() <= 24 ? std::string(s) : std::string(s.substr(0, 24)) + "...";
}

// A header: a first row whose first field is "date", or whose fields all name columns.
bool is_header(const std::vector<std::string>& fields) {
  if (fields.empty()) return false;
  if (lower(fields[0]) == "date") return true;
  for (const auto& f : fields) {
    bool known = false;
    for (auto name : kNames) known = known || lower(f) == name;
    if (!known) return false;
  }
  return true;
}

std::optional<model::Date> date_of(std::string_view text) {
  if (auto d = model::Date::parse_iso(text)) return d;
  return model::Date::parse_ccyymmdd(text);
}

}  // namespace

PaymentsRead read_patient_payments(std::istream& in) {
  PaymentsRead out;
  std::array<int, kColumns> position = {0, 1, 2, 3, 4, 5};
  std::string line;
  std::vector<std::string> fields;
  int number = 0;
  bool first = true;
  while (std::getline(in, line)) {
    ++number;
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a UTF-8 byte order mark
    if (trimmed(line).empty()) continue;
    std::string error;
    const bool split_ok = split(line, fields, error);
    if (first) {
      first = false;
      if (split_ok && is_header(fields)) {
        out.header = true;
        position.fill(-1);
        bool ok = true;
        for (std::size_t i = 0; i < fields.size(); ++i) {
          const std::string name = lower(fields[i]);
          bool known = false;
          for (int c = 0; c < kColumns; ++c)
            if (kNames[c] == name) {
              known = true;
              if (position[c] >= 0) {
                out.errors.push_back({number, fmt::format("header: column '{}' twice", name)});
                ok = false;
              }
              position[c] = static_cast<int>(i);
            }
          if (!known) {
            out.errors.push_back({number, fmt::format("header: unknown column '{}'", shown(fields[i]))});
            ok = false;
          }
        }
        for (int c = 0; c < kRequired; ++c)
          if (position[c] < 0) {
            out.errors.push_back({number, fmt::format("header: no '{}' column", kNames[c])});
            ok = false;
          }
        if (!ok) return out;  // without its columns no row can be read
        continue;
      }
    }
    ++out.rows;
    if (!split_ok) {
      out.errors.push_back({number, error});
      continue;
    }
    const std::size_t expected = out.header ? std::size(kNames) - (position[kAccount] < 0 ? 1 : 0) : 0;
    if (out.header ? fields.size() != expected : (fields.size() != 5 && fields.size() != 6)) {
      out.errors.push_back({number, out.header ? fmt::format("{} fields, expected {}", fields.size(), expected)
                                               : fmt::format("{} fields, expected 5 (date,claim_id,amount,method,"
                                                             "reference) or 6 (and account)",
                                                             fields.size())});
      continue;
    }
    auto field = [&](Column c) -> std::string_view {
      const int p = position[c];
      return p >= 0 && static_cast<std::size_t>(p) < fields.size() ? std::string_view(fields[p]) : std::string_view{};
    };
    model::PatientPayment p;
    p.line = number;
    std::vector<std::string> problems;
    if (const auto d = date_of(field(kDate))) p.date = *d;
    else problems.push_back(fmt::format("date '{}' is not a date (YYYY-MM-DD)", shown(field(kDate))));
    p.claim_id = std::string(field(kClaim));
    p.account = std::string(field(kAccount));
    if (const auto m = x12::grammar::parse_amount(field(kAmount))) p.amount = *m;
    else problems.push_back(fmt::format("amount '{}' is not money (e.g. 125.50)", shown(field(kAmount))));
    if (const auto m = model::payment_method_from_string(field(kMethod))) p.method = *m;
    else
      problems.push_back(fmt::format("method '{}' is not one of cash, check, card, ach, money_order", shown(field(kMethod))));
    p.reference = std::string(field(kReference));
    if (p.reference.empty()) problems.push_back("no reference (each payment needs its own)");
    if (problems.empty()) {
      if (p.amount.is_zero()) problems.push_back("amount is zero");
      else if (p.is_reversal() && p.reversed_reference().empty())
        problems.push_back(fmt::format("negative amount without a reversal reference ('{}ORIGINAL')",
                                       model::kReversalReferencePrefix));
      else if (!p.is_reversal() && !p.reversed_reference().empty())
        problems.push_back("a reversal reference needs a negative amount");
    }
    if (problems.empty()) {
      out.payments.push_back(std::move(p));
    } else {
      std::string message = problems[0];
      for (std::size_t i = 1; i < problems.size(); ++i) message += "; " + problems[i];
      out.errors.push_back({number, std::move(message)});
    }
  }
  return out;
}

PaymentsRead read_patient_payments(std::string_view text) {
  std::istringstream in{std::string(text)};
  return read_patient_payments(in);
}

}  // namespace clearhouse::patient_payments
