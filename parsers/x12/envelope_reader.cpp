#include "parsers/x12/envelope_reader.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>

#include <charconv>

namespace clearhouse::x12 {
namespace {

std::optional<std::uint64_t> to_count(std::string_view text) {
  std::uint64_t v = 0;
  if (text.empty()) return std::nullopt;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

EnvelopeReader::EnvelopeReader(SegmentReader& segments, Diagnostics& diagnostics)
    : segments_(&segments), diagnostics_(diagnostics) {}

EnvelopeContext EnvelopeReader::context() const {
  return EnvelopeContext{in_interchange_, in_group_, interchange_control_, group_};
}

void EnvelopeReader::resume(const EnvelopeContext& context) {
  in_interchange_ = context.in_interchange;
  in_group_ = context.in_group;
  in_transaction_ = false;
  interchange_control_ = context.interchange_control;
  group_ = context.group;
}

bool EnvelopeReader::can_add(const TransactionSetsRead& sets) const {
  if (!in_group_ || in_transaction_) return false;
  for (const auto& n : sets.control_numbers)
    if (transaction_numbers_in_group_.count(n) != 0) return false;
  return true;
}

void EnvelopeReader::add(const TransactionSetsRead& sets) {
  if (sets.control_numbers.empty()) return;
  counts_.segments += sets.segments;
  counts_.transactions += sets.control_numbers.size();
  transactions_in_group_ += sets.control_numbers.size();
  for (const auto& n : sets.control_numbers) transaction_numbers_in_group_.insert(n);
  transaction_ = sets.last;
  transaction_segments_ = sets.last_segments;
  transaction_envelope_error_ = false;
  role_ = SegmentRole::transaction_trailer;
}

void EnvelopeReader::error(X12Errc code, int element, std::string detail, std::string expected, std::string found,
                           Severity severity) {
  const Segment& s = segment();
  X12Error e;
  e.code = code;
  e.severity = severity;
  e.offset = s.offset();
  e.segment = s.ordinal();
  e.segment_id = printable_excerpt(s.id(), 4);
  e.element = element;
  e.detail = std::move(detail);
  e.expected = std::move(expected);
  e.found = std::move(found);
  diagnostics_.report(std::move(e));
}

namespace {

// Which bytes may start (upper-case letter) or continue (letter or digit) a segment id.
constexpr std::array<std::uint8_t, 256> kIdBytes = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = 3;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = 2;
  return t;
}();

// The ids the envelope itself reads; every other segment inside a transaction set is its body.
constexpr bool is_envelope_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 3) return false;
  switch (segment_key(id)) {
    case segment_key("IEA"):
    case segment_key("GS"):
    case segment_key("GE"):
    case segment_key("ST"):
    case segment_key("SE"):
    case segment_key("TA1"): return true;
    default: return false;
  }
}

}  // namespace

bool EnvelopeReader::valid_segment_id(std::string_view id) const {
  if (id.size() < 2 || id.size() > 3) return false;
  const auto byte = [&](std::size_t i) { return kIdBytes[static_cast<unsigned char>(id[i])]; };
  return (byte(0) & 1) && byte(1) && (id.size() == 2 || byte(2));
}

bool EnvelopeReader::next() {
  if (finished_) return false;
  if (!segments_->next()) [[unlikely]] {
    if (!final_) return false;
    finish();
    finished_ = true;
    return false;
  }
  ++counts_.segments;
  // Most segments are well-formed transaction bodies: settled here, in a function small enough
  // to need no stack frame; everything else (errors, envelope segments) by classify().
  const std::string_view id = segment().id();
  if (in_transaction_ && !segments_->is_isa() && valid_segment_id(id) && !is_envelope_id(id)) [[likely]] {
    ++transaction_segments_;
    role_ = SegmentRole::transaction_body;
    return true;
  }
  return classify();
}

