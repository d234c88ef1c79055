#pragma once
// The submit run's rejection report, DIR/rejections.jsonl: one JSON object per rejected
// encounter, {"claim_id","line","field","code","message"} for its first failure plus "errors"
// listing every failure when there are several. Written to a temporary file and renamed with
// the run's 837 files.

#include <cstdio>
#include <filesystem>
#include <vector>

#include "engine/model/rejection.hpp"

namespace clearhouse::submit {

class RejectionReport {
 public:
  explicit RejectionReport(const std::filesystem::path& dir);
  ~RejectionReport();
  RejectionReport(const RejectionReport&) = delete;
  RejectionReport& operator=(const RejectionReport&) = delete;

  // Records one rejected encounter with all its failures (at least one).
  void add(const std::vector<model::Rejection>& failures);
  void finish();   // flush, sync, close
  void publish();  // rename to rejections.jsonl
  void abandon();  // remove the temporary file
  const std::filesystem::path& final_path() const { return final_; }

 private:
  std::filesystem::path temp_, final_;
  std::FILE* file_ = nullptr;
};

}  // namespace clearhouse::submit
