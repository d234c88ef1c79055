#pragma once
#include "engine/model/delimiters.hpp"

namespace clearhouse::x12 {
using model::Delimiters;
}  // namespace clearhouse::x12
