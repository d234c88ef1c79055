#include "engine/ack/acknowledgment_files.hpp"

#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "engine/ack/ack_numbers.hpp"
#include "generators/x12_999/implementation_ack_writer.hpp"
#include "generators/x12_999/interchange_ack_writer.hpp"

namespace clearhouse::ack {
namespace {

x12::AckWriteOptions now_options() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  x12::AckWriteOptions o;
  o.date8 = fmt::format("{:04d}{:02d}{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  o.time4 = fmt::format("{:02d}{:02d}", tm.tm_hour, tm.tm_min);
  return o;
}

}  // namespace

AckText build_acknowledgments(const x12::spec::ValidationReport& report, AckKind kind, ledger::Ledger& ledger) {
  AckText out;
  const auto options = now_options();
  if (kind != AckKind::implementation_999) {
    for (const auto& i : report.interchanges) {
      const auto numbers = allocate_ack_numbers(ledger, i.parties, 0);
      out.text += x12::write_ta1(i.parties, i.ta1, numbers, options);
    }
  }
  if (kind != AckKind::interchange_ta1) {
    for (const auto& i : report.interchanges) {
      if (kind == AckKind::both && i.ta1.code == 'R') continue;  // the TA1 rejected it whole
      if (i.groups.empty()) continue;
      const auto numbers = allocate_ack_numbers(ledger, i.parties, i.groups.size());
      std::optional<x12::WriteError> error;
      out.text += x12::write_999(i.parties, i.groups, numbers, options, &error);
      if (error && out.error.empty()) out.error = x12::to_string(*error);
    }
  }
  return out;
}

}  // namespace clearhouse::ack
