#include "analyze/entity/recognizer.h"

#include <algorithm>
#include <utility>

#include "analyze/entity/name_key.h"

namespace newsfuse::analyze::entity {
namespace {

constexpr uint32_t kNameLike = kCountryName | kDemonym | kCity | kRegion | kOrg | kFirstName |
                               kRole | kHonorific | kCourtesy | kOrgWord;
constexpr uint32_t kTitle = kRole | kHonorific | kCourtesy;

uint32_t FlagsOf(const LexEntry* e) { return e == nullptr ? 0 : e->flags & ~kPrefix; }

bool IsDeterminer(std::string_view k) { return k == "the" || k == "a" || k == "an"; }

// Words after which an appositive role stops: a relative clause or a verb
// ("Steve Witkoff, the presidential envoy who led the delegation").
bool EndsRole(std::string_view k) {
  return k == "who" || k == "which" || k == "that" || k == "said" || k == "says" || k == "told" ||
         k == "and" || k == "but" || k == "as" || k == "was" || k == "is" || k == "has" ||
         k == "had" || k == "will" || k == "on" || k == "after" || k == "when";
}

}  // namespace

Recognizer::Recognizer(std::string_view body, const std::vector<newsfuse::Sentence>& sentences,
                       const Tokens& tokens, const Gazetteer& gazetteer)
    : body_(body),
      sentences_(sentences),
      tokens_(tokens),
      gaz_(gazetteer),
      entries_(tokens.list.size(), Unlooked()),
      key_entries_(tokens.list.size(), Unlooked()) {}

// The entry of token i, looked up once: the rules ask several questions of
// the same word, and each lookup hashes it.
const LexEntry* Recognizer::Entry(size_t i) const {
  if (entries_[i] == Unlooked()) {
    const Token& t = tokens_.list[i];
    const LexEntry* exact = LookupExact(t);
    entries_[i] = exact != nullptr ? exact : KeyEntry(i);
  }
  return entries_[i];
}

// The entry of token i's lower-case key alone (no case-sensitive form), also
// looked up once: Entry() falls back to it and SegmentRun() starts every
// phrase from it.
const LexEntry* Recognizer::KeyEntry(size_t i) const {
  if (key_entries_[i] == Unlooked()) key_entries_[i] = gaz_.Find(Key(i));
  return key_entries_[i];
}

void Recognizer::Run(std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  size_t i = 0;
  while (i < list.size()) {
    size_t j = i;
    while (j < list.size() && list[j].sentence == list[i].sentence) ++j;
    ScanSentence(i, j, out);
    i = j;
  }
}

std::string_view Recognizer::Text(size_t b, size_t e) const {
  const auto& list = tokens_.list;
  return body_.substr(list[b].begin, list[e - 1].end - list[b].begin);
}

bool Recognizer::CapWord(size_t i) const {
  const Token& t = tokens_.list[i];
  return t.Has(kWord) && t.Has(kCapital);
}

bool Recognizer::Lower(size_t i) const {
  const Token& t = tokens_.list[i];
  return t.Has(kWord) && !t.Has(kCapital);
}

const LexEntry* Recognizer::LookupExact(const Token& t) const {
  if (!t.Has(kAllCaps) && !t.Has(kPeriod)) return nullptr;
  return gaz_.FindExact(body_.substr(t.begin, t.end - t.begin));
}

bool Recognizer::Flag(size_t i, uint32_t flag) const {
  const Token& t = tokens_.list[i];
  const LexEntry* e = Entry(i);
  uint32_t f = FlagsOf(e);
  // "US" is not the pronoun "us": an all-capitals word is never common.
  if (t.Has(kAllCaps)) f &= ~kCommon;
  return (f & flag) != 0;
}

int32_t Recognizer::CountryOf(size_t i) const {
  const Token& t = tokens_.list[i];
  if (!t.Has(kWord) || !t.Has(kCapital)) return -1;
  const LexEntry* e = Entry(i);
  if (e != nullptr && (e->flags & (kCountryName | kDemonym))) return e->country;
  return -1;
}

void Recognizer::ScanSentence(size_t b, size_t e, std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  std::vector<Segment> segs;
  size_t i = b;
  while (i < e) {
    const Token& t = list[i];
    if (t.Has(kWord)) {
      const std::string_view k = tokens_.Key(t);
      if (k == "he" || k == "she") {
        Candidate c = Make(i, i + 1);
        c.type = EntityType::kPerson;
        c.kind = MentionKind::kPronoun;
        c.gender = k == "he" ? 'm' : 'f';
        out.push_back(std::move(c));
        ++i;
        continue;
      }
    }
    if (!CapWord(i)) {
      ++i;
      continue;
    }
    const size_t j = ExtendRun(i, e);
    SegmentRun(i, j, segs);
    ClassifyRun(segs, e, out);
    i = j;
  }
}

size_t Recognizer::ExtendRun(size_t i, size_t end) const {
  size_t j = i + 1;
  while (j < end) {
    if (CapWord(j)) {
      ++j;
    } else if (j + 1 < end && CapWord(j + 1) && Flag(j, kConnector) && Lower(j)) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

// Longest gazetteer match from each position: "abu dhabi", "prime minister".
void Recognizer::SegmentRun(size_t b, size_t e, std::vector<Segment>& segs) const {
  segs.clear();
  const auto& list = tokens_.list;
  size_t i = b;
  while (i < e) {
    const LexEntry* best = Entry(i);
    size_t best_end = i + 1;
    const LexEntry* cur = KeyEntry(i);
    if (cur != nullptr && (cur->flags & kPrefix)) scratch_.assign(tokens_.Key(list[i]));
    for (size_t k = i + 1; k < e && k - i < static_cast<size_t>(gaz_.max_phrase_words()); ++k) {
      if (cur == nullptr || !(cur->flags & kPrefix)) break;
      scratch_.push_back(' ');
      scratch_.append(tokens_.Key(list[k]));
      cur = gaz_.Find(scratch_);
      if (cur != nullptr && FlagsOf(cur) != 0) {
        best = cur;
        best_end = k + 1;
      }
    }
    segs.push_back(Segment{i, best_end, best});
    i = best_end;
  }
}

Candidate Recognizer::Make(size_t b, size_t e) const {
  const auto& list = tokens_.list;
  Candidate c;
  c.span = Span{list[b].begin, list[e - 1].end};
  c.sentence = list[b].sentence;
  c.paragraph = sentences_[c.sentence].paragraph;
  c.words = static_cast<int>(e - b);
  return c;
}

void Recognizer::EmitSimple(size_t b, size_t e, EntityType type, MentionKind kind, int32_t country,
                            int32_t place, std::vector<Candidate>& out) {
  Candidate c = Make(b, e);
  c.type = type;
  c.kind = kind;
  c.country = country;
  c.place = place;
  std::string_view text = Text(b, e);
  if (type == EntityType::kOrganization && Flag(b, kCommon) &&
      tokens_.Key(tokens_.list[b]) == "the") {
    text = Text(b + 1, e);
  }
  // Transliteration folds are for names of people and places; an
  // organisation's words are English and keep their spelling.
  static const std::vector<std::pair<std::string, std::string>> kNoFolds;
  // "IAEA" keys as what it stands for, so it meets its expansion.
  const std::string_view expansion = gaz_.AcronymExpansion(text);
  if (!expansion.empty()) text = expansion;
  c.last_key = NameKey(text, type == EntityType::kPlace ? gaz_.translit() : kNoFolds);
  out.push_back(std::move(c));
}

void Recognizer::ClassifyRun(std::vector<Segment> segs, size_t sent_end,
                             std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  // A shouted heading ("RUSSIA SEES PROGRESS") names nothing reliably.
  int caps = 0;
  for (const Segment& s : segs) {
    for (size_t k = s.begin; k < s.end; ++k) caps += list[k].Has(kAllCaps) && !list[k].Has(kPeriod);
  }
  if (caps >= 3) return;
  // A sentence-initial ordinary word ("Officials", "Talks", "On") is dropped;
  // a first name or a title there still opens a name.
  while (!segs.empty() && list[segs.front().begin].Has(kSentenceStart)) {
    const Segment& s = segs.front();
    uint32_t f = FlagsOf(s.entry);
    if (list[s.begin].Has(kAllCaps)) f &= ~kCommon;
    const bool common = (f & kCommon) != 0;
    if ((f & kFirstName) && segs.size() > 1) break;
    if (f & (kTitle | kCountryName | kDemonym)) break;
    if ((f & (kCity | kRegion | kOrg | kOrgWord | kFirstName)) && !common) break;
    // An unknown word that is no ordinary word stays: alone it is only a
    // bare candidate, which the resolver keeps when it is a known surname
    // ("Zelenskiy later said") or has person context ("Peskov said").
    if (!(f & kNameLike) && !common) break;
    segs.erase(segs.begin());
    if (!segs.empty()) break;
  }
  // Months, weekdays and one-letter words are not names by themselves ("May",
  // "X"); "Theresa May" keeps hers behind a first name.
  while (!segs.empty()) {
    const Segment& s = segs.front();
    const Token& t = list[s.begin];
    const bool one_letter = s.end - s.begin == 1 && t.end - t.begin == 1;
    if (!((FlagsOf(s.entry) & kNotName) || one_letter)) break;
    segs.erase(segs.begin());
  }
  if (segs.empty()) return;
  if (segs.size() > 1 && (FlagsOf(segs.back().entry) & kNotName) &&
      !(FlagsOf(segs[segs.size() - 2].entry) & (kFirstName | kCourtesy))) {
    segs.pop_back();
  }

  // Connectors join words only inside an organisation name; "Ukraine and
  // Russia" is two places.
  bool has_org_word = false, has_connector = false;
  for (const Segment& s : segs) {
    const uint32_t f = FlagsOf(s.entry);
    has_org_word |= (f & kOrgWord) != 0;
    has_connector |= s.end - s.begin == 1 && (f & kConnector) && Lower(s.begin);
  }
  // "Professor Lawrence White of New York University": a titled or first-named
  // person before the connector is not part of the organisation after it.
  if (has_connector && has_org_word) {
    bool person_left = false;
    for (size_t k = 0; k < segs.size(); ++k) {
      const uint32_t f = FlagsOf(segs[k].entry);
      if (segs[k].end - segs[k].begin == 1 && (f & kConnector) && Lower(segs[k].begin)) {
        if (person_left && k + 1 < segs.size()) {
          ClassifyRun(std::vector<Segment>(segs.begin(), segs.begin() + k), sent_end, out);
          ClassifyRun(std::vector<Segment>(segs.begin() + k + 1, segs.end()), sent_end, out);
          return;
        }
        break;
      }
      if (f & kOrgWord) break;
      person_left |= (f & (kFirstName | kCourtesy | kHonorific)) != 0;
    }
  }
  if (has_connector && !has_org_word) {
    std::vector<Segment> part;
    for (const Segment& s : segs) {
      if (s.end - s.begin == 1 && (FlagsOf(s.entry) & kConnector) && Lower(s.begin)) {
        if (!part.empty()) ClassifyRun(std::move(part), sent_end, out);
        part.clear();
      } else {
        part.push_back(s);
      }
    }
    if (!part.empty()) ClassifyRun(std::move(part), sent_end, out);
    return;
  }

  // "U.S. European Command Alexus Grynkewich": an organisation, then a person.
  for (size_t r = 0; r + 2 < segs.size(); ++r) {
    bool names = (FlagsOf(segs[r].entry) & kOrgWord) != 0;
    for (size_t k = r + 1; names && k < segs.size(); ++k) {
      names = !(FlagsOf(segs[k].entry) & (kOrgWord | kCommon | kConnector | kTitle)) &&
              !list[segs[k].begin].Has(kAllCaps);
    }
    if (names) {
      ClassifyRun(std::vector<Segment>(segs.begin(), segs.begin() + r + 1), sent_end, out);
      EmitPerson(segs, r + 1, -1, "", '?', sent_end, out);
      return;
    }
  }

  // A leading nationality or country titles what follows ("Russian President
  // Vladimir Putin", "U.S. Treasury"): its own mention, unless the rest is an
  // organisation whose name includes it ("Russian Direct Investment Fund").
  int32_t country = -1;
  while (segs.size() > 1 && (FlagsOf(segs.front().entry) & (kDemonym | kCountryName)) &&
         segs.front().entry->country >= 0) {
    const Segment s = segs.front();
    if (has_org_word && !(FlagsOf(segs[1].entry) & kTitle)) {
      Candidate c = Make(segs.front().begin, segs.back().end);
      c.type = EntityType::kOrganization;
      c.country = s.entry->country;
      c.last_key = NameKey(Text(segs.front().begin, segs.back().end), {});
      out.push_back(std::move(c));
      return;
    }
    const bool demonym = (s.entry->flags & kDemonym) && !(s.entry->flags & kCountryName);
    EmitSimple(s.begin, s.end, EntityType::kPlace,
               demonym ? MentionKind::kNationality : MentionKind::kName, s.entry->country, -1, out);
    country = s.entry->country;
    segs.erase(segs.begin());
  }

  // A title inside the run names the person after it.
  for (size_t r = segs.size() - 1; r-- > 0;) {
    const uint32_t f = FlagsOf(segs[r].entry);
    if (!(f & kTitle)) continue;
    bool names_after = true;
    for (size_t k = r + 1; k < segs.size(); ++k) {
      uint32_t g = FlagsOf(segs[k].entry);
      // "Foreign Secretary Robin Cook": a role word that ends a name of two
      // words or more after the title is a surname, not a second title.
      if (k > r + 1 && k + 1 == segs.size()) g &= ~kTitle;
      if (g & (kTitle | kOrgWord | kCountryName | kDemonym)) names_after = false;
      if ((g & kNotName) && k == r + 1) names_after = false;
    }
    // "General Staff" is not General Mr Staff: one ordinary word is no name.
    if (r + 2 == segs.size() && (FlagsOf(segs[r + 1].entry) & kCommon) &&
        !(FlagsOf(segs[r + 1].entry) & kFirstName)) {
      names_after = false;
    }
    if (!names_after) break;
    std::string role;
    char gender = '?';
    if (f & kCourtesy) {
      gender = segs[r].entry->gender;
      if (r > 0) role = std::string(Text(segs[0].begin, segs[r - 1].end));
    } else {
      role = std::string(Text(segs[0].begin, segs[r].end));
    }
    EmitPerson(segs, r + 1, country, std::move(role), gender, sent_end, out);
    return;
  }

  const size_t b = segs.front().begin, e = segs.back().end;
  const uint32_t whole = segs.size() == 1 ? FlagsOf(segs[0].entry) : 0;
  if (has_org_word || (whole & kOrg)) {
    EmitSimple(b, e, EntityType::kOrganization, MentionKind::kName, country, -1, out);
    return;
  }
  if (segs.size() == 1 && segs[0].entry != nullptr) {
    const LexEntry& le = *segs[0].entry;
    if ((whole & kCountryName) && le.country >= 0) {
      EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, le.country, -1, out);
      return;
    }
    if ((whole & kDemonym) && le.country >= 0) {
      EmitSimple(b, e, EntityType::kPlace, MentionKind::kNationality, le.country, -1, out);
      return;
    }
    if ((whole & (kCity | kRegion)) && le.place >= 0 && !(whole & kFirstName) &&
        (e - b > 1 || !(whole & kCommon)) && PlausiblePlace(b, e, le.place)) {
      EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, -1, le.place, out);
      return;
    }
    if (e - b == 1 && (whole & (kRole | kHonorific | kCourtesy | kOrgWord))) return;
  }
  if (segs.size() >= 2 && (FlagsOf(segs[0].entry) & (kFirstName | kCourtesy)) &&
      !list[segs[0].begin].Has(kAllCaps)) {
    EmitPerson(segs, 0, country, "", '?', sent_end, out);
    return;
  }
  const int32_t folded = gaz_.FindFoldedPlace(NameKey(Text(b, e), gaz_.translit()));
  if (folded >= 0 && PlausiblePlace(b, e, folded)) {
    EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, -1, folded, out);
    return;
  }
  // "Donetsk Oblast", "Kursk region": a place named with its kind.
  if (segs.size() >= 2 && (FlagsOf(segs.back().entry) & kPlaceWord)) {
    const int32_t within =
        gaz_.FindFoldedPlace(NameKey(Text(b, segs.back().begin), gaz_.translit()));
    EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, -1, -1, out);
    if (within >= 0) out.back().place_code = gaz_.places()[within].code;
    return;
  }
  int32_t ctx_country = -1;
  const bool cue = CueAfter(e, sent_end) || AgeAfter(e, sent_end) ||
                   !RoleBefore(b, ctx_country).empty() ||
                   !AppositiveRole(e, sent_end, ctx_country).empty();
  if (e - b == 1) {
    const Token& t = list[b];
    // A plural nationality: "Russians", "Ukrainians".
    const std::string_view k = tokens_.Key(t);
    if (k.size() > 3 && k.back() == 's') {
      const LexEntry* d = gaz_.Find(k.substr(0, k.size() - 1));
      if (d != nullptr && (d->flags & kDemonym) && d->country >= 0) {
        EmitSimple(b, e, EntityType::kPlace, MentionKind::kNationality, d->country, -1, out);
        return;
      }
    }
    // "OK", "POW": capitals on a word the lists know is not an acronym.
    if (t.Has(kAllCaps) && gaz_.Find(k) != nullptr && (gaz_.Find(k)->flags & kCommon)) return;
    // "the state nuclear corporation Rosatom said": named by its kind.
    if (b > 0 && list[b - 1].sentence == t.sentence && Lower(b - 1) && Flag(b - 1, kOrgWord)) {
      EmitSimple(b, e, EntityType::kOrganization, MentionKind::kName, country, -1, out);
      return;
    }
    Candidate c = Make(b, e);
    c.bare = true;
    c.acronym = t.Has(kAllCaps);
    c.person_cue = cue && !c.acronym;
    c.type = c.acronym ? EntityType::kOrganization : EntityType::kPerson;
    c.last_key = NameKey(Text(b, e), gaz_.translit());
    if (!c.acronym) {
      c.country = ctx_country;
      RoleBefore(b, c.country);
    }
    out.push_back(std::move(c));
    return;
  }
  bool any_caps = false;
  int common = 0;
  for (size_t k = b; k < e; ++k) {
    any_caps |= list[k].Has(kAllCaps);
    common += Flag(k, kCommon) && !Flag(k, kConnector);
  }
  if (cue && !any_caps) {
    EmitPerson(segs, 0, country, "", '?', sent_end, out);
    return;
  }
  // Other names ("World War Two") are kept, title-case phrases of ordinary
  // words ("Talks End With Only Agreement", "Last Updated At") are not.
  if (Flag(b, kCommon) && !list[b].Has(kAllCaps)) {
    // "Get ST", "Becoming Chinese": the ordinary first word is not the name.
    segs.erase(segs.begin());
    for (Segment& s : segs) {
      if (s.begin == b + 1) {
        ClassifyRun(std::move(segs), sent_end, out);
        return;
      }
    }
    return;
  }
  if (!list[b].Has(kSentenceStart) && common <= 1) {
    EmitSimple(b, e, EntityType::kOther, MentionKind::kName, country, -1, out);
  }
}

