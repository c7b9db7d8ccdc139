#include "cli/name_aliases.h"

#include <cctype>

#include "analyze/entity/gazetteer.h"
#include "analyze/entity/name_key.h"

namespace newsfuse::cli {
namespace {

// Keys this short have skeletons too short to tell names apart.
constexpr size_t kMinSkeletonKey = 6;
constexpr size_t kMinSkeleton = 3;
// Transliterations of one name differ by a few letters at most.
constexpr size_t kMaxLengthGap = 3;
// A query word gets no more alternatives than this.
constexpr size_t kMaxVariants = 8;

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
bool IsKSound(char c) { return c == 'c' || c == 'g' || c == 'k' || c == 'q'; }

std::string Key(std::string_view word) {
  return analyze::entity::NameKey(word, analyze::entity::Gazetteer::Get().translit());
}

}  // namespace

std::string NameSkeleton(std::string_view key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c < 'a' || c > 'z') continue;
    if (c == 'p' && i + 1 < key.size() && key[i + 1] == 'h') c = 'f';  // ph: f
    if (IsVowel(c) || c == 'h') {
      // A leading vowel is kept as one mark: "abbas" is not "bass".
      if (i == 0) out += 'a';
      continue;
    }
    if (IsKSound(c)) c = 'k';
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

std::vector<std::string> NameVariants(Store& store, std::string_view word) {
  for (char c : word) {
    // Names only: a word with digits or inner punctuation is searched as typed.
    if (!std::isalpha(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) {
      return {};
    }
  }
  const std::string key = Key(word);
  if (key.size() < 4) return {};
  const std::string skeleton = NameSkeleton(key);
  const bool by_skeleton = key.size() >= kMinSkeletonKey && skeleton.size() >= kMinSkeleton;
  // The index is read by first letter: the key's, or every letter of the
  // k sound when the skeleton may match across them.
  std::string firsts(1, key[0]);
  if (by_skeleton && IsKSound(key[0])) firsts = "cgkq";
  std::vector<std::string> variants;
  for (char first : firsts) {
    auto words = store.IndexedWords(std::string(1, first), std::string(1, first + 1));
    if (!words.ok()) return {};
    for (const std::string& w : *words) {
      if (variants.size() == kMaxVariants) break;
      const size_t gap = w.size() > key.size() ? w.size() - key.size() : key.size() - w.size();
      if (gap > kMaxLengthGap) continue;
      const std::string w_key = Key(w);
      const bool same = w_key == key || (by_skeleton && w_key.size() >= kMinSkeletonKey &&
                                         NameSkeleton(w_key) == skeleton);
      if (!same) continue;
      auto named = store.HasEntityKey(w_key);
      if (named.ok() && *named) variants.push_back(w);
    }
  }
  return variants;
}

}  // namespace newsfuse::cli
