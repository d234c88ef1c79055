#pragma once
// A shared library opened when a command first needs it rather than when clearhouse starts.
// The PostgreSQL client (libpq) and the PDF renderer (Pango and cairo) come in this way: linked
// at start-up they and their ~50 dependencies were 5 ms of a command's 7 ms of start-up, paid by
// every `parse`, `validate` and `worklist` that never uses them.
//
//   static const SharedLibrary pq("libpq.so.5");
//   auto* connect = pq.function<decltype(PQconnectdb)>("PQconnectdb");
//
// A library, once opened, stays open for the life of the process (libraries with their own
// threads or type registries do not survive being unloaded).

#include <string>

namespace clearhouse::platform {

class SharedLibrary {
 public:
  // Opens `soname` (e.g. "libpq.so.5") with every symbol bound now. Throws std::runtime_error
  // naming the library and what the loader said when it cannot be opened.
  explicit SharedLibrary(std::string soname);

  // The function `name` of the library or of the libraries it depends on. Throws
  // std::runtime_error naming it when it is missing.
  template <class Function>
  Function* function(const char* name) const {
    return reinterpret_cast<Function*>(address(name));
  }

  const std::string& soname() const { return soname_; }

 private:
  void* address(const char* name) const;
  std::string soname_;
  void* handle_ = nullptr;
};

}  // namespace clearhouse::platform
