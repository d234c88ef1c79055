#include "engine/reconcile/remittance_read_ahead.hpp"

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_835/remittance_reader.hpp"

namespace clearhouse::reconcile {

RemittanceReadAhead::RemittanceReadAhead(x12::InputSource& source, std::string name)
    : thread_([this, &source, name = std::move(name)] { read(source, name); }) {}

RemittanceReadAhead::~RemittanceReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

// The reading thread: fills whichever item the poster does not hold and has not yet been handed
// over, hands it over, and waits while both are taken.
void RemittanceReadAhead::read(x12::InputSource& source, const std::string& name) {
  try {
    x12::Diagnostics diagnostics(name);
    x12::SegmentReader segments(source, diagnostics);
    x12::EnvelopeReader envelope(segments, diagnostics);
    x12_835::RemittanceReader reader(envelope, diagnostics);
    for (int slot = 0;; slot = 1 - slot) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || (in_use_ != slot && filled_ != slot); });
        if (stop_) return;
      }
      Item& item = items_[slot];
      if (!reader.next(item.remittance)) break;
      item.file_findings = reader.take_file_findings();
      item.bytes_consumed = segments.bytes_consumed();
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || filled_ == -1; });
        if (stop_) return;
        filled_ = slot;
      }
      changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    final_findings_ = reader.take_file_findings();
    skipped_ = reader.skipped_transactions();
    fatal_ = diagnostics.has_fatal();
    done_ = true;
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
    done_ = true;
  }
  changed_.notify_all();
}

RemittanceReadAhead::Item* RemittanceReadAhead::next() {
  std::unique_lock lock(mutex_);
  in_use_ = -1;  // the poster is done with the item it held
  changed_.notify_all();
  changed_.wait(lock, [&] { return filled_ != -1 || done_; });
  if (filled_ == -1) {
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    return nullptr;
  }
  in_use_ = std::exchange(filled_, -1);
  changed_.notify_all();
  return &items_[in_use_];
}

}  // namespace clearhouse::reconcile
