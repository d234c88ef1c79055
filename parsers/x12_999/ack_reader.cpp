#include "parsers/x12_999/ack_reader.hpp"

#include <charconv>
#include <optional>

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"

namespace clearhouse::x12_999 {
namespace {

std::string trimmed(std::string_view v) {
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  return std::string(v);
}

std::uint64_t number(std::string_view v) {
  std::uint64_t n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);
  return n;
}

int small_number(std::string_view v) { return static_cast<int>(number(v)); }

char code_of(std::string_view v, char otherwise) { return v.empty() ? otherwise : v.front(); }

// Builds the acknowledgment of one 999 transaction set from its segments.
class ImplementationAckBuilder {
 public:
  explicit ImplementationAckBuilder(model::FunctionalGroupAck& out) : out_(out) {}

  void on_segment(const x12::Segment& s) {
    if (s.is("AK1")) {
      out_.functional_id = std::string(s[1]);
      out_.control_number = std::string(s[2]);
      out_.version = std::string(s[3]);
    } else if (s.is("AK2")) {
      out_.sets.push_back({std::string(s[1]), std::string(s[2]), std::string(s[3]), 'A', {}, {}});
      segment_ = nullptr;
    } else if (s.is("IK3") && !out_.sets.empty()) {
      auto& set = out_.sets.back();
      set.segments.push_back({std::string(s[1]), number(s[2]), std::string(s[3]), std::string(s[4]), {}, {}});
      segment_ = &set.segments.back();
    } else if (s.is("CTX") && segment_ != nullptr) {
      // CTX*CLM01:<claim id>: the claim the segment in error belongs to.
      if (s.component(1, 1) == "CLM01") segment_->claim_id = std::string(s.component(1, 2));
    } else if (s.is("IK4") && segment_ != nullptr) {
      segment_->elements.push_back({small_number(s.component(1, 1)), small_number(s.component(1, 2)),
                                    small_number(s.component(1, 3)), std::string(s[2]), std::string(s[3]),
                                    std::string(s[4])});
    } else if (s.is("IK5") && !out_.sets.empty()) {
      auto& set = out_.sets.back();
      set.code = code_of(s[1], 'R');
      for (std::size_t i = 2; i <= 6; ++i)
        if (!s[i].empty()) set.syntax_errors.emplace_back(s[i]);
      segment_ = nullptr;
    } else if (s.is("AK9")) {
      out_.code = code_of(s[1], 'R');
      out_.included = number(s[2]);
      out_.received = number(s[3]);
      out_.accepted = number(s[4]);
      for (std::size_t i = 5; i <= 9; ++i)
        if (!s[i].empty()) out_.group_errors.emplace_back(s[i]);
    }
  }

 private:
  model::FunctionalGroupAck& out_;
  model::SegmentNote* segment_ = nullptr;
};

}  // namespace

AckFile read_acknowledgments(x12::InputSource& input, x12::Diagnostics& diagnostics) {
  AckFile file;
  x12::SegmentReader segments(input, diagnostics);
  x12::EnvelopeReader reader(segments, diagnostics);
  std::optional<ImplementationAckBuilder> builder;
  while (reader.next()) {
    const x12::Segment& s = reader.segment();
    switch (reader.role()) {
      case x12::SegmentRole::interchange_header: {
        builder.reset();
        const auto& isa = reader.interchange();
        file.interchanges.push_back({trimmed(isa.field(6)), trimmed(isa.field(8)), std::string(isa.control_number()), {}, {}});
        break;
      }
      case x12::SegmentRole::interchange_ack:
        if (!file.interchanges.empty()) {
          file.interchanges.back().interchange_acks.push_back(
              {std::string(s[1]), std::string(s[2]), std::string(s[3]), code_of(s[4], 'R'), std::string(s[5])});
        }
        break;
      case x12::SegmentRole::transaction_header:
        builder.reset();
        if (s[1] == "999" && !file.interchanges.empty()) {
          builder.emplace(file.interchanges.back().group_acks.emplace_back());
        } else {
          ++file.ignored_sets;
        }
        break;
      case x12::SegmentRole::transaction_body:
        if (builder) builder->on_segment(s);
        break;
      case x12::SegmentRole::transaction_trailer:
        builder.reset();
        break;
      default:
        break;
    }
  }
  return file;
}

}  // namespace clearhouse::x12_999
