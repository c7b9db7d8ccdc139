#include "analyze/time/time_lexicon.h"

#include <bit>

namespace newsfuse::analyze::time {

void WordTable::Build(const Lexicon& lexicon) {
  size_t size = std::bit_ceil(lexicon.size() * 4 + 1);
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  for (const auto& [word, entry] : lexicon) {
    size_t i = Hash(word) & mask_;
    while (slots_[i].entry) i = (i + 1) & mask_;
    slots_[i] = Slot{word, &entry};
    signatures_.Add(word);
    if (word.size() > max_length_) max_length_ = word.size();
  }
}

}  // namespace newsfuse::analyze::time
