#include "duc.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rouge.h"

namespace fs = std::filesystem;

namespace newsfuse::bench {

std::vector<DucTopic> LoadDuc(const fs::path& root) {
  std::vector<DucTopic> topics;
  if (!fs::is_directory(root / "docs") || !fs::is_directory(root / "refs")) return topics;
  for (const auto& e : fs::directory_iterator(root / "docs")) {
    if (!e.is_directory()) continue;
    std::string name = e.path().filename().string();
    if (name.size() < 2 || name.back() != 't') continue;
    DucTopic t;
    t.id = name.substr(0, name.size() - 1);
    for (const auto& d : fs::directory_iterator(e.path())) {
      if (d.is_regular_file()) t.docs.push_back(d.path());
    }
    std::sort(t.docs.begin(), t.docs.end());
    std::vector<fs::path> refs;
    for (const auto& r : fs::directory_iterator(root / "refs")) {
      if (r.path().filename().string().rfind(t.id + ".M.", 0) == 0) refs.push_back(r.path());
    }
    std::sort(refs.begin(), refs.end());
    for (const auto& r : refs) t.refs.push_back(ReadSummaryLines(r.string()));
    if (!t.docs.empty() && !t.refs.empty()) topics.push_back(std::move(t));
  }
  std::sort(topics.begin(), topics.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return topics;
}

std::string DucDocumentText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string raw = ss.str();
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if ((c == '`' || c == '\'') && i + 1 < raw.size() && raw[i + 1] == c) {
      out += '"';
      ++i;
    } else if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.front() == ' ')) {
    if (out.back() == ' ')
      out.pop_back();
    else
      out.erase(0, 1);
  }
  return out;
}

const std::vector<PublishedSystem>& PublishedDuc2004() {
  // Hong et al., LREC 2014 (SumRepo), ROUGE-1.5.5 -n 2 -m -l 100 -f A; humans
  // leave-one-out. The same figures rouge_eval reproduces from the outputs.
  static const std::vector<PublishedSystem> systems = {
      {"LexRank", 36.00, 7.51}, {"Centroid", 36.42, 7.98}, {"Submodular", 39.23, 9.37},
      {"DPP", 39.84, 9.62},     {"ICSISumm", 38.44, 9.81}, {"humans", 39.85, 9.36},
  };
  return systems;
}

}  // namespace newsfuse::bench
