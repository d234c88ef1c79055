#include "engine/submit/batch_set.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "engine/submit/claim_rendering.hpp"
#include "engine/util/file_names.hpp"

namespace clearhouse::submit {

BatchFile& BatchSet::batch_for(const model::Claim& c) {
  const auto& s = c.submitter;
  const auto& r = c.receiver;
  // Input usually comes grouped: the previous claim's interchange is the likely one.
  if (last_ != nullptr && last_receiver_ == r && last_submitter_ == s) return *last_;
  last_submitter_ = s;
  last_receiver_ = r;
  key_.clear();
  for (const std::string* part : {&s.id, &s.name, &s.contact_name, &s.phone, &s.email, &r.id, &r.name}) {
    key_.append(*part);
    key_.push_back('\x1f');
  }
  if (auto it = index_.find(key_); it != index_.end()) return *(last_ = batches_[it->second].get());

  const std::uint64_t isa13 = ledger_.allocate(s.id, r.id, ledger::ControlNumberKind::interchange);
  const std::string name = fmt::format("{}-{:09}.837", util::file_safe(r.id), isa13);
  auto batch = std::make_unique<BatchFile>(o_.out_dir, name, static_cast<int>(batches_.size()), o_.line_breaks);
  x12::InterchangeEnvelope isa;
  isa.sender_id = s.id;
  isa.receiver_id = r.id;
  isa.date = o_.when.date.to_ccyymmdd().substr(2);
  isa.time = o_.when.hhmm;
  isa.control_number = fmt::format("{:09}", isa13);
  isa.usage = o_.production ? "P" : "T";
  x12::GroupEnvelope gs;
  gs.functional_id = "HC";
  gs.sender = s.id;
  gs.receiver = r.id;
  gs.date = o_.when.date.to_ccyymmdd();
  gs.time = o_.when.hhmm;
  gs.control_number = std::to_string(isa13);
  gs.version = std::string(x12_837p::kImplementation);
  batch->claims().open_interchange(isa, gs);
  auto& rec = batch->record();
  rec.sender_id = s.id;
  rec.receiver_id = r.id;
  rec.interchange_control_number = isa13;
  rec.group_control_number = isa13;
  index_.emplace(key_, batches_.size());
  batches_.push_back(std::move(batch));
  last_ = batches_.back().get();
  return *last_;
}

PlacedClaim BatchSet::add(const model::Claim& c) {
  BatchFile& b = batch_for(c);
  auto& writer = b.claims();
  auto& rec = b.record();
  if (!writer.transaction_open() || writer.claims_in_transaction() >= o_.max_claims_per_transaction) {
    if (writer.transaction_open()) writer.close_transaction();
    const std::uint64_t st = ledger_.allocate(c.submitter.id, c.receiver.id, ledger::ControlNumberKind::transaction);
    if (rec.transaction_count == 0) rec.first_transaction_number = st;
    rec.last_transaction_number = st;
    ++rec.transaction_count;
    auto& st02 = st02_by_batch_[b.batch_key()];
    st02 = x12_837p::transaction_control_number(st);
    x12_837p::TransactionHeader header{st02, fmt::format("{:09}-{}", rec.interchange_control_number, st02),
                                       o_.when.date, o_.when.hhmm};
    writer.open_transaction(header, c.submitter, c.receiver);
  }
  writer.keep_claim(keeps_rendering(c));
  writer.write_claim(c);
  if (const auto& err = b.writer().error())
    throw std::runtime_error(fmt::format("claim {}: refused: {}", c.claim_id, x12::to_string(*err)));
  ++rec.claim_count;
  rec.line_count += c.lines.size();
  rec.billed_cents += c.total_charge.cents();
  const auto sequence = static_cast<std::int64_t>(rec.claim_count);
  ledger_.stage(b.batch_key(), sequence, c, st02_by_batch_[b.batch_key()], &writer);
  b.flush();
  return {b.batch_key(), sequence};
}

void BatchSet::close() {
  for (auto& b : batches_) {
    b->claims().close_interchange();
    b->finish();
    if (std::filesystem::exists(b->final_path()))
      throw std::runtime_error(fmt::format("{} already exists; refusing to overwrite it", b->final_path().string()));
  }
}

std::vector<std::pair<int, ledger::BatchRecord>> BatchSet::records(const std::string& created_at) {
  std::vector<std::pair<int, ledger::BatchRecord>> out;
  for (auto& b : batches_) {
    b->record().created_at = created_at;
    out.emplace_back(b->batch_key(), b->record());
  }
  return out;
}

std::vector<std::string> BatchSet::publish(std::uint64_t& bytes) {
  std::vector<std::string> files;
  for (auto& b : batches_) {
    b->publish();
    files.push_back(b->final_path().string());
    bytes += b->record().bytes;
  }
  return files;
}

OutputDirectoryLock::OutputDirectoryLock(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error(fmt::format("cannot create output directory {}: {}", dir.string(),
                                         ec ? ec.message() : std::string("a file of that name is in the way")));
  const auto lock_path = dir / ".submit.lock";
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) {
    const int error = errno;
    if (fd_ >= 0) ::close(fd_);
    throw std::runtime_error(fmt::format("cannot lock {}: {}", lock_path.string(), std::strerror(error)));
  }
}

OutputDirectoryLock::~OutputDirectoryLock() { ::close(fd_); }

void BatchSet::abandon() {
  for (auto& b : batches_) b->abandon();
}

}  // namespace clearhouse::submit
