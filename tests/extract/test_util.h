// Helpers for the extract tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "core/records.h"

namespace newsfuse::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string SeedPath(const std::string& name) {
  return std::string(NEWSFUSE_SOURCE_DIR) + "/examples/seeds/" + name;
}

inline std::string FixturePath(const std::string& name) {
  return std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/extract/" + name;
}

// The whole article, for failure messages.
inline std::string Dump(const Article& a) {
  std::ostringstream o;
  o << "title: " << a.title << "\noutlet: " << a.outlet
    << "\npublished: " << (a.published ? a.published->ToIso() : "-")
    << "\nupdated: " << (a.updated ? a.updated->ToIso() : "-") << "\ndateline: " << a.dateline
    << "\nlanguage: " << a.language << "\nauthors:";
  for (auto& x : a.authors) o << " [" << x << "]";
  o << "\nsources:";
  for (auto& [k, v] : a.field_sources) o << " " << k << "=" << v;
  o << "\n";
  for (size_t i = 0; i < a.paragraphs.size(); ++i)
    o << "  [" << i << "] " << a.paragraphs[i] << "\n";
  return o.str();
}

}  // namespace newsfuse::testing
