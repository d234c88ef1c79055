#pragma once
// Reading one large X12 input on several threads with the output of one: the input is cut into
// parts of about two megabytes just before a transaction set's ST (TransactionSetSplitter, which
// reads in chunks: memory does not grow with the input), parts are read on worker threads, and
// the results are taken in input order by one thread that keeps the readers' exact state.
//
// A worker reads its part as if the envelope stood where it last stood between two sets
// (the published PartContext) with segment ordinals counted from 0. When the part holds only
// whole transaction sets with no envelope error and no reader warning (by far the most parts of
// a large file) its result is taken, ordinals shifted. Anything else -- an ISA, GS, GE or IEA in
// the part, a stray segment, a duplicate ST02, any diagnostic, a context that changed meanwhile
// -- and the part is read again, in order, by the ordering thread's own readers carrying the
// exact state: the output is the one of a single reader, byte for byte. When a cut cannot be
// trusted (an interchange with other delimiters, an input that does not start with a plain
// ISA), the rest of the input is read in order as one stream.

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>
#include <optional>
#include <string>

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/part_bytes.hpp"
#include "parsers/x12/segment_reader.hpp"

namespace clearhouse::x12 {

// The worker threads to use when --jobs is not given: the number of cores (at least 1).
unsigned default_jobs();

// One part of the input.
struct InputPart {
  PartBytes bytes;           // empty while the part is left in place
  std::uint64_t offset = 0;  // input offset of bytes[0]
  std::uint64_t size = 0;    // the part's bytes, held or in place
  bool in_place = false;     // not read yet: TransactionSetSplitter::load reads it where it lies
  std::uint64_t index = 0;
  bool at_set = false;       // starts at an ST found with `delimiters` (not the first part)
  Delimiters delimiters;     // the first interchange's, with which the cut was found
  bool last = false;
  std::string read_error;    // the input could not be read after these bytes
};

// Cuts an input into parts, each (but the first) starting at an ST or ISA segment: a terminator
// of the first interchange, blanks, "ST" (or "ISA") and its element separator, with no "ISA" in
// the 515 bytes before. An input that does not start with a plain ISA header is not cut (one
// stream), nor is one that holds no such place within 16 MiB (from there on).
//
// A regular file's parts in the middle are left in place: the splitter reads only a window
// before each part's end to find the cut, and the thread that reads the part reads its bytes
// (load) into a buffer of its own. Handing bytes read on one core to another cost a tenth more
// CPU than one thread reading: each part was copied into memory no core had in its cache.
class TransactionSetSplitter {
 public:
  TransactionSetSplitter(InputSource& input, std::size_t part_bytes);
  // The next part; false after the last.
  bool next(InputPart& out);
  // Gives back a part's buffer once its bytes are read (any thread): the next parts reuse it
  // instead of touching fresh memory.
  void recycle(PartBytes bytes);
  // Reads a part left in place into `into` (any thread). False, with `error` set and what could
  // be read in `into`, on a read error or when the input no longer holds the part's bytes.
  bool load(const InputPart& part, PartBytes& into, std::string& error) const;

 // A buffer for a part's bytes: one given back (recycle) when there is one.
  PartBytes fresh_buffer();

 private:
  bool read_more(std::size_t want);
  bool next_in_place(InputPart& out);
  // The last place to cut in `bytes` (see the class comment); npos when there is none.
  std::size_t find_cut(std::string_view bytes) const;

