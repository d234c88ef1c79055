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
#include "engine/submit/batch_set.hpp"
#include "engine/submit/encounter_read_ahead.hpp"
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
      : o_(o),
        ledger_(l),
        when_(util::local_time(o.now)),
        rejections_(o.out_dir),
        batches_(BatchSetOptions{o.out_dir, when_, o.production, o.line_breaks, o.max_claims_per_transaction}, l) {}

  SubmitReport run() {
    try {
      stream();
      finish();
    } catch (...) {
      batches_.abandon();
      rejections_.abandon();
      ledger_.discard();
      throw;
    }
    return std::move(report_);
  }

 private:
  void stream() {
    std::string error;
    auto file = encounter::EncounterReader::open(o_.input, error);
    if (!file) throw std::runtime_error(fmt::format("cannot open {}: {}", o_.input, error));
    std::error_code ec;
    auto reader = std::make_unique<EncounterReadAhead>(std::move(file), o_.input != "-" && fs::is_regular_file(o_.input, ec));
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

  void route(const model::Claim& c) {
    batches_.add(c);
    ++report_.claims;
    report_.lines += c.lines.size();
    report_.billed += c.total_charge;
  }

  void finish() {
    batches_.close();
    rejections_.finish();
    const std::string now = util::utc_timestamp(o_.now);
    ledger_.commit(batches_.records(now), now);  // the point of no return
    report_.files = batches_.publish(report_.bytes);
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
  BatchSet batches_;
  std::uint64_t unlisted_input_warnings_ = 0;
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
  const OutputDirectoryLock lock(options.out_dir);  // creates the directory
  finish_interrupted_runs(options.out_dir, ledger);
  SubmitRun run(options, ledger);
  return run.run();
}

}  // namespace clearhouse::submit
