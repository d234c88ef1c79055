#include "engine/submit/batch_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace clearhouse::submit {
namespace {

constexpr std::size_t kFlushAt = 1 << 20;

[[noreturn]] void io_failure(std::string_view what, const std::filesystem::path& path) {
  throw std::runtime_error(fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(errno)));
}

}  // namespace

void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

BatchFile::BatchFile(const std::filesystem::path& dir, std::string file_name, int batch_key, bool line_breaks)
    : dir_(dir),
      file_name_(std::move(file_name)),
      temp_path_(dir / ("." + file_name_ + ".tmp")),
      batch_key_(batch_key),
      writer_(model::Delimiters{'*', ':', '^', '~'}, line_breaks ? "\n" : ""),
      claims_(writer_) {
  claims_.keep_written_loops(true);  // for the claims whose rendering the ledger keeps
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) io_failure("create", temp_path_);
  record_.file_name = file_name_;
}

BatchFile::~BatchFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void BatchFile::flush(bool always) {
  if (writer_.size() == 0 || (!always && writer_.size() < kFlushAt)) return;
  const std::string_view bytes = writer_.view();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) io_failure("write", temp_path_);
  hash_.update(bytes);
  bytes_ += bytes.size();
  writer_.clear();
}

void BatchFile::finish() {
  flush(true);
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) io_failure("sync", temp_path_);
  if (std::fclose(file_) != 0) {
    file_ = nullptr;
    io_failure("close", temp_path_);
  }
  file_ = nullptr;
  record_.sha256 = hash_.hex_digest();
  record_.bytes = bytes_;
}

void BatchFile::publish() {
  std::error_code ec;
  std::filesystem::rename(temp_path_, final_path(), ec);
  if (ec) throw std::runtime_error(fmt::format("cannot rename {} to {}: {}", temp_path_.string(), final_path().string(), ec.message()));
}

void BatchFile::abandon() {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  std::error_code ec;
  std::filesystem::remove(temp_path_, ec);
}

}  // namespace clearhouse::submit
