#include "render/render.h"

namespace newsfuse {

const char kUndatedNotice[] =
    "No source of this story states a publication date: the timeline dates are those the text "
    "states, relative expressions are unresolved";

// Computed from the sources rather than stored in the report, so a report read
// back from JSON (or written by an older build) says the same.
bool StoryUndated(const StoryReport& report) {
  if (report.sources.empty()) return false;
  for (const auto& s : report.sources) {
    if (!s.published.empty()) return false;
  }
  return true;
}

}  // namespace newsfuse