bool EnvelopeReader::classify() {
  const Segment& s = segment();
  if (segments_->is_isa()) {
    open_interchange();
    role_ = SegmentRole::interchange_header;
    return true;
  }
  const std::string_view id = s.id();
  if (!valid_segment_id(id)) {
    error(X12Errc::bad_segment_id, 0, "bad segment id", "2-3 upper-case letters/digits",
          id.empty() ? std::string("empty id") : fmt::format("'{}'", printable_excerpt(id, 4)));
  }
  // Most segments are transaction bodies, settled by one switch.
  if (in_transaction_ && !is_envelope_id(id)) {
    ++transaction_segments_;
    role_ = SegmentRole::transaction_body;
    return true;
  }
  if (id == "IEA") {
    if (!in_interchange_) {
      error(X12Errc::trailer_without_header, 0, "IEA without ISA", "ISA before IEA", "IEA");
      role_ = SegmentRole::stray;
      return true;
    }
    if (in_transaction_) close_transaction(false);
    if (in_group_) close_group(false);
    close_interchange(true);
    role_ = SegmentRole::interchange_trailer;
  } else if (id == "GS") {
    if (!in_interchange_) {
      error(X12Errc::segment_outside_envelope, 0, "GS outside any interchange", "ISA before GS", "GS");
      role_ = SegmentRole::stray;
      return true;
    }
    if (in_transaction_) close_transaction(false);
    if (in_group_) {
      error(X12Errc::header_before_trailer, 0, fmt::format("GS before the GE of group {}", group_.control_number),
            "GE", "GS");
      close_group(false);
    }
    open_group();
    role_ = SegmentRole::group_header;
  } else if (id == "GE") {
    if (!in_group_) {
      error(X12Errc::trailer_without_header, 0, "GE without GS", "GS before GE", "GE");
      role_ = SegmentRole::stray;
      return true;
    }
    if (in_transaction_) close_transaction(false);
    close_group(true);
    role_ = SegmentRole::group_trailer;
  } else if (id == "ST") {
    if (!in_group_) {
      error(X12Errc::segment_outside_envelope, 0,
            in_interchange_ ? "ST outside any functional group" : "ST outside any interchange", "GS before ST", "ST");
      role_ = SegmentRole::stray;
      return true;
    }
    if (in_transaction_) {
      error(X12Errc::header_before_trailer, 0,
            fmt::format("ST before the SE of transaction set {}", transaction_.control_number), "SE", "ST");
      close_transaction(false);
    }
    open_transaction();
    role_ = SegmentRole::transaction_header;
  } else if (id == "SE") {
    if (!in_transaction_) {
      error(X12Errc::trailer_without_header, 0, "SE without ST", "ST before SE", "SE");
      role_ = SegmentRole::stray;
      return true;
    }
    ++transaction_segments_;
    close_transaction(true);
    role_ = SegmentRole::transaction_trailer;
  } else if (in_transaction_) {
    ++transaction_segments_;
    role_ = SegmentRole::transaction_body;
  } else if (id == "TA1" && in_interchange_ && !in_group_) {
    ++ta1_in_interchange_;
    role_ = SegmentRole::interchange_ack;
  } else {
    const char* where = !in_interchange_ ? "outside any interchange"
                        : !in_group_     ? "outside any functional group"
                                         : "outside any transaction set";
    error(X12Errc::segment_outside_envelope, 0, fmt::format("segment {}", where), "a segment inside ST..SE",
          printable_excerpt(id, 4));
    role_ = SegmentRole::stray;
  }
  return true;
}

void EnvelopeReader::open_interchange() {
  if (in_interchange_) {
    if (in_transaction_) close_transaction(false);
    if (in_group_) close_group(false);
    error(X12Errc::header_before_trailer, 0,
          fmt::format("ISA before the IEA of interchange {}", interchange_control_), "IEA", "ISA");
    close_interchange(false);
  }
  in_interchange_ = true;
  interchange_control_ = std::string(segments_->interchange().control_number());
  interchange_ordinal_ = segment().ordinal();
  interchange_offset_ = segment().offset();
  groups_in_interchange_ = 0;
  ta1_in_interchange_ = 0;
  ++counts_.interchanges;
}

void EnvelopeReader::close_interchange(bool at_trailer) {
  in_interchange_ = false;
  if (!at_trailer) return;
  const Segment& s = segment();
  if (s[2] != interchange_control_) {
    error(X12Errc::control_number_mismatch, 2, "IEA02 must equal ISA13", interchange_control_,
          printable_excerpt(s[2], 12));
  }
  const auto n = to_count(s[1]);
  if (n && *n == groups_in_interchange_) return;
  if (n && groups_in_interchange_ == 0 && ta1_in_interchange_ != 0 && *n == ta1_in_interchange_) {
    error(X12Errc::ta1_counted_as_group, 1, "IEA01 counts TA1 segments; X12 counts functional groups",
          std::to_string(groups_in_interchange_), printable_excerpt(s[1], 12), Severity::warning);
    return;
  }
  error(n ? X12Errc::count_mismatch : X12Errc::invalid_value, 1, "IEA01 number of functional groups",
        std::to_string(groups_in_interchange_), printable_excerpt(s[1], 12));
}

