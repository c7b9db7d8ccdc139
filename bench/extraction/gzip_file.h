// The shared benchmark sets store their pages gzipped; read them in place.
#pragma once

#include <filesystem>
#include <string>

namespace newsfuse::bench {

// Appends the decompressed bytes of `path` to `out`; false when the file is
// missing or corrupt.
bool ReadGzip(const std::filesystem::path& path, std::string& out);

}  // namespace newsfuse::bench
