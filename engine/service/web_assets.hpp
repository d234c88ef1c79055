#pragma once
// The worklist page's static files, compiled into the binary from engine/service/web/ at build
// time (embed_web_assets.cmake writes web_assets_data.cpp), so the service needs no files
// beside it and works offline.

#include <span>
#include <string_view>

namespace clearhouse::service {

struct WebAsset {
  std::string_view name;    // "app.js"
  std::string_view data;
  std::string_view sha256;  // hex of data: the ETag
};

std::span<const WebAsset> web_assets();
const WebAsset* find_web_asset(std::string_view name);
// By extension: text/html, text/javascript, text/css, image/svg+xml, ...; charset for text.
std::string_view web_content_type(std::string_view name);

}  // namespace clearhouse::service
