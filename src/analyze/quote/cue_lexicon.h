// The words that signal reported speech, parsed once from the embedded
// data/analyze/quote/cues.txt. Internal to the quote annotator.
//
// Lookups take a word as written and fold ASCII case on a stack buffer, so
// classifying a token allocates nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "text/string_map.h"

namespace newsfuse::analyze::quote_internal {

// What a word can be in an attribution; a word may be several ("that" is a
// stop word, "on" a skip word).
enum WordClass : uint32_t {
  kSpeech = 1 << 0,   // said, added, wrote
  kObject = 1 << 1,   // told (reporters) that
  kFrame = 1 << 2,    // described (the talks) as
  kThought = 1 << 3,  // believes that: reported, never a direct-quote cue
  kPronoun = 1 << 4,
  kSkip = 1 << 5,
  kStop = 1 << 6,
  kDeterminer = 1 << 7,
  kBare = 1 << 8,       // takes a clause with no "that": "said the talks ..."
  kTitle = 1 << 9,      // "Prime Minister", "Chief Executive" before a name
  kAux = 1 << 10,       // could, would, had, was
  kGroup = 1 << 11,     // the group, the ministry, protesters: a body that speaks as one
  kDocument = 1 << 12,  // the statement, the letter: speaks for whoever issued it
  kPeriod = 1 << 13,    // week, month: "said this week that" is when, not what
  // continued, chanted: a direct-quote cue only right next to the quote
  // ("he continued, ``...''"); elsewhere not reporting at all.
  kQuoting = 1 << 14,
  // close, familiar: "a source close to X" is near X, never X
  kProximity = 1 << 15,
  // signs, banners: "signs reading ``...''" are words written, not said
  kDisplay = 1 << 16,
  // chant, cry: "a chant of ``...'' rose from the crowd"
  kOutcry = 1 << 17,
  // March, May: a time phrase only when capitalised ("said this may be" is none)
  kMonth = 1 << 18,
};

constexpr uint32_t kAnyCue = kSpeech | kObject | kFrame | kThought;

// A multi-word phrase as lowercase words; "NAME" matches any capitalised word.
using Phrase = std::vector<std::string>;

class CueLexicon {
 public:
  // The lexicon built from the embedded data file (parsed on first use).
  static const CueLexicon& Default();
  // Parses a cues.txt text; public so tests can try a variant.
  explicit CueLexicon(std::string_view data);

  uint32_t Classes(std::string_view word) const;
  // For a pronoun: the entity type it can refer to, or nullopt for "any".
  const EntityType* PronounType(std::string_view word) const;
  const std::vector<Phrase>& Tails() const { return tails_; }
  const std::vector<Phrase>& According() const { return according_; }

 private:
  // Open addressing (text/string_map.h): Classes() is asked about every word,
  // and most words are in no class: their signature turns them away unhashed.
  text::StringMap<uint32_t> classes_;
  text::KeySignatures signatures_;  // of classes_' keys, which hold pronoun_types_' too
  text::StringMap<EntityType> pronoun_types_;
  std::vector<Phrase> tails_;
  std::vector<Phrase> according_;
};

// ASCII lowercase of `word` into `buf` (truncated to its size); returns the view.
std::string_view FoldCase(std::string_view word, char* buf, size_t size);

}  // namespace newsfuse::analyze::quote_internal
