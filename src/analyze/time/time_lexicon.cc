#include "analyze/time/time_lexicon.h"

#include <bit>

namespace newsfuse::analyze::time {
namespace {

uint64_t HashWord(std::string_view w) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

void WordTable::Build(const Lexicon& lexicon) {
  size_t size = std::bit_ceil(lexicon.size() * 4 + 1);
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  for (const auto& [word, entry] : lexicon) {
    size_t i = HashWord(word) & mask_;
    while (slots_[i].entry) i = (i + 1) & mask_;
    slots_[i] = Slot{word, &entry};
    signatures_.Add(word);
    if (word.size() > max_length_) max_length_ = word.size();
  }
}

const WordEntry* WordTable::Find(std::string_view word) const {
  if (word.size() > max_length_ || !signatures_.MayHold(word)) return nullptr;
  for (size_t i = HashWord(word) & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (!s.entry) return nullptr;
    if (s.key == word) return s.entry;
  }
}

}  // namespace newsfuse::analyze::time
