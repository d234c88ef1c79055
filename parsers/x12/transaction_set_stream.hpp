#pragma once
// The walk the typed readers (835, 277) share over the envelope reader: which segments belong
// to the transaction set being read, where that set ends (its SE, or cut short by the next ST,
// a GS/GE/ISA/IEA or the end of input), the envelope errors turned into findings of the set or
// of the file, and the envelope values and positions every read set carries. The reader
// decides which sets it reads and what a segment inside one means.
//
// A set is a model value with the envelope fields of model::Remittance and
// model::ClaimStatusReport (interchange_*, group_*, version, control_number, implementation,
// segment, offset, segment_count, byte_length, complete, findings).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/finding.hpp"
#include "parsers/x12/diagnostic_findings.hpp"
#include "parsers/x12/envelope_reader.hpp"

namespace clearhouse::x12 {

class TransactionSetStream {
 public:
  TransactionSetStream(EnvelopeReader& envelope, Diagnostics& diagnostics)
      : envelope_(envelope), diagnostic_findings_(diagnostics) {}
  TransactionSetStream(const TransactionSetStream&) = delete;
  TransactionSetStream& operator=(const TransactionSetStream&) = delete;

  // Reads on to the end of the next set the reader takes, and returns true; false at the end of
  // the input. take() is asked at each ST whether the reader reads its set (and then calls
  // begin()); on_segment(s) is called for each segment inside the set, finish(complete) at its
  // end (the reader calls close()).
  template <typename Take, typename OnSegment, typename Finish>
  bool read_set(Take&& take, OnSegment&& on_segment, Finish&& finish) {
    for (;;) {
      switch (next()) {
        case Event::body:
          on_segment(segment());
          break;
        case Event::header:
          if (!take()) ++skipped_;
          break;
        case Event::complete:
          finish(true);
          return true;
        case Event::incomplete:
          finish(false);
          return true;
        case Event::end:
        case Event::none:
          return false;
      }
    }
  }

  // The same walk driven by the caller, who moves the envelope reader (reading an input in
  // parts: parsers/x12/parallel_reading.hpp): step() for each segment the envelope reader
  // stands on, end() once it has reached the end of the input. The callbacks are read_set's;
  // finish(complete) may be called twice for one segment (an ST that cuts a set short: the set
  // ends incomplete, then the ST starts the next).
  template <typename Take, typename OnSegment, typename Finish>
  void step(Take&& take, OnSegment&& on_segment, Finish&& finish) {
    for (;;) {
      switch (classify()) {
        case Event::body:
          on_segment(segment());
          return;
        case Event::header:
          if (!take()) ++skipped_;
          return;
        case Event::complete:
          finish(true);
          return;
        case Event::incomplete:
          finish(false);
          if (!std::exchange(pending_header_, false)) return;
          continue;  // the ST that ended it starts the next set
        case Event::end:
        case Event::none:
          return;
      }
    }
  }
  template <typename Finish>
  void end(Finish&& finish) {
    if (at_end() == Event::incomplete) finish(false);
  }

  const Segment& segment() const { return envelope_.segment(); }
  const EnvelopeReader& envelope() const { return envelope_; }

  // From take(): reads the set (its envelope values and ST position into out).
  template <typename Set>
  void begin(Set& out) {
    open_ = true;
    const auto& isa = envelope_.interchange();
    assign(out.interchange_sender, trim(isa.field(6)));
    assign(out.interchange_receiver, trim(isa.field(8)));
    assign(out.interchange_control_number, isa.control_number());
    const auto& gs = envelope_.group();
    out.group_sender = gs.sender;
    out.group_receiver = gs.receiver;
    out.group_control_number = gs.control_number;
    out.version = gs.version;
    const auto& st = envelope_.transaction();
    out.control_number = st.control_number;
    out.implementation = st.implementation;
    out.segment = st.ordinal;
    out.offset = st.offset;
  }
  // From finish(): the set's size, the envelope errors inside it as its findings, and whether
  // it ended with its SE.
  template <typename Set>
  void close(Set& out, bool complete) {
    out.segment_count = envelope_.position_in_transaction();
    if (complete) out.byte_length = segment().offset() + segment().raw().size() + 1 - out.offset;
    collect_diagnostics(&out.findings);
    open_ = false;
    out.complete = complete;
    ++read_;
  }

  // Findings outside any set read. The caller takes them; they are not repeated.
  std::vector<model::Finding>& file_findings() { return file_findings_; }
  std::vector<model::Finding> take_file_findings() {
    if (!open_) collect_diagnostics(&file_findings_);
    return std::exchange(file_findings_, {});
  }
  std::uint64_t skipped() const { return skipped_; }
  std::uint64_t read() const { return read_; }

 private:
  enum class Event : std::uint8_t {
    header,      // an ST while no set is open: the reader takes its set or not
    body,        // a segment of the open set
    complete,    // the open set's SE
    incomplete,  // the open set ended without its SE
    end,         // the end of the input, no set open
    none,        // a segment outside a set being read
  };

  // The next thing a reader acts on; segments outside a set being read are passed over.
  Event next() {
    for (;;) {
      if (!pending_header_) {
        if (!envelope_.next()) return at_end();
      }
      pending_header_ = false;
      if (const Event e = classify(); e != Event::none) return e;
    }
  }
  // What the segment the envelope reader stands on is to the reader (none: passed over).
  Event classify() {
    switch (envelope_.role()) {
      case SegmentRole::transaction_header:
        if (open_) {
          // The envelope reader closed the open set without its SE: it ends incomplete and
          // this ST is met again.
          pending_header_ = true;
          return Event::incomplete;
        }
        collect_diagnostics(&file_findings_);
        return Event::header;
      case SegmentRole::transaction_body:
        return open_ ? Event::body : Event::none;
      case SegmentRole::transaction_trailer:
        return open_ ? Event::complete : Event::none;
      case SegmentRole::group_trailer:
      case SegmentRole::interchange_trailer:
      case SegmentRole::group_header:
      case SegmentRole::interchange_header:
        return open_ ? Event::incomplete : Event::none;  // closed without SE by an envelope segment
      case SegmentRole::interchange_ack:
      case SegmentRole::stray:
        return Event::none;
    }
    return Event::none;
  }
  // The end of the input.
  Event at_end() {
    if (open_) return Event::incomplete;
    collect_diagnostics(&file_findings_);
    return Event::end;
  }

  static std::string_view trim(std::string_view v);
  static void assign(std::string& to, std::string_view from) { to.assign(from.data(), from.size()); }
  void collect_diagnostics(std::vector<model::Finding>* into);

  EnvelopeReader& envelope_;
  DiagnosticFindings diagnostic_findings_;  // the envelope errors, each turned into a finding once
  bool open_ = false;
  bool pending_header_ = false;  // the current segment is an ST that starts the next set
  std::vector<model::Finding> file_findings_;
  std::uint64_t skipped_ = 0, read_ = 0;
};

// A finding about a whole set, located at its ST (transaction control number, ordinal, offset).
model::Finding transaction_finding(std::string rule, std::string_view transaction, std::uint64_t segment,
                                   std::uint64_t offset, std::string message, std::string action,
                                   model::FindingSeverity severity = model::FindingSeverity::error);

// A finding about one element of segment s of a set (the typed readers' "problem").
model::Finding segment_finding(std::string rule, const Segment& s, std::string_view transaction, std::string_view loop,
                               int element, int component, std::string message, std::string action,
                               model::FindingSeverity severity);

}  // namespace clearhouse::x12
