#pragma once
// An upload's bytes as a file: the server spools large bodies to disk (memory stays flat for a
// 256 MB 835); a body that arrived in memory (tests, small requests) is written to the spool
// directory so every route reads uploads one way. The spooled copy is removed afterwards.

#include <atomic>
#include <filesystem>
#include <string>

#include "engine/service/http_message.hpp"

namespace clearhouse::service {

class ServiceContext;

class UploadFile {
 public:
  UploadFile(const Request& req, ServiceContext& ctx);
  ~UploadFile();
  UploadFile(const UploadFile&) = delete;
  UploadFile& operator=(const UploadFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::uint64_t size() const { return size_; }

 private:
  std::filesystem::path path_;
  std::uint64_t size_ = 0;
  bool owned_ = false;  // written here, removed here (the server removes its own spool files)
};

// A fresh file name in the spool directory (created if missing): "<prefix>-<pid>-<n>.part".
std::filesystem::path spool_path(const std::filesystem::path& spool_dir, std::string_view prefix);

}  // namespace clearhouse::service
