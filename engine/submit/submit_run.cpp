#include "engine/submit/submit_run.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "engine/edits/claim_edits.hpp"
#include "engine/submit/batch_file.hpp"
#include "engine/submit/party_resolution.hpp"
#include "engine/submit/rejection_report.hpp"
#include "engine/util/file_names.hpp"
#include "engine/util/sha256.hpp"
#include "engine/util/timestamp.hpp"
#include "parsers/encounter/encounter_reader.hpp"

namespace clearhouse::submit {
namespace {

namespace fs = std::filesystem;

class SubmitRun {
 public:
  SubmitRun(const SubmitOptions& o, SubmissionLedger& l)
      : o_(o), ledger_(l), when_(util::local_time(o.now)), rejections_(o.out_dir) {}

  SubmitReport run() {
    try {
      stream();
      finish();
    } catch (...) {
      for (auto& b : batches_) b->abandon();
      rejections_.abandon();
      ledger_.discard();
      throw;
    }
    return std::move(report_);
  }

 private:
  void stream() {
    std::string error;
    auto reader = encounter::EncounterReader::open(o_.input, error);
    if (!reader) throw std::runtime_error(fmt::format("cannot open {}: {}", o_.input, error));
    edits::EditContext context;
    context.today = when_.date;
    context.code_sets = &o_.code_sets;
    context.submitted_before = [this](std::string_view payer, std::string_view id) {
      return ledger_.submitted_before(payer, id);
    };
    edits::ClaimEditor editor(std::move(context));
    std::vector<model::Rejection> failures;
    std::vector<model::Claim> parts;
    while (reader->next()) {
      ++report_.encounters;
      if (o_.progress && (report_.encounters & 1023) == 0) o_.progress(reader->bytes_consumed(), report_.encounters);
      for (const auto& u : reader->unknown_fields()) warn_input(encounter::to_warning(u));
      if (!reader->problems().empty()) {
        reject(reader->problems());
        continue;
      }
      model::Encounter& e = reader->encounter();
      resolve_parties(e, o_);
      // Edited in place and written from the reader's encounter: no copy of the claim.
      failures.clear();
      parts.clear();
      if (!editor.edit_in_place(e, failures, parts)) {
        reject(failures);
        continue;
      }
      ++report_.submitted;
      if (parts.empty()) {
        route(e.claim);
        continue;
      }
      SplitNote note{parts.front().claim_id, e.source_line, {}};  // the first part keeps the id
      for (const auto& c : parts) note.claim_ids.push_back(c.claim_id);
      report_.splits.push_back(std::move(note));
      for (const auto& c : parts) route(c);
    }
    if (!reader->read_error().empty())
      throw std::runtime_error(fmt::format("cannot read {}: {}", o_.input, reader->read_error()));
    if (o_.progress) o_.progress(reader->bytes_consumed(), report_.encounters);
  }

  void warn_input(std::string warning) {
    if (report_.input_warnings.size() < kMaxListedInputWarnings) report_.input_warnings.push_back(std::move(warning));
    else ++unlisted_input_warnings_;
  }

  void reject(const std::vector<model::Rejection>& failures) {
    ++report_.rejected;
    rejections_.add(failures);
  }

