#include "analyze/entity/gazetteer.h"

#include <cstdlib>

#include "analyze/entity/name_key.h"
#include "core/strings.h"
#include "text/word_lists.h"

namespace newsfuse::analyze::entity {
namespace {

// The tab-separated fields of one line.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    const size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? line.npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size() && !s.empty()) {
    const size_t bar = s.find('|', pos);
    std::string_view part = s.substr(pos, bar == std::string_view::npos ? s.npos : bar - pos);
    if (!part.empty()) out.push_back(part);
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

// A form whose case is the evidence: "US", "U.S.", "UAE" (all capitals, or
// dotted). Title-case forms ("Britain") are looked up case-insensitively.
bool CaseSensitiveForm(std::string_view s) {
  bool has_lower = false;
  for (char c : s) has_lower |= (c >= 'a' && c <= 'z');
  return !has_lower;
}

size_t SharedPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// How well a country's name fits its demonym: the shared prefix ("French",
// "France"), but none for a territory named after its owner's demonym
// ("French Southern Territories", "American Samoa").
size_t DemonymFit(std::string_view demonym, std::string_view name) {
  if (name.size() > demonym.size() && name.compare(0, demonym.size(), demonym) == 0 &&
      name[demonym.size()] == ' ') {
    return 0;
  }
  return SharedPrefix(demonym, name);
}

}  // namespace

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer gazetteer(EmbeddedGazetteerTexts());
  return gazetteer;
}

Gazetteer::Gazetteer(const GazetteerTexts& t) {
  phrases_.reserve(60000);
  for (std::string_view w : word_lists::Lines(word_lists::StopWordsEn()))
    Add(AsciiLower(w), kCommon);
  for (std::string_view w : word_lists::Lines(word_lists::SentenceStartersEn())) {
    Add(AsciiLower(w), kCommon);
  }
  for (std::string_view w : word_lists::Lines(t.common_words)) Add(w, kCommon);
  for (std::string_view w : {"of", "the", "and", "for", "de", "del", "al", "bin", "von", "van",
                             "der", "la", "le", "du", "da", "&"}) {
    Add(w, kConnector);
  }
  LoadCountries(t.countries);
  LoadPlaces(t.cities, true);
  LoadPlaces(t.lexicon_places, false);
  for (std::string_view line : word_lists::Lines(t.first_names)) {
    auto f = Fields(line);
    Add(f[0], kFirstName).gender = f.size() > 1 && !f[1].empty() ? f[1][0] : '?';
  }
  for (std::string_view w : word_lists::Lines(t.roles)) Add(w, kRole);
  for (std::string_view w : word_lists::Lines(t.honorifics)) {
    // Multi-word entries ("rear admiral") are roles written out.
    Add(w, w.find(' ') == std::string_view::npos ? kHonorific : kRole);
  }
  for (std::string_view w : word_lists::Lines(t.lexicon_orgs)) Add(w, kOrg);
  LoadCurated(t.curated);
}

LexEntry& Gazetteer::Add(std::string_view phrase, uint32_t flags) {
  int words = 1;
  for (size_t i = 0; i < phrase.size(); ++i) {
    if (phrase[i] != ' ') continue;
    Add(phrase.substr(0, i), 0).flags |= kPrefix;
    ++words;
  }
  if (words > max_phrase_words_) max_phrase_words_ = words;
  LexEntry& e = phrases_[std::string(phrase)];
  e.flags |= flags;
  return e;
}

void Gazetteer::AddExact(std::string_view surface, const LexEntry& entry) {
  LexEntry& e = exact_[std::string(surface)];
  e.flags |= entry.flags;
  if (entry.country >= 0) e.country = entry.country;
  if (entry.place >= 0) e.place = entry.place;
}

int32_t Gazetteer::CountryIndex(std::string_view code) const {
  for (size_t i = 0; i < countries_.size(); ++i) {
    if (countries_[i].code == code) return static_cast<int32_t>(i);
  }
  return -1;
}

int32_t Gazetteer::AddCountryAlias(std::string_view surface, std::string_view code) {
  const int32_t idx = CountryIndex(code);
  if (idx < 0) return idx;
  LexEntry entry;
  entry.flags = kCountryName;
  entry.country = idx;
  if (CaseSensitiveForm(surface)) {
    AddExact(surface, entry);
  } else {
    LexEntry& e = Add(AsciiLower(surface), kCountryName);
    e.country = idx;
  }
  return idx;
}

