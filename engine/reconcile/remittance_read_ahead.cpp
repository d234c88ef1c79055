#include "engine/reconcile/remittance_read_ahead.hpp"

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_835/remittance_reader.hpp"

namespace clearhouse::reconcile {

struct RemittanceReadAhead::Reader {
  Reader(x12::InputSource& source, const std::string& name)
      : diagnostics(name), segments(source, diagnostics), envelope(segments, diagnostics),
        remittances(envelope, diagnostics) {}
  x12::Diagnostics diagnostics;
  x12::SegmentReader segments;
  x12::EnvelopeReader envelope;
  x12_835::RemittanceReader remittances;
};

RemittanceReadAhead::RemittanceReadAhead(x12::InputSource& source, const std::string& name)
    : reader_(std::make_unique<Reader>(source, name)) {
  if (!source.may_wait()) thread_ = std::thread([this] { read_ahead(); });
}

RemittanceReadAhead::~RemittanceReadAhead() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool RemittanceReadAhead::read_into(Item& item) {
  auto& r = *reader_;
  if (r.remittances.next(item.remittance)) {
    item.file_findings = r.remittances.take_file_findings();
    item.bytes_consumed = r.segments.bytes_consumed();
    return true;
  }
  final_findings_ = r.remittances.take_file_findings();
  skipped_ = r.remittances.skipped_transactions();
  fatal_ = r.diagnostics.has_fatal();
  return false;
}

// The reading thread: fills whichever item the poster does not hold and has not yet been handed
// over, hands it over, and waits while both are taken.
void RemittanceReadAhead::read_ahead() {
  try {
    for (int slot = 0;; slot = 1 - slot) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || (in_use_ != slot && filled_ != slot); });
        if (stop_) return;
      }
      if (!read_into(items_[slot])) break;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || filled_ == -1; });
        if (stop_) return;
        filled_ = slot;
      }
      changed_.notify_all();
    }
    std::lock_guard lock(mutex_);
    done_ = true;
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
    done_ = true;
  }
  changed_.notify_all();
}

RemittanceReadAhead::Item* RemittanceReadAhead::next() {
  if (!thread_.joinable()) {  // read on this thread
    if (done_) return nullptr;
    if (read_into(items_[0])) return &items_[0];
    done_ = true;
    return nullptr;
  }
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
