// Shared by the fuzz targets: turning fuzzer bytes into the inputs a stage's
// contract allows, and the cheap invariant checks every target makes.
//
// A target must never feed a stage what its caller cannot: an Article's text
// is valid UTF-8 (extract guarantees it), so analysers and renderers get
// UTF-8 here too, and a crash found is a crash a user can reach.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "core/utf8.h"

namespace newsfuse::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The bytes with each byte that breaks UTF-8 replaced by '?', so every input
// the fuzzer makes reaches the stage instead of being thrown away.
inline std::string ValidUtf8(std::string_view bytes) {
  std::string out(bytes);
  size_t from = 0;
  while (auto bad = FirstInvalidUtf8(std::string_view(out).substr(from))) {
    out[from + *bad] = '?';
    from += *bad + 1;
  }
  return out;
}

// Paragraphs as extract makes them: one per non-blank line, no newline inside.
inline std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

// Aborts (a finding) with a message when a contract check fails; kept apart
// from assert() so the check holds in every build type.
inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz contract violated: %s\n", what);
    std::abort();
  }
}

inline void CheckSpan(const Span& span, size_t body_size, const char* what) {
  Check(span.begin <= span.end && span.end <= body_size, what);
}

// A scratch file whose extension picks the ingest reader; in /dev/shm when
// there is one, so a run costs no disk write.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& name) {
    namespace fs = std::filesystem;
    fs::path dir = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir /= "newsfuse-fuzz-" + std::to_string(::getpid());
    fs::create_directories(dir);
    path_ = (dir / name).string();
  }
  ~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    std::filesystem::remove(std::filesystem::path(path_).parent_path(), ignored);
  }
  const std::string& Write(std::string_view bytes) const {
    std::ofstream(path_, std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
    return path_;
  }

 private:
  std::string path_;
};

}  // namespace newsfuse::fuzz
