#include "parsers/x12/input_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace clearhouse::x12 {

std::ptrdiff_t MemorySource::read(char* dst, std::size_t n) {
  const std::size_t count = std::min(n, bytes_.size() - pos_);
  std::memcpy(dst, bytes_.data() + pos_, count);
  pos_ += count;
  return static_cast<std::ptrdiff_t>(count);
}

std::unique_ptr<FileSource> FileSource::open(const std::string& path, std::string& error) {
  if (path == "-") return std::unique_ptr<FileSource>(new FileSource(0, "-", false));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return nullptr;
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<FileSource>(new FileSource(fd, path, true));
}

FileSource::FileSource(int fd, std::string name, bool owned) : fd_(fd), name_(std::move(name)), owned_(owned) {
  struct stat st {};
  regular_file_ = ::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode);
  if (regular_file_) {
    const off_t at = ::lseek(fd_, 0, SEEK_CUR);
    if (at < 0) regular_file_ = false;
    else start_ = static_cast<std::uint64_t>(at);
  }
}

FileSource::~FileSource() {
  if (owned_) ::close(fd_);
}

std::ptrdiff_t FileSource::read(char* dst, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, dst, n);
    if (got >= 0) return got;
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    return -1;
  }
}

std::ptrdiff_t InputSource::read_at(std::uint64_t, char*, std::size_t, std::string& error) const {
  error = "this input cannot be read at a position";
  return -1;
}

std::ptrdiff_t FileSource::read_at(std::uint64_t offset, char* dst, std::size_t n, std::string& error) const {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd_, dst + done, n - done, static_cast<off_t>(start_ + offset + done));
    if (got > 0) {
      done += static_cast<std::size_t>(got);
    } else if (got == 0) {
      break;  // the end of the file
    } else if (errno != EINTR) {
      error = std::strerror(errno);
      return -1;
    }
  }
  return static_cast<std::ptrdiff_t>(done);
}

}  // namespace clearhouse::x12