void Recognizer::EmitPerson(const std::vector<Segment>& segs, size_t first, int32_t country,
                            std::string role, char gender, size_t sent_end,
                            std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  size_t b = segs[first].begin, e = segs.back().end;
  // "Kim Kyung-min Reporter": a trailing title is a role, not a surname.
  size_t last_seg = segs.size() - 1;
  std::string trailing_role;
  // A role word after one name word is the surname ("Robin Cook", "Ann
  // Judge"): stripping it would leave a lone first name.
  while (last_seg > first + 1 && (FlagsOf(segs[last_seg].entry) & kRole)) {
    trailing_role = std::string(Text(segs[last_seg].begin, segs.back().end));
    e = segs[--last_seg].end;
  }
  // Generational suffixes are not the surname: "Martin Luther King Jr."
  while (e - b > 1) {
    const std::string_view k = tokens_.Key(list[e - 1]);
    if (k != "jr" && k != "sr" && k != "ii" && k != "iii") break;
    --e;
  }
  Candidate c = Make(b, e);
  c.type = EntityType::kPerson;
  c.gender = gender;
  const LexEntry* first_entry = Entry(b);
  if (c.gender == '?' && first_entry != nullptr && (first_entry->flags & kFirstName)) {
    c.gender = first_entry->gender;
  }
  if (e - b >= 2) c.first_key = NameKey(Text(b, b + 1), gaz_.translit());
  c.last_key = NameKey(Text(e - 1, e), gaz_.translit());
  const size_t run_begin = segs.front().begin;
  c.country = country;
  if (!role.empty()) c.roles.push_back(std::move(role));
  std::string before = RoleBefore(run_begin, c.country);
  if (!before.empty()) c.roles.push_back(std::move(before));
  std::string after = AppositiveRole(segs.back().end, sent_end, c.country);
  if (!after.empty()) c.roles.push_back(std::move(after));
  if (!trailing_role.empty()) c.roles.push_back(std::move(trailing_role));
  // "Ukraine's National Security ... Secretary Rustem Umerov": the
  // possessive country before the run is the person's.
  if (c.country < 0 && run_begin >= 2 && list[run_begin - 1].Has(kPossessive) &&
      list[run_begin - 1].sentence == list[run_begin].sentence) {
    c.country = CountryOf(run_begin - 2);
  }
  out.push_back(std::move(c));
}

