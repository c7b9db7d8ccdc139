// Namesakes: a bare surname two people share (or one the entity annotator
// missed), the gender that chooses between them, and the relative a
// possessive of the surname brings in. Part of SpeakerResolver (speaker.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entity/gazetteer.h"
#include "analyze/quote/speaker.h"

namespace newsfuse::analyze::quote_internal {
namespace {

constexpr uint32_t kNamesakeLookback = 2;  // sentences

}  // namespace

char SpeakerResolver::GenderOf(uint32_t entity) const {
  const std::string& name = article_.entities[entity].name;
  const std::string_view first = std::string_view(name).substr(0, name.find(' '));
  if (first.size() == name.size() || first.size() >= 32) return '?';
  char buf[32] = {};
  const entity::LexEntry* e = entity::Gazetteer::Get().Find(FoldCase(first, buf, sizeof buf));
  if (e == nullptr || !(e->flags & entity::kFirstName)) return '?';
  return e->gender == 'm' || e->gender == 'f' ? e->gender : '?';
}

bool SpeakerResolver::AmbiguousSurname(const Mention& m) const {
  if (m.entity >= article_.entities.size() ||
      article_.entities[m.entity].type != EntityType::kPerson) {
    return false;
  }
  const std::string_view text = article_.Text(m.span);
  if (text.find(' ') != std::string_view::npos) return false;
  BuildIndex();
  const auto it = index_.by_surname.find(text);
  if (it == index_.by_surname.end()) return false;
  return it->second.size() > 1 || UnmarkedNamesake(it->second.front(), text);
}

// "Harald Voss, the co-op's chairman, ... Voss said" where the entity
// annotator knows only Mira Voss: a capitalised word right before the
// surname, both outside every mention, not an ordinary word and not a word
// of the entity's own name, is a namesake it missed.
bool SpeakerResolver::UnmarkedNamesake(uint32_t entity, std::string_view surname) const {
  if (const auto cached = index_.unmarked_namesake.find(surname);
      cached != index_.unmarked_namesake.end())
    return cached->second;
  const std::string_view body = article_.body;
  const std::string_view name = article_.entities[entity].name;
  // An entity named by the surname alone ("Brinkley") may be the "Randy
  // Brinkley" the text writes: only a known given name sets two apart.
  bool found = false;
  if (name.find(' ') == std::string_view::npos) {
    index_.unmarked_namesake.emplace(surname, false);
    return false;
  }
  for (size_t pos = body.find(surname); pos != std::string_view::npos && !found;
       pos = body.find(surname, pos + 1)) {
    const auto at = TokenAt(static_cast<uint32_t>(pos));
    if (at == text_.tokens.begin() || at == text_.tokens.end() || at->begin != pos ||
        at->end != pos + surname.size())
      continue;
    const uint32_t k = static_cast<uint32_t>(at - text_.tokens.begin()) - 1;
    const Token& given = text_.tokens[k];
    // Inside quote marks a name is someone's wording ("Arik Sharon is ...").
    if (!text_.IsWord(k) || !given.capitalised || given.end + 1 != pos || given.quotation >= 0)
      continue;
    const std::string_view word = text_.Text(given);
    const size_t in_name = name.find(word);
    const bool own = in_name != std::string_view::npos &&
                     (in_name + word.size() == name.size() || name[in_name + word.size()] == ' ');
    if (own || word.back() == '.' || EndsPossessive(word) || IsTitleWord(word) ||
        (lex_.Classes(word) & (kTitle | kDeterminer | kSkip | kStop | kPronoun | kAnyCue)) ||
        MentionOver(given) != nullptr || MentionOver(*at) != nullptr)
      continue;
    // Not an ordinary word ("Besides Ewing"), unless it is also a given name.
    char buf[32] = {};
    if (word.size() >= sizeof buf) continue;
    const entity::LexEntry* e = entity::Gazetteer::Get().Find(FoldCase(word, buf, sizeof buf));
    if (e != nullptr && (e->flags & entity::kCommon) && !(e->flags & entity::kFirstName)) continue;
    found = true;
  }
  index_.unmarked_namesake.emplace(surname, found);
  return found;
}

std::optional<uint32_t> SpeakerResolver::PronounTarget(const Mention& m, char gender,
                                                       bool* ambiguous) const {
  *ambiguous = false;
  // The first-name list's gender is not trusted to overrule the subject
  // rule on its own ("Ola" is listed female, and is a Norwegian man's name);
  // only to choose between namesakes.
  if (!AmbiguousSurname(m)) return m.entity;
  // "Lucia Pinochet ... Pinochet, 82, ... he said": the namesake of the
  // pronoun's gender, when every other one is known to be of the other.
  std::optional<uint32_t> fit;
  for (uint32_t e : index_.by_surname.find(article_.Text(m.span))->second) {
    const char g = GenderOf(e);
    if (gender != '?' && g != '?' && g != gender) continue;
    if (fit || g == '?' || gender == '?') {
      *ambiguous = true;
      return std::nullopt;
    }
    fit = e;
  }
  *ambiguous = !fit;
  return fit;
}

// "McKinney's father, Bill, also condemned the attack. [Two sentences about
// him.] ``...,'' McKinney said": a possessive of the surname within the
// pronoun lookback brings in a relative or agent the annotator may not have
// named, whom the bare surname may mean.
bool SpeakerResolver::RelativeNamedBefore(Span surname) const {
  const std::string_view name = article_.Text(surname);
  auto it = TokenAt(surname.begin);
  if (it == text_.tokens.end()) return false;
  const uint32_t sentence = it->sentence;
  while (it != text_.tokens.begin()) {
    --it;
    if (it->sentence + kPronounLookback < sentence) break;
    const std::string_view w = text_.Text(*it);
    if (w.size() > name.size() && w.starts_with(name) && EndsPossessive(w)) return true;
  }
  return false;
}

// A bare surname two people share, right after one of them spoke: "Race
// spokesman Peter Campbell said ... ``It's supposition,'' Campbell said" is
// Peter Campbell's, as a reader takes it, when the speaker just before is
// that namesake and spoke in this sentence or the two before it. Anything
// further back stays unresolved: a quote is never credited on a guess.
std::optional<uint32_t> SpeakerResolver::LastSpeakerNamed(
    const Mention& m, const std::vector<SpeakerRef>& known) const {
  const std::string_view surname = article_.Text(m.span);
  const auto at = TokenAt(m.span.begin);
  if (at == text_.tokens.end()) return std::nullopt;
  const uint32_t sentence = at->sentence;
  for (size_t i = known.size(); i-- > 0;) {
    const SpeakerRef& k = known[i];
    if (k.span.begin >= m.span.begin) continue;
    if (!k.entity || article_.entities[*k.entity].type != EntityType::kPerson) return std::nullopt;
    if (LastWord(article_.entities[*k.entity].name) != surname) return std::nullopt;
    const auto said = TokenAt(k.span.begin);
    if (said == text_.tokens.end()) return std::nullopt;
    const uint32_t spoke = said->sentence;
    if (spoke + kNamesakeLookback < sentence) return std::nullopt;
    return k.entity;
  }
  return std::nullopt;
}

}  // namespace newsfuse::analyze::quote_internal
