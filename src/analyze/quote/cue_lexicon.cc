#include "analyze/quote/cue_lexicon.h"

#include <algorithm>

#include "text/word_lists.h"

namespace newsfuse::analyze::quote_internal {
namespace {
#include "embedded_data.inc"

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

uint32_t ClassOf(std::string_view name) {
  if (name == "speech") return kSpeech;
  if (name == "object") return kObject;
  if (name == "frame") return kFrame;
  if (name == "thought") return kThought;
  if (name == "pronoun") return kPronoun;
  if (name == "skip") return kSkip;
  if (name == "stop") return kStop;
  if (name == "det") return kDeterminer;
  if (name == "bare") return kBare;
  if (name == "title") return kTitle;
  if (name == "aux") return kAux;
  if (name == "group") return kGroup;
  if (name == "document") return kDocument;
  if (name == "period") return kPeriod;
  if (name == "month") return kMonth;
  if (name == "quoting") return kQuoting;
  if (name == "proximity") return kProximity;
  if (name == "display") return kDisplay;
  if (name == "outcry") return kOutcry;
  return 0;
}

// Byte k of `word` with ASCII case folded, 0 past its end: the key signature
// of a word is read before the word is folded whole.
unsigned char FoldByte(std::string_view word, size_t k) {
  if (k >= word.size()) return 0;
  const char c = word[k];
  return static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
}

}  // namespace

std::string_view FoldCase(std::string_view word, char* buf, size_t size) {
  const size_t n = std::min(word.size(), size);
  for (size_t i = 0; i < n; ++i) {
    const char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, n);
}

CueLexicon::CueLexicon(std::string_view data) {
  for (std::string_view line : word_lists::Lines(data)) {
    const std::vector<std::string_view> words = Words(line);
    if (words.size() < 2) continue;
    const std::string_view kind = words[0];
    if (kind == "tail" || kind == "according") {
      Phrase phrase(words.begin() + 1, words.end());
      (kind == "tail" ? tails_ : according_).push_back(std::move(phrase));
      continue;
    }
    const uint32_t cls = ClassOf(kind);
    if (cls == 0) continue;
    if (cls == kPronoun) {
      classes_[std::string(words[1])] |= kPronoun;
      if (words.size() > 2 && words[2] != "any") {
        pronoun_types_[std::string(words[1])] =
            words[2] == "person" ? EntityType::kPerson : EntityType::kOrganization;
      }
      continue;
    }
    // "bare" verbs are speech verbs too.
    const uint32_t bits = cls == kBare ? (kBare | kSpeech) : cls;
    for (size_t i = 1; i < words.size(); ++i) {
      char buf[32] = {};
      if (words[i].size() > sizeof buf) continue;
      classes_[std::string(FoldCase(words[i], buf, sizeof buf))] |= bits;
    }
  }
  for (const auto& [key, bits] : classes_) signatures_.Add(key);
  // Longest tails first, so "in a post on X" wins over "in a post".
  std::stable_sort(tails_.begin(), tails_.end(),
                   [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
}

const CueLexicon& CueLexicon::Default() {
  static const CueLexicon lexicon{std::string_view(kCuesData)};
  return lexicon;
}

uint32_t CueLexicon::Classes(std::string_view word) const {
  char buf[32] = {};
  if (word.size() > sizeof buf ||
      !signatures_.MayHold(word.size(), FoldByte(word, 0), FoldByte(word, 1)))
    return 0;
  auto it = classes_.find(FoldCase(word, buf, sizeof buf));
  return it == classes_.end() ? 0 : it->second;
}

const EntityType* CueLexicon::PronounType(std::string_view word) const {
  char buf[32] = {};
  if (word.size() > sizeof buf ||
      !signatures_.MayHold(word.size(), FoldByte(word, 0), FoldByte(word, 1)))
    return nullptr;
  auto it = pronoun_types_.find(FoldCase(word, buf, sizeof buf));
  return it == pronoun_types_.end() ? nullptr : &it->second;
}

}  // namespace newsfuse::analyze::quote_internal
