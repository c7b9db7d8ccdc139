#include "polnear_corpus.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace newsfuse::bench {

std::filesystem::path MetadataPath(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("metadata_") && name.ends_with(".tsv")) return e.path();
  }
  return {};
}

namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// "Content 752 760;769 800" -> the extent [752, 800).
bool ParseExtent(const std::string& field, std::string* type, CpSpan* span) {
  const size_t sp = field.find(' ');
  if (sp == std::string::npos) return false;
  *type = field.substr(0, sp);
  uint32_t lo = UINT32_MAX, hi = 0;
  for (const std::string& part : Split(field.substr(sp + 1), ';')) {
    std::istringstream in(part);
    uint32_t b = 0, e = 0;
    if (!(in >> b >> e)) return false;
    lo = std::min(lo, b);
    hi = std::max(hi, e);
  }
  *span = CpSpan{lo, hi};
  return lo < hi;
}

// annotators per article, from the split's metadata_<split>.tsv (test,
// train or dev: the splits share one layout).
std::map<std::string, std::vector<std::string>> Annotators(const fs::path& dir) {
  std::map<std::string, std::vector<std::string>> out;
  std::ifstream in(MetadataPath(dir));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() > 3) out[f[1]] = Split(f[3], '|');
  }
  return out;
}

PolnearDoc Load(const fs::path& dir, const std::string& name, const std::string& annotator) {
  PolnearDoc doc;
  doc.name = name;
  doc.annotator = annotator;
  doc.text = Slurp(dir / "text" / (name + ".txt"));
  doc.gold = ReadAnn(dir / "attributions" / (name + "_" + annotator + ".ann"));
  return doc;
}

}  // namespace

std::vector<GoldAttribution> ReadAnn(const fs::path& path) {
  std::map<std::string, std::pair<std::string, CpSpan>> spans;
  std::vector<std::string> events;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 2 || f[0].empty()) continue;
    if (f[0][0] == 'T') {
      std::string type;
      CpSpan span;
      if (ParseExtent(f[1], &type, &span)) spans[f[0]] = {type, span};
    } else if (f[0][0] == 'E') {
      events.push_back(f[1]);
    }
  }
  std::vector<GoldAttribution> out;
  for (const std::string& ev : events) {
    GoldAttribution g;
    bool has_content = false;
    std::istringstream words(ev);
    std::string arg;
    while (words >> arg) {
      const size_t colon = arg.find(':');
      if (colon == std::string::npos) continue;
      const std::string role = arg.substr(0, colon);
      auto it = spans.find(arg.substr(colon + 1));
      if (it == spans.end()) continue;
      if (role == "Content") {
        g.content = it->second.second;
        has_content = true;
      } else if (role == "Source") {
        g.source = it->second.second;
        g.has_source = true;
      } else if (role == "Cue") {
        g.cue = it->second.second;
      }
    }
    if (has_content) out.push_back(g);
  }
  return out;
}

std::vector<PolnearDoc> ReadPolnear(const fs::path& dir) {
  std::vector<PolnearDoc> docs;
  for (const auto& [name, annotators] : Annotators(dir)) {
    if (annotators.empty() || !fs::exists(dir / "text" / (name + ".txt"))) continue;
    docs.push_back(Load(dir, name, annotators.front()));
  }
  return docs;
}

std::vector<std::vector<PolnearDoc>> ReadMultiAnnotated(const fs::path& dir) {
  std::vector<std::vector<PolnearDoc>> out;
  for (const auto& [name, annotators] : Annotators(dir)) {
    if (annotators.size() < 2) continue;
    std::vector<PolnearDoc> versions;
    for (const std::string& a : annotators) versions.push_back(Load(dir, name, a));
    out.push_back(std::move(versions));
  }
  return out;
}

}  // namespace newsfuse::bench
