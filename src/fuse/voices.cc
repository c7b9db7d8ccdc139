#include "fuse/voices.h"

#include <cctype>
#include <unordered_map>

namespace newsfuse::fuse {

std::vector<std::string> VoiceKeys(const std::vector<const AnnotatedArticle*>& members,
                                   const std::vector<ReportSource>& sources) {
  std::vector<std::string> keys;
  keys.reserve(members.size());
  for (const AnnotatedArticle* a : members) {
    std::string key;
    for (char c : a->article.outlet) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u)) key += static_cast<char>(std::tolower(u));
    }
    keys.push_back(key.empty() ? "#" + a->article.id : key);
  }
  std::unordered_map<std::string, size_t> index_of;  // citation key -> source index
  for (size_t s = 0; s < sources.size() && s < members.size(); ++s) index_of[sources[s].id] = s;
  for (size_t s = 0; s < sources.size() && s < members.size(); ++s) {
    // Follow copy -> original; the bound guards against a cycle in bad input.
    size_t original = s;
    for (size_t hops = 0; hops < sources.size(); ++hops) {
      auto it = index_of.find(sources[original].copy_of);
      if (sources[original].copy_of.empty() || it == index_of.end()) break;
      original = it->second;
    }
    if (original != s) keys[s] = keys[original];
  }
  return keys;
}

}  // namespace newsfuse::fuse
