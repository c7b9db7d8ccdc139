// Title and author labels for the Readability test pages by issue 15's
// definitions (METADATA-GUIDELINES.md): each label is an edit of the page's
// reference (expected-metadata.json), read from readability_guideline_gold.tsv.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace newsfuse::bench {

enum class LabelState { kScored, kNone, kSkip };

struct GuidelineLabel {
  LabelState title_state = LabelState::kScored;
  std::vector<std::string> titles;  // the headline, then the page's other wordings of it
  LabelState author_state = LabelState::kScored;
  std::vector<std::string> authors;  // one entry per person
};

// The edits of one page, as written in the gold file's two columns.
struct GuidelineEdits {
  std::string title, author;
};

// Page name -> its edits; empty when the file is missing. Lines starting with
// '#' are comments.
std::map<std::string, GuidelineEdits> ReadGuidelineEdits(const std::filesystem::path& tsv);

// Applies the edits to the references (whitespace collapsed first; an absent
// reference is ""). An edit that does not fit its reference (a cut that is
// not there, an unknown edit) throws std::runtime_error naming it, so a
// mislabelled page cannot be scored silently.
GuidelineLabel ApplyGuidelineEdits(const GuidelineEdits& edits, const std::string& reference_title,
                                   const std::string& reference_byline);

}  // namespace newsfuse::bench
