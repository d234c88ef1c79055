#include "generators/statements/pdf_libraries.hpp"

#include <stdexcept>
#include <string>
#include <type_traits>

#include "platform/shared_library.hpp"

namespace clearhouse::statements {
namespace {

PdfLibraries load() {
  try {
    // Its dependencies are searched too: cairo's, GObject's and GLib's functions come from it.
    static const platform::SharedLibrary library("libpangocairo-1.0.so.0");
    PdfLibraries lib;
#define CLEARHOUSE_PDF_LOOKUP(name) lib.name = library.function<std::remove_pointer_t<decltype(lib.name)>>(#name);
    CLEARHOUSE_PDF_FUNCTIONS(CLEARHOUSE_PDF_LOOKUP)
#undef CLEARHOUSE_PDF_LOOKUP
    return lib;
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(std::string("PDF statements need Pango and cairo (Debian: apt-get install "
                                         "libpangocairo-1.0-0 libcairo2): ") + e.what());
  }
}

}  // namespace

const PdfLibraries& pdf() {
  static const PdfLibraries lib = load();
  return lib;
}

}  // namespace clearhouse::statements
