#pragma once
// `clearhouse post --format csv`: the postings, one row per claim payment and one per service
// line, streamed as each remittance posts. Money in cents; codes joined with ','.

#include <cstdio>
#include <string>

#include "engine/model/posting.hpp"
#include "engine/model/remittance.hpp"

namespace clearhouse::cli {

class PostingCsv {
 public:
  explicit PostingCsv(std::FILE* out);
  ~PostingCsv();
  PostingCsv(const PostingCsv&) = delete;
  PostingCsv& operator=(const PostingCsv&) = delete;

  void header();
  void write(const model::Remittance& remittance, const model::Posting& posting);
  void flush();

 private:
  void field(std::string_view value);
  void field(std::int64_t value);
  void end_row();

  std::FILE* out_;
  std::string buffer_;
  bool first_in_row_ = true;
};

}  // namespace clearhouse::cli
