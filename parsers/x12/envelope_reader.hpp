#pragma once
// Stage 2 of the lexer: follows ISA/IEA, GS/GE and ST/SE nesting over the segment stream
// and checks every envelope rule (control numbers, counts, unique ST02, missing trailers,
// segments outside any envelope). Typed readers (835, 837P, 999) sit on top of it.

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "parsers/x12/error.hpp"
#include "parsers/x12/segment_reader.hpp"

namespace clearhouse::x12 {

enum class SegmentRole : std::uint8_t {
  interchange_header,   // ISA
  interchange_trailer,  // IEA
  interchange_ack,      // TA1 between ISA and GS
  group_header,         // GS
  group_trailer,        // GE
  transaction_header,   // ST
  transaction_trailer,  // SE
  transaction_body,     // any segment between ST and SE
  stray,                // outside the envelope where it belongs (already reported)
};

struct GroupHeader {
  std::string functional_id;   // GS01, e.g. HC, HP, FA
  std::string sender, receiver;
  std::string date, time;
  std::string control_number;  // GS06
  std::string version;         // GS08
  bool operator==(const GroupHeader&) const = default;
};

struct TransactionHeader {
  std::string type;            // ST01, e.g. 835
  std::string control_number;  // ST02
  std::string implementation;  // ST03 (empty in 4010)
  std::uint64_t offset = 0;    // byte offset of the ST
  std::uint64_t ordinal = 0;   // segment ordinal of the ST
};

struct EnvelopeCounts {
  std::uint64_t interchanges = 0, groups = 0, transactions = 0, segments = 0;
};

// Where the envelope stands between two transaction sets of a group: what a reader of a part
// of the input (parsers/x12/parallel_reading.hpp) starts from.
struct EnvelopeContext {
  bool in_interchange = false, in_group = false;
  std::string interchange_control;  // ISA13
  GroupHeader group;
  bool operator==(const EnvelopeContext&) const = default;
};

// What one part of an input made only of whole transaction sets (ST..SE, no envelope errors)
// adds to the envelope reader that reads the parts in order.
struct TransactionSetsRead {
  std::uint64_t segments = 0;             // ST..SE inclusive, all sets
  std::vector<std::string> control_numbers;  // ST02 of each set, in order
  TransactionHeader last;                 // the last set's header (offset, ordinal absolute)
  std::uint64_t last_segments = 0;        // the last set's segment count
};

class EnvelopeReader {
 public:
  EnvelopeReader(SegmentReader& segments, Diagnostics& diagnostics);

  // --- reading an input in parts (parsers/x12/parallel_reading.hpp) ---------------------
  // Reads from `segments` from now on (the next part of the input).
  void attach(SegmentReader& segments) { segments_ = &segments; }
  // When false, the end of the segments is the end of one part only: next() returns false
  // without reporting open envelopes as missing their trailers.
  void set_final(bool final) { final_ = final; }
  bool is_final() const { return final_; }
  EnvelopeContext context() const;
  // Starts inside the group of `context`, between two transaction sets (a part read on its own;
  // counts and ordinals start at 0).
  void resume(const EnvelopeContext& context);
  // False when one of the sets' ST02 was used before in the group (the part must then be read
  // by this reader itself, which reports it).
  bool can_add(const TransactionSetsRead& sets) const;
  // Adds sets a reader of the part read (can_add was true), as if this reader had read them.
  void add(const TransactionSetsRead& sets);

  // Advances to the next segment; false at the end of the input. At the end every open
  // envelope has been reported as missing its trailer.
  bool next();
  const Segment& segment() const { return segments_->segment(); }
  SegmentRole role() const { return role_; }

  bool in_interchange() const { return in_interchange_; }
  bool in_group() const { return in_group_; }
  bool in_transaction() const { return in_transaction_; }
  const InterchangeHeader& interchange() const { return segments_->interchange(); }
  const GroupHeader& group() const { return group_; }
  const TransactionHeader& transaction() const { return transaction_; }
  // Position of the current segment within its transaction set (ST = 1).
  std::uint64_t position_in_transaction() const { return transaction_segments_; }
  // True when the transaction just closed by SE had an envelope error of its own
  // (count or control number mismatch); its content is still delivered.
  bool transaction_had_envelope_error() const { return transaction_envelope_error_; }
  const EnvelopeCounts& counts() const { return counts_; }
  SegmentReader& segments() { return *segments_; }

 private:
  [[gnu::noinline]] bool classify();  // every segment next() does not settle itself
  void error(X12Errc code, int element, std::string detail, std::string expected = {}, std::string found = {},
             Severity severity = Severity::error);
  void open_interchange();
  void close_interchange(bool at_trailer);
  void open_group();
  void close_group(bool at_trailer);
  void open_transaction();
  void close_transaction(bool at_trailer);
  void finish();
  bool valid_segment_id(std::string_view id) const;

  SegmentReader* segments_;
  Diagnostics& diagnostics_;
  SegmentRole role_ = SegmentRole::stray;
  bool finished_ = false;
  bool final_ = true;

  bool in_interchange_ = false, in_group_ = false, in_transaction_ = false;
  std::string interchange_control_;
  std::uint64_t interchange_ordinal_ = 0, interchange_offset_ = 0;
  std::uint64_t groups_in_interchange_ = 0, ta1_in_interchange_ = 0;
  GroupHeader group_;
  std::uint64_t group_ordinal_ = 0, group_offset_ = 0;
  std::uint64_t transactions_in_group_ = 0;
  std::unordered_set<std::string> transaction_numbers_in_group_;
  TransactionHeader transaction_;
  std::uint64_t transaction_segments_ = 0;
  bool transaction_envelope_error_ = false;
  EnvelopeCounts counts_;
};

}  // namespace clearhouse::x12
