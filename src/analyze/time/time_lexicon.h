// Word classes of the temporal lexicon (data/analyze/time/lexicon.txt).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/string_map.h"

namespace newsfuse::analyze::time {

// Lexicon classes first, then classes given by the shape of a number token.
enum class WordClass : uint8_t {
  kMonth,
  kWeekday,
  kWeekdays,
  kSeason,
  kPart,
  kUnit,
  kUnits,
  kNum,
  kOrd,
  kHoliday,
  kHedge,
  kNotYear,
  kNotYearAfter,
  kYearPlural,
  kMonthCtx,
  kFuture,
  kPast,
  kModal,
  kReport,
  kAmPm,
  kTz,
  // shapes
  kDay,
  kDayOrd,
  kYear,
  kDigits,
  kHour,
  kDecade,
  kCentOrd,
  kIsoDate,
  kSlashDate,
  kClock,
  kCount
};

std::optional<WordClass> WordClassFromName(std::string_view name);

struct LexiconEntry {
  WordClass cls;
  std::string_view value;
  bool needs_capital = false;  // "cap": names of months and days
  bool needs_context = false;  // "ctx": also a common word or name
};

// A word the rules know: its lexicon classes (none for a word that only
// appears literally in a pattern) and an id, so matching compares integers.
struct WordEntry {
  int32_t id = -1;
  std::vector<LexiconEntry> entries;
};

// word -> entry; keys view into the embedded data, which lives for the program.
using Lexicon = std::unordered_map<std::string_view, WordEntry>;

// The lexicon as the tokenizer reads it, once per word of every article: an
// open-addressing table with a short hash, since std::unordered_map's lookup
// (murmur hash, node chasing) was the largest cost of tagging in the profile.
class WordTable {
 public:
  void Build(const Lexicon& lexicon);
  // Inline: the tokenizer asks it of every word of every article.
  const WordEntry* Find(std::string_view word) const {
    if (word.size() > max_length_ || !signatures_.MayHold(word)) return nullptr;
    for (size_t i = Hash(word) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.entry) return nullptr;
      if (s.key == word) return s.entry;
    }
  }

 private:
  static uint64_t Hash(std::string_view w) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }

  struct Slot {
    std::string_view key;
    const WordEntry* entry = nullptr;
  };
  std::vector<Slot> slots_;
  text::KeySignatures signatures_;  // most words are turned away here, unhashed
  size_t mask_ = 0;
  size_t max_length_ = 0;
};

}  // namespace newsfuse::analyze::time