// "U.S. special envoy Steve Witkoff", "Russia's envoy, Kirill Dmitriev":
// lower-case role words right before the name, with their modifiers.
std::string Recognizer::RoleBefore(size_t first, int32_t& country) const {
  const auto& list = tokens_.list;
  if (first == 0) return {};
  const uint32_t sentence = list[first].sentence;
  size_t j = first - 1;
  if (body_.substr(list[j].begin, list[j].end - list[j].begin) == "," && j > 0) --j;
  if (list[j].sentence != sentence || !Lower(j) || !Flag(j, kRole)) return {};
  size_t start = j;
  // A sentence opens with a capital: "First lady Hillara Voss", "Former
  // envoy ..." keep their first word.
  while (start > 0 && list[start - 1].sentence == sentence &&
         (Lower(start - 1) || list[start - 1].Has(kSentenceStart)) &&
         Flag(start - 1, kRole | kRoleModifier) && !Flag(start - 1, kConnector)) {
    --start;
  }
  // "the harbour master, Tom Reilly": as in an appositive, after a
  // determiner any lower-case word may modify the role, listed or not.
  for (size_t k = start, words = 0; k > 0 && words <= 2; ++words) {
    const size_t p = k - 1;
    if (list[p].sentence != sentence || !list[p].Has(kWord) || !Lower(p)) break;
    if (IsDeterminer(Key(p))) {
      start = k;
      break;
    }
    if (Flag(p, kConnector | kCueVerb)) break;
    k = p;
  }
  if (start > 0 && list[start - 1].sentence == sentence) {
    size_t p = start - 1;
    if (list[p].Has(kPossessive) && p > 0) --p;
    const int32_t c = CountryOf(p);
    if (c >= 0 && country < 0) country = c;
  }
  return std::string(Text(start, j + 1));
}

