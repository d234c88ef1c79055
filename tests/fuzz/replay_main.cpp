// Replays every file under the given directories (or files) through LLVMFuzzerTestOneInput, so
// fuzz targets build and run their corpus under plain g++ in every CI run.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

static int replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return 1;
}

int main(int argc, char** argv) {
  int count = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path p = argv[i];
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file()) count += replay(e.path());
    } else if (fs::exists(p)) {
      count += replay(p);
    } else {
      std::fprintf(stderr, "no such input: %s\n", argv[i]);
      return 1;
    }
  }
  // Also a few fixed edge cases, so a target with an empty corpus still runs.
  const char* edge[] = {"", "I", "ISA", "ISA*", "\xEF\xBB\xBF", "~~~~"};
  for (const char* e : edge) LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(e), std::char_traits<char>::length(e));
  std::printf("replayed %d inputs\n", count);
  return 0;
}
