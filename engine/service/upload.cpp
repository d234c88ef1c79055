#include "engine/service/upload.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>

#include "engine/service/service_context.hpp"

namespace clearhouse::service {

std::filesystem::path spool_path(const std::filesystem::path& spool_dir, std::string_view prefix) {
  static std::atomic<std::uint64_t> counter{0};
  std::error_code ec;
  std::filesystem::create_directories(spool_dir, ec);
  return spool_dir / fmt::format("{}-{}-{}.part", prefix, ::getpid(), ++counter);
}

UploadFile::UploadFile(const Request& req, ServiceContext& ctx) {
  if (!req.body_file.empty()) {
    path_ = req.body_file;
    std::error_code ec;
    size_ = std::filesystem::file_size(path_, ec);
    return;
  }
  path_ = spool_path(ctx.settings().spool_dir, "body");
  std::ofstream out(path_, std::ios::binary);
  out.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write the upload to the spool directory");
  owned_ = true;
  size_ = req.body.size();
}

UploadFile::~UploadFile() {
  if (!owned_) return;
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

}  // namespace clearhouse::service
