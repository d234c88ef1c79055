#include "platform/shared_library.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace clearhouse::platform {

SharedLibrary::SharedLibrary(std::string soname) : soname_(std::move(soname)) {
  handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* why = dlerror();
    throw std::runtime_error("cannot load the shared library " + soname_ + ": " + (why != nullptr ? why : "unknown error"));
  }
}

void* SharedLibrary::address(const char* name) const {
  dlerror();  // clear any earlier error
  void* found = dlsym(handle_, name);
  if (found == nullptr) {
    const char* why = dlerror();
    throw std::runtime_error("the shared library " + soname_ + " has no function " + name +
                             (why != nullptr ? std::string(": ") + why : std::string()));
  }
  return found;
}

}  // namespace clearhouse::platform
