#include "engine/submit/encounter_read_ahead.hpp"

#include <utility>

namespace clearhouse::submit {

EncounterReadAhead::EncounterReadAhead(std::unique_ptr<encounter::EncounterReader> reader, bool on_thread)
    : reader_(std::move(reader)), on_thread_(on_thread) {
  if (!on_thread_) {
    chunk_ = std::make_unique<Chunk>();
    return;
  }
  for (std::size_t i = 0; i < kChunksInFlight; ++i) empty_.push_back(std::make_unique<Chunk>());
  thread_ = std::thread([this] { read_ahead(); });
}

EncounterReadAhead::~EncounterReadAhead() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool EncounterReadAhead::read_into(Slot& slot) {
  if (!reader_->next()) return false;
  // The slot's earlier encounter goes back to the reader, buffers and all, to be read into.
  std::swap(slot.encounter, reader_->encounter());
  slot.problems = reader_->problems();
  slot.unknown = reader_->unknown_fields();
  slot.bytes_consumed = reader_->bytes_consumed();
  return true;
}

void EncounterReadAhead::read_ahead() {
  try {
    bool more = true;
    while (more) {
      std::unique_ptr<Chunk> chunk;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stopping_ || !empty_.empty(); });
        if (stopping_) return;
        chunk = std::move(empty_.back());
        empty_.pop_back();
      }
      chunk->filled = 0;
      while (chunk->filled < kChunkSize && (more = read_into(chunk->slots[chunk->filled]))) ++chunk->filled;
      {
        const std::lock_guard lock(mutex_);
        if (chunk->filled > 0) full_.push_back(std::move(chunk));
        reader_done_ = !more;
      }
      changed_.notify_all();
    }
  } catch (...) {
    {
      const std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      reader_done_ = true;
    }
    changed_.notify_all();
  }
}

bool EncounterReadAhead::next() {
  if (ended_) return false;
  if (!on_thread_) return !(ended_ = !read_into(chunk_->slots[position_ = 0]));
  if (chunk_ && ++position_ < chunk_->filled) return true;
  std::unique_lock lock(mutex_);
  if (chunk_) {
    empty_.push_back(std::move(chunk_));
    changed_.notify_all();
  }
  changed_.wait(lock, [this] { return !full_.empty() || reader_done_; });
  if (full_.empty()) {
    ended_ = true;
    if (failure_) std::rethrow_exception(failure_);
    return false;
  }
  chunk_ = std::move(full_.front());
  full_.pop_front();
  position_ = 0;
  return true;
}

}  // namespace clearhouse::submit
