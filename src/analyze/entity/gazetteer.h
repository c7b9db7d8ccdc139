// The entity annotator's word lists, parsed once into hash maps.
//
// Every list (countries, cities, first names, roles, ...) becomes flags on one
// map keyed by the lower-case phrase, so one lookup per word or phrase answers
// every question the recogniser asks ("is 'russian' a demonym, a role, a first
// name?"). Multi-word phrases ("abu dhabi", "prime minister") also mark each of
// their proper prefixes, so a longest-match scan can stop as soon as no phrase
// continues. Built on first use, immutable after, safe to share across threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/string_map.h"

namespace newsfuse::analyze::entity {

// The embedded texts of data/analyze/entity/*.tsv (newsfuse_embed_data).
struct GazetteerTexts {
  std::string_view countries, cities, first_names, roles, honorifics, lexicon_places, lexicon_orgs,
      common_words, curated;
};
const GazetteerTexts& EmbeddedGazetteerTexts();

enum LexFlag : uint32_t {
  kCountryName = 1u << 0,  // "ukraine", "united arab emirates"
  kDemonym = 1u << 1,      // "russian"
  kCity = 1u << 2,
  kRegion = 1u << 3,        // regions, continents, curated places
  kOrg = 1u << 4,           // a whole organisation name
  kOrgWord = 1u << 5,       // "fund", "council": heads an organisation name
  kRole = 1u << 6,          // "envoy", "prime minister"
  kRoleModifier = 1u << 7,  // "special", "deputy"
  kHonorific = 1u << 8,     // "adm", "gen": a rank abbreviation, a role
  kCourtesy = 1u << 9,      // "mr", "mrs": names a person, not a role
  kFirstName = 1u << 10,
  kCommon = 1u << 11,        // an ordinary word: not a name by itself
  kCueVerb = 1u << 12,       // "said": the bare word before it is a person
  kNotName = 1u << 13,       // months, weekdays
  kPrefix = 1u << 14,        // a proper prefix of a longer phrase
  kConnector = 1u << 15,     // "of", "and": may join words of one name
  kPlaceWord = 1u << 16,     // "oblast", "region": ends a place name
  kNameParticle = 1u << 17,  // "bin", "ibn": lower case inside an Arabic name
};

struct Country {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;  // canonical English name: "Russia"
  std::string key;   // lower-case canonical name: "russia"
};

struct Place {
  std::string name;
  std::string code;  // alpha-2, empty when none (continents)
  std::string key;
  uint32_t population = 0;
};

struct LexEntry {
  uint32_t flags = 0;
  int32_t country = -1;  // index into countries(): country names and demonyms
  int32_t place = -1;    // index into places(): cities and regions
  char gender = '?';     // first names and courtesy titles: 'm', 'f' or '?'
};

// A role, rank abbreviation or courtesy title: titles the name after it.
constexpr uint32_t kTitle = kRole | kHonorific | kCourtesy;
// A word the lists know as (part of) a name of some kind.
constexpr uint32_t kNameLike = kCountryName | kDemonym | kCity | kRegion | kOrg | kFirstName |
                               kRole | kHonorific | kCourtesy | kOrgWord;

// An entry's flags without kPrefix (which only says a longer phrase starts
// with it); 0 for no entry.
inline uint32_t FlagsOf(const LexEntry* e) { return e == nullptr ? 0 : e->flags & ~kPrefix; }

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
// Open addressing (text/string_map.h): the recogniser asks about every
// capitalised word. Immutable once built, so entry pointers stay valid.
using PhraseMap = text::StringMap<LexEntry>;

class Gazetteer {
 public:
  static const Gazetteer& Get();
  explicit Gazetteer(const GazetteerTexts& texts);

  // The entry of a lower-case word or space-joined phrase; nullptr when none.
  const LexEntry* Find(std::string_view lower) const;
  // Case-sensitive forms: acronyms and dotted abbreviations ("US", "U.S.",
  // "UAE"), where case is the evidence ("us" is a pronoun).
  const LexEntry* FindExact(std::string_view surface) const;
  // A place by its transliteration-folded key ("zaporizhzhia" finds
  // GeoNames' "Zaporizhzhya"); -1 when none.
  int32_t FindFoldedPlace(std::string_view key) const;
  // The expansion of an organisation acronym news uses bare ("NATO"), or "".
  std::string_view AcronymExpansion(std::string_view acronym) const;

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Place>& places() const { return places_; }
  // Ordered (from, to) spelling folds; '^'/'$' anchor at word start/end.
  const std::vector<std::pair<std::string, std::string>>& translit() const { return translit_; }
  int max_phrase_words() const { return max_phrase_words_; }

 private:
  LexEntry& Add(std::string_view phrase, uint32_t flags);
  void AddExact(std::string_view surface, const LexEntry& entry);
  int32_t AddCountryAlias(std::string_view surface, std::string_view code);
  int32_t CountryIndex(std::string_view code) const;
  void LoadCountries(std::string_view text);
  void LoadPlaces(std::string_view text, bool with_code);
  void LoadCurated(std::string_view text);

  PhraseMap phrases_;
  PhraseMap exact_;
  text::StringMap<int32_t> folded_places_;
  text::StringMap<std::string> acronyms_;
  std::vector<Country> countries_;
  std::vector<Place> places_;
  std::vector<std::pair<std::string, std::string>> translit_;
  int max_phrase_words_ = 1;
};

}  // namespace newsfuse::analyze::entity