  BatchFile& batch_for(const model::Claim& c) {
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
    isa.date = when_.date.to_ccyymmdd().substr(2);
    isa.time = when_.hhmm;
    isa.control_number = fmt::format("{:09}", isa13);
    isa.usage = o_.production ? "P" : "T";
    x12::GroupEnvelope gs;
    gs.functional_id = "HC";
    gs.sender = s.id;
    gs.receiver = r.id;
    gs.date = when_.date.to_ccyymmdd();
    gs.time = when_.hhmm;
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

  void route(const model::Claim& c) {
    BatchFile& b = batch_for(c);
    auto& writer = b.claims();
    auto& rec = b.record();
    if (!writer.transaction_open() || writer.claims_in_transaction() >= o_.max_claims_per_transaction) {
      if (writer.transaction_open()) writer.close_transaction();
      const std::uint64_t st = ledger_.allocate(c.submitter.id, c.receiver.id, ledger::ControlNumberKind::transaction);
      if (rec.transaction_count == 0) rec.first_transaction_number = st;
      rec.last_transaction_number = st;
      ++rec.transaction_count;
      current_st02_ = x12_837p::transaction_control_number(st);
      x12_837p::TransactionHeader header{current_st02_,
                                         fmt::format("{:09}-{}", rec.interchange_control_number, current_st02_),
                                         when_.date, when_.hhmm};
      writer.open_transaction(header, c.submitter, c.receiver);
      st02_by_batch_[b.batch_key()] = current_st02_;
    }
    writer.write_claim(c);
    if (const auto& err = b.writer().error())
      throw std::runtime_error(fmt::format("claim {}: refused: {}", c.claim_id, x12::to_string(*err)));
    ++rec.claim_count;
    rec.line_count += c.lines.size();
    rec.billed_cents += c.total_charge.cents();
    ledger_.stage(b.batch_key(), static_cast<std::int64_t>(rec.claim_count), c, st02_by_batch_[b.batch_key()]);
    ++report_.claims;
    report_.lines += c.lines.size();
    report_.billed += c.total_charge;
    b.flush();
  }

  void finish() {
    for (auto& b : batches_) {
      b->claims().close_interchange();
      b->finish();
      if (fs::exists(b->final_path()))
        throw std::runtime_error(fmt::format("{} already exists; refusing to overwrite it", b->final_path().string()));
    }
    rejections_.finish();
    std::vector<std::pair<int, ledger::BatchRecord>> records;
    const std::string now = util::utc_timestamp(o_.now);
    for (auto& b : batches_) {
      b->record().created_at = now;
      records.emplace_back(b->batch_key(), b->record());
    }
    ledger_.commit(std::move(records), now);  // the point of no return
    for (auto& b : batches_) {
      b->publish();
      report_.files.push_back(b->final_path().string());
      report_.bytes += b->record().bytes;
    }
    rejections_.publish();
    sync_directory(o_.out_dir);
    report_.rejections_file = rejections_.final_path().string();
    report_.warnings = o_.code_sets.missing_warnings(edits::kListedCodeKinds);
    if (unlisted_input_warnings_ > 0)
      report_.input_warnings.push_back(fmt::format("{} more warnings about the input like these (not listed)",
                                                   unlisted_input_warnings_));
    spdlog::debug("submit: {} encounters, {} claims, {} rejected, {} files", report_.encounters, report_.claims,
                  report_.rejected, report_.files.size());
  }

  const SubmitOptions& o_;
  SubmissionLedger& ledger_;
  util::LocalTime when_;
  RejectionReport rejections_;
  SubmitReport report_;
  std::vector<std::unique_ptr<BatchFile>> batches_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<int, std::string> st02_by_batch_;
  std::string key_, current_st02_;
  std::uint64_t unlisted_input_warnings_ = 0;
  BatchFile* last_ = nullptr;
  model::Submitter last_submitter_;
  model::Receiver last_receiver_;
};

}  // namespace

std::vector<std::string> finish_interrupted_runs(const fs::path& dir, SubmissionLedger& ledger) {
  std::vector<std::string> completed;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return completed;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 6 || name[0] != '.' || !name.ends_with(".tmp")) continue;  // not ours
    const std::string final_name = name.substr(1, name.size() - 5);
    if (!final_name.ends_with(".837")) {
      fs::remove(entry.path(), ec);  // an uncommitted rejection report
      continue;
    }
    const auto hash = ledger.recorded_hash(final_name);
    util::Sha256 h;
    std::FILE* f = std::fopen(entry.path().c_str(), "rb");
    if (f != nullptr) {
      char buf[1 << 16];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) h.update(std::string_view(buf, n));
      std::fclose(f);
    }
    if (hash && *hash == h.hex_digest() && !fs::exists(dir / final_name)) {
      fs::rename(entry.path(), dir / final_name, ec);
      if (!ec) completed.push_back(final_name);
    } else {
      fs::remove(entry.path(), ec);  // from a run that never committed
    }
  }
  if (!completed.empty()) sync_directory(dir);
  return completed;
}

SubmitReport run_submit(const SubmitOptions& options, SubmissionLedger& ledger) {
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (!fs::is_directory(options.out_dir))
    throw std::runtime_error(fmt::format("cannot create output directory {}", options.out_dir.string()));
  // One run per output directory at a time: a concurrent run must not take this run's temporary
  // files for leftovers. The lock goes with the process, even on a crash.
  const fs::path lock_path = options.out_dir / ".submit.lock";
  const int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    if (lock >= 0) ::close(lock);
    throw std::runtime_error(fmt::format("cannot lock {}", lock_path.string()));
  }
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{lock};
  finish_interrupted_runs(options.out_dir, ledger);
  SubmitRun run(options, ledger);
  return run.run();
}

}  // namespace clearhouse::submit
