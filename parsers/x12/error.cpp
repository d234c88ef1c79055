#include "parsers/x12/error.hpp"

#include <fmt/format.h>

#include "parsers/x12/delimiters.hpp"

namespace clearhouse::x12 {

std::string_view to_string(X12Errc code) {
  switch (code) {
    case X12Errc::no_isa: return "no_isa";
    case X12Errc::isa_truncated: return "isa_truncated";
    case X12Errc::isa_bad_delimiters: return "isa_bad_delimiters";
    case X12Errc::isa_field_width: return "isa_field_width";
    case X12Errc::isa_invalid_field: return "isa_invalid_field";
    case X12Errc::bad_encoding: return "bad_encoding";
    case X12Errc::byte_order_mark: return "byte_order_mark";
    case X12Errc::text_before_isa: return "text_before_isa";
    case X12Errc::bad_segment_id: return "bad_segment_id";
    case X12Errc::segment_too_long: return "segment_too_long";
    case X12Errc::missing_terminator: return "missing_terminator";
    case X12Errc::segment_outside_envelope: return "segment_outside_envelope";
    case X12Errc::header_before_trailer: return "header_before_trailer";
    case X12Errc::trailer_without_header: return "trailer_without_header";
    case X12Errc::missing_trailer: return "missing_trailer";
    case X12Errc::control_number_mismatch: return "control_number_mismatch";
    case X12Errc::count_mismatch: return "count_mismatch";
    case X12Errc::duplicate_control_number: return "duplicate_control_number";
    case X12Errc::ta1_counted_as_group: return "ta1_counted_as_group";
    case X12Errc::terminator_convention: return "terminator_convention";
    case X12Errc::invalid_value: return "invalid_value";
    case X12Errc::missing_element: return "missing_element";
    case X12Errc::io_error: return "io_error";
  }
  return "unknown";
}

std::string X12Error::location() const {
  if (segment == 0) return fmt::format("byte {}", offset);
  std::string out = fmt::format("segment {}", segment);
  if (!segment_id.empty()) {
    out += " / ";
    out += segment_id;
    if (element > 0) out += fmt::format("{:02d}", element);
    if (component > 0) out += fmt::format("-{}", component);
  }
  return out;
}

std::string X12Error::message() const {
  std::string out = location();
  out += segment == 0 ? std::string(": ") : fmt::format(" (byte {}): ", offset);
  out += detail.empty() ? std::string(to_string(code)) : detail;
  if (!expected.empty() || !found.empty()) {
    out += ": expected ";
    out += expected.empty() ? "-" : expected;
    out += ", found ";
    out += found.empty() ? "-" : found;
  }
  return out;
}

void Diagnostics::report(X12Error e) {
  if (e.severity == Severity::error) {
    ++error_total_;
    if (errors_.size() < limit_) errors_.push_back(std::move(e));
  } else {
    ++warning_total_;
    if (warnings_.size() < limit_) warnings_.push_back(std::move(e));
  }
}

std::string printable_excerpt(std::string_view raw, std::size_t max_chars) {
  std::string out;
  for (char c : raw) {
    if (out.size() >= max_chars) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7F) out.push_back(c);
    else out += Delimiters::describe(c == ' ' ? ' ' : c);
  }
  return out;
}

}  // namespace clearhouse::x12
