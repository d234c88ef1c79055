#pragma once
// `clearhouse post --format csv`: the postings, one row per claim payment and one per service
// line, streamed as each remittance posts. Money in cents; codes joined with ','.

#include <cstdio>

#include "engine/model/posting.hpp"
#include "engine/model/remittance.hpp"
#include "generators/render/csv_writer.hpp"

namespace clearhouse::cli {

class PostingCsv {
 public:
  explicit PostingCsv(std::FILE* out) : csv_(out) {}

  void header();
  void write(const model::Remittance& remittance, const model::Posting& posting);
  void flush() { csv_.flush(); }

 private:
  render::CsvWriter csv_;
};

}  // namespace clearhouse::cli