// ", head of the Russian Direct Investment Fund," and ", the presidential
// envoy who ...": a role phrase after a comma, up to the clause's end.
std::string Recognizer::AppositiveRole(size_t after, size_t sent_end, int32_t& country) const {
  const auto& list = tokens_.list;
  if (after + 1 >= sent_end) return {};
  if (body_.substr(list[after].begin, list[after].end - list[after].begin) != ",") return {};
  size_t j = after + 1;
  const bool determiner = list[j].Has(kWord) && IsDeterminer(Key(j));
  if (determiner) {
    ++j;
  } else if (j + 1 < sent_end && CapWord(j) && list[j + 1].Has(kPossessive)) {
    if (country < 0) country = CountryOf(j);
    j += 2;
  }
  if (j < sent_end && CapWord(j) && CountryOf(j) >= 0 && j + 1 < sent_end && Lower(j + 1)) {
    if (country < 0) country = CountryOf(j);
    ++j;
  }
  const size_t role_start = j;
  size_t head = sent_end;
  for (size_t k = j; k < sent_end && k < j + 4; ++k) {
    if (!list[k].Has(kWord)) break;
    if (Flag(k, kRole) && !Flag(k, kConnector)) {
      head = k;
      while (head + 1 < sent_end && list[head + 1].Has(kWord) && Flag(head + 1, kRole) &&
             !Flag(head + 1, kConnector | kCommon)) {
        ++head;
      }
      break;
    }
    // After a determiner any lower-case word may modify the role: the lists
    // hold "science" neither as an ordinary word nor as a modifier ("the
    // science minister"). Without one, ", with one lawmaker saying" is no
    // appositive.
    const bool modifier = (Flag(k, kCommon) || determiner) && !IsDeterminer(Key(k));
    if (!Flag(k, kRoleModifier) && !(Lower(k) && modifier)) return {};
  }
  if (head == sent_end) return {};
  // "Buck Williams, former vice president Herb Williams, ...": a role right
  // before a capitalised name titles that name, not the one before the comma.
  if (head + 1 < sent_end && CapWord(head + 1)) return {};
  size_t last = head;
  if (head + 1 < sent_end && list[head + 1].Has(kWord)) {
    const std::string_view k = Key(head + 1);
    if (k == "of" || k == "for" || k == "at" || k == "to" || k == "in") {
      size_t m = head + 1;
      while (m + 1 < sent_end && m < head + 12) {
        const Token& t = list[m + 1];
        if (!t.Has(kWord) && !t.Has(kPossessive)) break;
        if (t.Has(kWord) && !t.Has(kCapital) && EndsRole(tokens_.Key(t))) break;
        ++m;
      }
      if (m > head + 1) last = m;
    }
  }
  return std::string(Text(role_start, last + 1));
}

