// One line per page a set's run refused as "not an article" (issue 13/15:
// no real article of any benchmark may be refused; each such line is a page
// to check by eye), counted per set by the caller's failure counts.
#pragma once

#include <cstdio>
#include <string>

#include "core/status.h"

namespace newsfuse::bench {

inline void NoteRejection(const char* set, const std::string& page, const Status& status) {
  if (status.message().rfind("not an article", 0) != 0) return;
  std::printf("extraction_not_article set=%s page=%s reason=\"%s\"\n", set, page.c_str(),
              status.message().c_str());
}

}  // namespace newsfuse::bench
