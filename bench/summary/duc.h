// DUC 2004 Task 2 as laid out under ../shared/bench/duc2004 (read in place).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace newsfuse::bench {

struct DucTopic {
  std::string id;                              // "d30001" (the docs folder is id + "t")
  std::vector<std::filesystem::path> docs;     // docs/d30001t/D01.txt ...
  std::vector<std::vector<std::string>> refs;  // the 4 human summaries, as lines
};

// Topics in id order; empty when the data is absent.
std::vector<DucTopic> LoadDuc(const std::filesystem::path& root);

// A document's text for the pipeline. The mirror keeps the newswire's
// hard-wrapped lines and `` '' quotes: one paragraph, straight quotes.
std::string DucDocumentText(const std::filesystem::path& path);

// The published figures on this protocol (R-1/R-2 recall, %), for display.
struct PublishedSystem {
  const char* name;
  double r1, r2;
};
const std::vector<PublishedSystem>& PublishedDuc2004();

}  // namespace newsfuse::bench
