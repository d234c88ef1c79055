#pragma once
// Where X12 bytes come from: a file or stdin read in chunks (memory stays flat whatever
// the file size), or a buffer already in memory (read in place, no copy).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace clearhouse::x12 {

class InputSource {
 public:
  virtual ~InputSource() = default;
  // Reads up to n bytes into dst. Returns the count, 0 at end of input, -1 on a read error.
  virtual std::ptrdiff_t read(char* dst, std::size_t n) = 0;
  // The whole input when it is already contiguous in memory (the reader then splits in place).
  virtual std::optional<std::string_view> contiguous() const { return std::nullopt; }
  // The name used in error messages: a path, "-" for stdin, "<memory>".
  virtual const std::string& name() const = 0;
  // errno-style text for the last read error.
  virtual std::string last_error() const { return {}; }
  // True when a read may wait for as long as the other end likes (a pipe, a terminal): a
  // reader on a thread of its own could then not be stopped when its consumer gives up.
  virtual bool may_wait() const { return false; }
  // True when bytes can be read at any offset from any thread (read_at): a regular file.
  virtual bool positional() const { return false; }
  // Reads up to n bytes at `offset` (counted from where the input began) without moving read()'s
  // position; safe to call from several threads at once. Returns the count (fewer than n only
  // at the end of the input), or -1 with `error` set.
  virtual std::ptrdiff_t read_at(std::uint64_t offset, char* dst, std::size_t n, std::string& error) const;
};

class MemorySource final : public InputSource {
 public:
  explicit MemorySource(std::string_view bytes, std::string name = "<memory>")
      : bytes_(bytes), name_(std::move(name)) {}
  std::ptrdiff_t read(char* dst, std::size_t n) override;
  std::optional<std::string_view> contiguous() const override { return bytes_; }
  const std::string& name() const override { return name_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string name_;
};

class FileSource final : public InputSource {
 public:
  // Opens path for reading ("-" is stdin). Returns nullptr and sets error on failure.
  static std::unique_ptr<FileSource> open(const std::string& path, std::string& error);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::ptrdiff_t read(char* dst, std::size_t n) override;
  const std::string& name() const override { return name_; }
  std::string last_error() const override { return error_; }
  bool may_wait() const override { return !regular_file_; }
  bool positional() const override { return regular_file_; }
  std::ptrdiff_t read_at(std::uint64_t offset, char* dst, std::size_t n, std::string& error) const override;

 private:
  FileSource(int fd, std::string name, bool owned);
  int fd_;
  std::string name_;
  bool owned_;
  bool regular_file_ = false;
  std::uint64_t start_ = 0;  // the file offset where the input began (stdin may not be at 0)
  std::string error_;
};

}  // namespace clearhouse::x12