void Gazetteer::LoadCountries(std::string_view text) {
  for (std::string_view line : word_lists::Lines(text)) {
    auto f = Fields(line);
    if (f.size() < 5) continue;
    countries_.push_back(Country{std::string(f[0]), std::string(f[1]), AsciiLower(f[1])});
  }
  for (std::string_view line : word_lists::Lines(text)) {
    auto f = Fields(line);
    if (f.size() < 5) continue;
    AddCountryAlias(f[1], f[0]);
    for (std::string_view a : SplitBar(f[2])) AddCountryAlias(a, f[0]);
    for (std::string_view a : SplitBar(f[3])) AddCountryAlias(a, f[0]);
    for (std::string_view d : SplitBar(f[4])) {
      // Territories share their state's demonym ("French": France, Mayotte,
      // ...): the best-fitting country keeps it (DemonymFit); curated.tsv
      // settles the rest ("American").
      LexEntry& e = Add(AsciiLower(d), kDemonym);
      const int32_t idx = CountryIndex(f[0]);
      if (e.country < 0 ||
          DemonymFit(d, countries_[idx].name) > DemonymFit(d, countries_[e.country].name)) {
        e.country = idx;
      }
    }
  }
}

void Gazetteer::LoadPlaces(std::string_view text, bool with_code) {
  for (std::string_view line : word_lists::Lines(text)) {
    auto f = Fields(line);
    Place p;
    p.name = std::string(f[0]);
    if (with_code && f.size() >= 3) {
      p.code = std::string(f[1]);
      p.population = static_cast<uint32_t>(std::strtoul(std::string(f[2]).c_str(), nullptr, 10));
    }
    p.key = NameKey(p.name, translit_);
    const std::string lower = AsciiLower(p.name);
    LexEntry& e = Add(lower, with_code ? kCity : kRegion);
    if (e.place >= 0) continue;  // the first (most populous) city of a name wins
    e.place = static_cast<int32_t>(places_.size());
    folded_places_.emplace(p.key, e.place);
    places_.push_back(std::move(p));
  }
}

void Gazetteer::LoadCurated(std::string_view text) {
  // The folds come first so place keys loaded below use them; cities were
  // keyed before, so re-key every place once the folds are known.
  for (std::string_view line : word_lists::Lines(text)) {
    auto f = Fields(line);
    if (f.size() >= 3 && f[0] == "translit") translit_.emplace_back(f[1], f[2]);
  }
  folded_places_.clear();
  for (size_t i = 0; i < places_.size(); ++i) {
    places_[i].key = NameKey(places_[i].name, translit_);
    folded_places_.emplace(places_[i].key, static_cast<int32_t>(i));
  }
  for (std::string_view line : word_lists::Lines(text)) {
    auto f = Fields(line);
    if (f.size() < 2) continue;
    const std::string_view kind = f[0];
    if (kind == "org_word") {
      Add(f[1], kOrgWord);
    } else if (kind == "place_word") {
      Add(f[1], kPlaceWord);
    } else if (kind == "role_modifier") {
      Add(f[1], kRoleModifier);
    } else if (kind == "cue_verb") {
      Add(f[1], kCueVerb);
    } else if (kind == "not_name") {
      Add(f[1], kNotName);
    } else if (kind == "courtesy" && f.size() >= 3) {
      LexEntry& e = Add(f[1], kCourtesy);
      e.flags &= ~kHonorific;
      e.gender = f[2].empty() ? '?' : f[2][0];
    } else if (kind == "country_alias" && f.size() >= 3) {
      AddCountryAlias(f[1], f[2]);
    } else if (kind == "demonym" && f.size() >= 3) {
      LexEntry& e = Add(AsciiLower(f[1]), kDemonym);
      e.country = CountryIndex(f[2]);
    } else if (kind == "place" && f.size() >= 4) {
      Place p{std::string(f[1]), f[2] == "-" ? std::string() : std::string(f[2]),
              NameKey(f[3], translit_), 0};
      LexEntry& e = Add(AsciiLower(f[1]), kRegion);
      e.place = static_cast<int32_t>(places_.size());
      folded_places_[NameKey(f[1], translit_)] = e.place;
      places_.push_back(std::move(p));
    } else if (kind == "org_acronym" && f.size() >= 3) {
      acronyms_[std::string(f[1])] = std::string(f[2]);
      LexEntry entry;
      entry.flags = kOrg;
      AddExact(f[1], entry);
    }
  }
}

const LexEntry* Gazetteer::Find(std::string_view lower) const {
  auto it = phrases_.find(lower);
  return it == phrases_.end() ? nullptr : &it->second;
}

const LexEntry* Gazetteer::FindExact(std::string_view surface) const {
  auto it = exact_.find(surface);
  return it == exact_.end() ? nullptr : &it->second;
}

int32_t Gazetteer::FindFoldedPlace(std::string_view key) const {
  auto it = folded_places_.find(key);
  return it == folded_places_.end() ? -1 : it->second;
}

std::string_view Gazetteer::AcronymExpansion(std::string_view acronym) const {
  auto it = acronyms_.find(acronym);
  return it == acronyms_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace newsfuse::analyze::entity
