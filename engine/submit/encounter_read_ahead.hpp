#pragma once
// Reads encounters on a thread of its own while the caller edits, writes and stages the ones
// before: reading and typing the JSON is a fifth of `submit`, and it needs nothing from the
// ledger or the run. Encounters come in input order, a chunk at a time through a short
// bounded queue (memory stays flat: at most kChunksInFlight chunks of kChunkSize encounters),
// and each one's problems, unknown fields and bytes consumed are those the reader had for it.
// Chunks go back to the reader once used, so encounters keep their buffers as they do when
// the reader refills its own.
//
// Only a regular file is read ahead: stdin is read on the caller's thread (through the same
// interface), so giving up never waits on a pipe.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/model/encounter.hpp"
#include "engine/model/rejection.hpp"
#include "parsers/encounter/encounter_reader.hpp"

namespace clearhouse::submit {

class EncounterReadAhead {
 public:
  static constexpr std::size_t kChunkSize = 128;
  static constexpr std::size_t kChunksInFlight = 4;

  // Reads `reader` ahead on a thread when `on_thread`, else on the caller's thread.
  EncounterReadAhead(std::unique_ptr<encounter::EncounterReader> reader, bool on_thread);
  ~EncounterReadAhead();  // stops the reading thread and waits for it
  EncounterReadAhead(const EncounterReadAhead&) = delete;
  EncounterReadAhead& operator=(const EncounterReadAhead&) = delete;

  // As EncounterReader::next (rethrows what the reading thread threw).
  bool next();
  model::Encounter& encounter() { return current().encounter; }
  const std::vector<model::Rejection>& problems() { return current().problems; }
  const std::vector<encounter::UnknownField>& unknown_fields() { return current().unknown; }
  // Of the input, once the current encounter was read; all of it once next() returned false.
  std::uint64_t bytes_consumed() { return ended_ ? reader_->bytes_consumed() : current().bytes_consumed; }
  // After next() returned false: an I/O error reading the input, empty when none.
  const std::string& read_error() const { return reader_->read_error(); }

 private:
  struct Slot {
    model::Encounter encounter;
    std::vector<model::Rejection> problems;
    std::vector<encounter::UnknownField> unknown;
    std::uint64_t bytes_consumed = 0;
  };
  struct Chunk {
    std::vector<Slot> slots = std::vector<Slot>(kChunkSize);
    std::size_t filled = 0;
  };

  Slot& current() { return (*chunk_).slots[position_]; }
  // Moves the reader's next encounter into slot; false at the end of the input.
  bool read_into(Slot& slot);
  void read_ahead();  // the reading thread

  std::unique_ptr<encounter::EncounterReader> reader_;
  std::unique_ptr<Chunk> chunk_;  // the chunk being used by the caller
  std::size_t position_ = 0;
  bool ended_ = false;

  bool on_thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Chunk>> full_;   // read, waiting for the caller
  std::vector<std::unique_ptr<Chunk>> empty_;  // used, waiting for the reader
  bool reader_done_ = false;                   // the last full chunk is queued
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace clearhouse::submit