void EnvelopeReader::open_group() {
  const Segment& s = segment();
  in_group_ = true;
  group_.functional_id = std::string(s[1]);
  group_.sender = std::string(s[2]);
  group_.receiver = std::string(s[3]);
  group_.date = std::string(s[4]);
  group_.time = std::string(s[5]);
  group_.control_number = std::string(s[6]);
  group_.version = std::string(s[8]);
  group_ordinal_ = s.ordinal();
  group_offset_ = s.offset();
  transactions_in_group_ = 0;
  transaction_numbers_in_group_.clear();
  ++groups_in_interchange_;
  ++counts_.groups;
}

void EnvelopeReader::close_group(bool at_trailer) {
  in_group_ = false;
  if (!at_trailer) {
    error(X12Errc::missing_trailer, 0, fmt::format("group {} has no GE", group_.control_number), "GE",
          printable_excerpt(segment().id(), 4));
    return;
  }
  const Segment& s = segment();
  if (s[2] != group_.control_number) {
    error(X12Errc::control_number_mismatch, 2, "GE02 must equal GS06", group_.control_number,
          printable_excerpt(s[2], 12));
  }
  const auto n = to_count(s[1]);
  if (!n || *n != transactions_in_group_) {
    error(n ? X12Errc::count_mismatch : X12Errc::invalid_value, 1, "GE01 number of transaction sets",
          std::to_string(transactions_in_group_), printable_excerpt(s[1], 12));
  }
}

void EnvelopeReader::open_transaction() {
  const Segment& s = segment();
  in_transaction_ = true;
  transaction_.type = std::string(s[1]);
  transaction_.control_number = std::string(s[2]);
  transaction_.implementation = std::string(s[3]);
  transaction_.offset = s.offset();
  transaction_.ordinal = s.ordinal();
  transaction_segments_ = 1;
  transaction_envelope_error_ = false;
  ++transactions_in_group_;
  ++counts_.transactions;
  if (!transaction_numbers_in_group_.insert(transaction_.control_number).second) {
    error(X12Errc::duplicate_control_number, 2,
          fmt::format("ST02 {} is used twice in group {}", transaction_.control_number, group_.control_number),
          "a control number unique in the group", printable_excerpt(s[2], 12));
  }
}

void EnvelopeReader::close_transaction(bool at_trailer) {
  in_transaction_ = false;
  if (!at_trailer) {
    transaction_envelope_error_ = true;
    error(X12Errc::missing_trailer, 0, fmt::format("transaction set {} has no SE", transaction_.control_number),
          "SE", printable_excerpt(segment().id(), 4));
    return;
  }
  const Segment& s = segment();
  if (s[2] != transaction_.control_number) {
    transaction_envelope_error_ = true;
    error(X12Errc::control_number_mismatch, 2, "SE02 must equal ST02", transaction_.control_number,
          printable_excerpt(s[2], 12));
  }
  const auto n = to_count(s[1]);
  if (!n || *n != transaction_segments_) {
    transaction_envelope_error_ = true;
    error(n ? X12Errc::count_mismatch : X12Errc::invalid_value, 1, "SE01 number of segments ST..SE",
          std::to_string(transaction_segments_), printable_excerpt(s[1], 12));
  }
}

void EnvelopeReader::finish() {
  auto at_end = [&](const std::string& what, const char* trailer) {
    X12Error e;
    e.code = X12Errc::missing_trailer;
    e.offset = segments_->bytes_consumed();
    e.detail = what;
    e.expected = trailer;
    e.found = "end of input";
    diagnostics_.report(std::move(e));
  };
  if (in_transaction_) {
    transaction_envelope_error_ = true;
    at_end(fmt::format("transaction set {} has no SE at end of input", transaction_.control_number), "SE");
  }
  if (in_group_) at_end(fmt::format("group {} has no GE at end of input", group_.control_number), "GE");
  if (in_interchange_) at_end(fmt::format("interchange {} has no IEA at end of input", interchange_control_), "IEA");
  in_transaction_ = in_group_ = in_interchange_ = false;
}

}  // namespace clearhouse::x12