  InputSource& input_;
  std::size_t part_bytes_;
  PartBytes carry_;                // read, not yet handed out
  std::uint64_t carry_offset_ = 0;
  std::uint64_t index_ = 0;
  bool eof_ = false, done_ = false, decided_ = false, cutting_ = false, next_at_set_ = false;
  bool in_place_ = false;          // parts are left in place (a regular file, cutting)
  PartBytes window_;               // the end of the next part in place, where its cut is looked for
  std::string read_error_;
  Delimiters delimiters_;
  std::mutex spare_mutex_;
  std::vector<PartBytes> spare_;   // buffers of parts already read
};

// The envelope where workers start: published by the ordering thread whenever it changes.
struct PartContext {
  std::uint64_t generation = 0;
  bool usable = false;  // between two sets of a group
  SegmentReaderState reader;
  EnvelopeContext envelope;
};

// What a worker hands back; commands add their own results.
struct PartResult {
  virtual ~PartResult() = default;
  bool regular = false;           // only whole sets, no diagnostics: take it as it is
  std::uint64_t generation = 0;   // of the context it was read in
  TransactionSetsRead sets;       // ordinals counted from the part's start
};

// A command's side of parallel reading.
class PartReader {
 public:
  virtual ~PartReader() = default;
  // On a worker thread: reads a part in `context` (usable). Returns a result with regular set
  // only when the part holds whole transaction sets and nothing else (see read_whole_sets).
  virtual std::unique_ptr<PartResult> work(const InputPart& part, const PartContext& context) = 0;
  // On the ordering thread: takes a regular part's result; `ordinal_base` is the number of
  // segments before the part. Called after the envelope reader has added the part's sets.
  virtual void take(PartResult& result, std::uint64_t ordinal_base) = 0;
  // On the ordering thread: reads segments from `reader` until next() is false (the end of a
  // part, or of the input). The reader and its diagnostics carry the exact state.
  virtual void read(EnvelopeReader& reader) = 0;
};

// Reads a part of whole transaction sets in `context` on the calling thread: calls on_segment
// for each segment (the reader stands on it) and fills result.sets. Returns false (stop using
// the part) as soon as anything but a whole set without diagnostics turns up.
template <class OnSegment>
bool read_whole_sets(const InputPart& part, const PartContext& context, PartResult& result, OnSegment&& on_segment);

// Reads `input` with `jobs` worker threads (jobs >= 2), `reader` seeing every segment that is
// not in a taken part. `envelope` and its diagnostics are the ordering thread's; on return the
// whole input has been read (envelope.next() returned false at the end of the input).
// Parts are part_bytes (0: 2 MiB), less when jobs + 2 of them would pass 16 MiB;
// $CLEARHOUSE_PART_BYTES overrides both (tests).
struct PartsRead {
  std::uint64_t bytes = 0;  // what SegmentReader::bytes_consumed gives when one reader reads it all
  EnvelopeCounts counts;    // what the envelope reader counted
  // How: parts whose worker result was taken, parts read in order, and the offset from which
  // the rest was read as one stream (nullopt: never).
  std::uint64_t parts_taken = 0, parts_read_in_order = 0;
  std::optional<std::uint64_t> streamed_from;
};
PartsRead read_in_parallel(InputSource& input, Diagnostics& diagnostics, PartReader& reader, unsigned jobs,
                               std::size_t part_bytes = 0);

// --- implementation of the template --------------------------------------------------------


template <class OnSegment>
bool read_whole_sets(const InputPart& part, const PartContext& context, PartResult& result, OnSegment&& on_segment) {
  result.generation = context.generation;
  result.regular = false;
  if (!part.at_set || part.last || !context.usable) return false;
  MemorySource source(part.bytes);
  Diagnostics diagnostics;
  SegmentReader segments(source, diagnostics);
  SegmentReaderState start = context.reader;
  start.ordinal = 0;
  segments.resume(start, part.offset, /*more_follows=*/true);
  EnvelopeReader reader(segments, diagnostics);
  reader.resume(context.envelope);
  reader.set_final(false);
  auto& sets = result.sets;
  bool first = true;
  while (reader.next()) {
    // Only sets (a diagnostic anywhere is caught at the end: they are never taken back).
    const SegmentRole role = reader.role();
    if (role != SegmentRole::transaction_body && role != SegmentRole::transaction_header &&
        role != SegmentRole::transaction_trailer)
      return false;
    if (first && role != SegmentRole::transaction_header) return false;
    first = false;
    on_segment(reader);
    if (role == SegmentRole::transaction_trailer) {
      sets.control_numbers.push_back(reader.transaction().control_number);
      sets.last = reader.transaction();
      sets.last_segments = reader.position_in_transaction();
    }
  }
  if (first || segments.cut_at() != 0 || reader.in_transaction() || diagnostics.error_count() != 0 ||
      diagnostics.warning_count() != 0)
    return false;
  sets.segments = reader.counts().segments;
  result.regular = true;
  return true;
}

}  // namespace clearhouse::x12