// A one-word town of under 100,000 people ("Papa", Hungary) is more often a
// word or a name than the town; it needs a preposition of place before it.
bool Recognizer::PlausiblePlace(size_t b, size_t e, int32_t place_index) const {
  const Place& place = gaz_.places()[place_index];
  if (e - b > 1 || place.population == 0 || place.population >= 100000) return true;
  if (b == 0 || !Lower(b - 1)) return false;
  const std::string_view k = Key(b - 1);
  return k == "in" || k == "at" || k == "near" || k == "from" || k == "to" || k == "outside" ||
         k == "into" || k == "of";
}

// "Ecevit, 73, said": only a person is given an age between commas.
bool Recognizer::AgeAfter(size_t after, size_t sent_end) const {
  const auto& list = tokens_.list;
  if (after + 2 >= sent_end) return false;
  auto is = [&](size_t k, std::string_view text) {
    return body_.substr(list[k].begin, list[k].end - list[k].begin) == text;
  };
  if (!is(after, ",") || !is(after + 2, ",")) return false;
  const std::string_view age =
      body_.substr(list[after + 1].begin, list[after + 1].end - list[after + 1].begin);
  if (age.empty() || age.size() > 3 || age[0] == '0') return false;
  return std::all_of(age.begin(), age.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool Recognizer::CueAfter(size_t after, size_t sent_end) const {
  return after < sent_end && Lower(after) && Flag(after, kCueVerb);
}

}  // namespace newsfuse::analyze::entity
