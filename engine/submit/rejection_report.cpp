#include "engine/submit/rejection_report.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "generators/render/json_writer.hpp"

namespace clearhouse::submit {

RejectionReport::RejectionReport(const std::filesystem::path& dir)
    : temp_(dir / ".rejections.jsonl.tmp"), final_(dir / "rejections.jsonl") {
  file_ = std::fopen(temp_.c_str(), "wb");
  if (file_ == nullptr)
    throw std::runtime_error(fmt::format("cannot create {}: {}", temp_.string(), std::strerror(errno)));
}

RejectionReport::~RejectionReport() {
  if (file_ != nullptr) std::fclose(file_);
}

void RejectionReport::add(const std::vector<model::Rejection>& failures) {
  if (failures.empty()) return;
  render::JsonWriter json(file_);
  const auto& first = failures.front();
  json.begin_object();
  json.field("claim_id", first.claim_id);
  json.key("line").unsigned_number(first.line);
  json.field("field", first.field);
  json.field("code", first.code);
  json.field("message", first.message);
  if (failures.size() > 1) {
    json.key("errors").begin_array();
    for (const auto& f : failures) {
      json.begin_object();
      json.field("field", f.field);
      json.field("code", f.code);
      json.field("message", f.message);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
  json.newline();
  json.flush();
}

void RejectionReport::finish() {
  if (file_ == nullptr) return;
  const bool ok = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  std::fclose(file_);
  file_ = nullptr;
  if (!ok) throw std::runtime_error(fmt::format("cannot write {}", temp_.string()));
}

void RejectionReport::publish() {
  std::error_code ec;
  std::filesystem::rename(temp_, final_, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot rename {}: {}", temp_.string(), ec.message()));
}

void RejectionReport::abandon() {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

}  // namespace clearhouse::submit
