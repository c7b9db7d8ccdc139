// Recognizer::ClassifyRun: what a run of capitalised words names, in the
// order the rules are tried. Each stanza is one function; each either settles
// the run (emits its candidates, or drops it, and returns true) or leaves it
// to the next. The order matters: a rule further down assumes the ones above
// did not apply (a titled person is only looked for once no connector split
// the run and no leading country took it whole as an organisation).
#include <string>
#include <utility>
#include <vector>

#include "analyze/entity/name_key.h"
#include "analyze/entity/recognizer.h"

namespace newsfuse::analyze::entity {

void Recognizer::ClassifyRun(std::vector<Segment> segs, size_t sent_end,
                             std::vector<Candidate>& out) {
  if (Shouted(segs)) return;
  DropNonNames(segs);
  if (segs.empty()) return;
  bool has_org_word = false;
  for (const Segment& s : segs) has_org_word |= (FlagsOf(s.entry) & kOrgWord) != 0;
  if (SplitAtConnector(segs, has_org_word, sent_end, out)) return;
  if (SplitOrganizationThenPerson(segs, sent_end, out)) return;
  int32_t country = -1;
  if (TakeLeadingCountries(segs, has_org_word, country, out)) return;
  if (EmitTitledPerson(segs, country, sent_end, out)) return;
  if (EmitByLexicon(segs, has_org_word, country, sent_end, out)) return;
  EmitByContext(std::move(segs), country, sent_end, out);
}

// A shouted heading ("RUSSIA SEES PROGRESS") names nothing reliably.
bool Recognizer::Shouted(const std::vector<Segment>& segs) const {
  const auto& list = tokens_.list;
  int caps = 0;
  for (const Segment& s : segs) {
    for (size_t k = s.begin; k < s.end; ++k) caps += list[k].Has(kAllCaps) && !list[k].Has(kPeriod);
  }
  return caps >= 3;
}

// Words at the edges of the run that are no name.
void Recognizer::DropNonNames(std::vector<Segment>& segs) const {
  const auto& list = tokens_.list;
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
}

// "Mohammed bin Tariq" is one name: a name particle joins, never splits.
bool Recognizer::IsConnector(const Segment& s) const {
  const uint32_t f = FlagsOf(s.entry);
  return s.end - s.begin == 1 && (f & kConnector) && !(f & kNameParticle) && Lower(s.begin);
}

// Connectors join words only inside an organisation name; "Ukraine and
// Russia" is two places.
bool Recognizer::SplitAtConnector(const std::vector<Segment>& segs, bool has_org_word,
                                  size_t sent_end, std::vector<Candidate>& out) {
  bool has_connector = false;
  for (const Segment& s : segs) has_connector |= IsConnector(s);
  if (!has_connector) return false;
  // "Professor Lawrence White of New York University": a titled or first-named
  // person before the connector is not part of the organisation after it.
  if (has_org_word) {
    bool person_left = false;
    for (size_t k = 0; k < segs.size(); ++k) {
      const uint32_t f = FlagsOf(segs[k].entry);
      if (IsConnector(segs[k])) {
        if (person_left && k + 1 < segs.size()) {
          ClassifyRun(std::vector<Segment>(segs.begin(), segs.begin() + k), sent_end, out);
          ClassifyRun(std::vector<Segment>(segs.begin() + k + 1, segs.end()), sent_end, out);
          return true;
        }
        break;
      }
      if (f & kOrgWord) break;
      person_left |= (f & (kFirstName | kCourtesy | kHonorific)) != 0;
    }
    return false;
  }
  std::vector<Segment> part;
  for (const Segment& s : segs) {
    if (IsConnector(s)) {
      if (!part.empty()) ClassifyRun(std::move(part), sent_end, out);
      part.clear();
    } else {
      part.push_back(s);
    }
  }
  if (!part.empty()) ClassifyRun(std::move(part), sent_end, out);
  return true;
}

// "U.S. European Command Alexus Grynkewich": an organisation, then a person.
bool Recognizer::SplitOrganizationThenPerson(const std::vector<Segment>& segs, size_t sent_end,
                                             std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  for (size_t r = 0; r + 2 < segs.size(); ++r) {
    bool names = (FlagsOf(segs[r].entry) & kOrgWord) != 0;
    for (size_t k = r + 1; names && k < segs.size(); ++k) {
      names = !(FlagsOf(segs[k].entry) & (kOrgWord | kCommon | kConnector | kTitle)) &&
              !list[segs[k].begin].Has(kAllCaps);
    }
    if (names) {
      ClassifyRun(std::vector<Segment>(segs.begin(), segs.begin() + r + 1), sent_end, out);
      EmitPerson(segs, r + 1, -1, "", '?', sent_end, out);
      return true;
    }
  }
  return false;
}

// A leading nationality or country titles what follows ("Russian President
// Vladimir Putin", "U.S. Treasury"): its own mention, unless the rest is an
// organisation whose name includes it ("Russian Direct Investment Fund").
// Sets `country` to the last one taken off.
bool Recognizer::TakeLeadingCountries(std::vector<Segment>& segs, bool has_org_word,
                                      int32_t& country, std::vector<Candidate>& out) {
  while (segs.size() > 1 && (FlagsOf(segs.front().entry) & (kDemonym | kCountryName)) &&
         segs.front().entry->country >= 0) {
    const Segment s = segs.front();
    if (has_org_word && !(FlagsOf(segs[1].entry) & kTitle)) {
      Candidate c = Make(segs.front().begin, segs.back().end);
      c.type = EntityType::kOrganization;
      c.country = s.entry->country;
      c.last_key = NameKey(Text(segs.front().begin, segs.back().end), {});
      out.push_back(std::move(c));
      return true;
    }
    const bool demonym = (s.entry->flags & kDemonym) && !(s.entry->flags & kCountryName);
    EmitSimple(s.begin, s.end, EntityType::kPlace,
               demonym ? MentionKind::kNationality : MentionKind::kName, s.entry->country, -1, out);
    country = s.entry->country;
    segs.erase(segs.begin());
  }
  return false;
}

// A title inside the run names the person after it.
bool Recognizer::EmitTitledPerson(const std::vector<Segment>& segs, int32_t country,
                                  size_t sent_end, std::vector<Candidate>& out) {
  for (size_t r = segs.size() - 1; r-- > 0;) {
    const uint32_t f = FlagsOf(segs[r].entry);
    if (!(f & kTitle) || GivenNameAfterTitle(segs, r)) continue;
    bool names_after = true;
    for (size_t k = r + 1; k < segs.size(); ++k) {
      uint32_t g = FlagsOf(segs[k].entry);
      // "Foreign Secretary Robin Cook": a role word that ends a name of two
      // words or more after the title is a surname, not a second title.
      if (k > r + 1 && k + 1 == segs.size()) g &= ~kTitle;
      if (k == r + 1 && GivenNameAfterTitle(segs, k)) g &= ~kTitle;
      if (g & (kTitle | kOrgWord | kCountryName | kDemonym)) names_after = false;
      if ((g & kNotName) && k == r + 1) names_after = false;
    }
    // "General Staff" is not General Mr Staff: one ordinary word is no name.
    if (r + 2 == segs.size() && (FlagsOf(segs[r + 1].entry) & kCommon) &&
        !(FlagsOf(segs[r + 1].entry) & kFirstName)) {
      names_after = false;
    }
    if (!names_after) return false;
    std::string role;
    char gender = '?';
    if (f & kCourtesy) {
      gender = segs[r].entry->gender;
      if (r > 0) role = std::string(Text(segs[0].begin, segs[r - 1].end));
    } else {
      role = std::string(Text(segs[0].begin, segs[r].end));
    }
    EmitPerson(segs, r + 1, country, std::move(role), gender, sent_end, out);
    return true;
  }
  return false;
}

// "Sgt. Don Talamaivao": a title word that is also a given name ("don"),
// right after a title and before more of the name, is the given name; scanned
// from the right it would otherwise title "Talamaivao" alone.
bool Recognizer::GivenNameAfterTitle(const std::vector<Segment>& segs, size_t k) const {
  return k > 0 && k + 1 < segs.size() && (FlagsOf(segs[k].entry) & kFirstName) &&
         (FlagsOf(segs[k - 1].entry) & kTitle);
}

// A given name the lists also hold as an ordinary word ("bill", "dick",
// "rich") does not by itself open a name: the capitalised word after it is as
// often a noun the lists lack ("Crystal Palace") as a surname ("Bill Okafor").
// A speech verb right before it says person ("said Dick Pound"); EmitByContext
// reads the other cues ("Dick Pound said", "Dick Pound, an IOC member").
bool Recognizer::OpensPersonName(const Segment& first) const {
  const uint32_t f = FlagsOf(first.entry);
  if ((f & kCourtesy) || !(f & kCommon)) return true;
  const size_t b = first.begin;
  return b > 0 && tokens_.list[b - 1].sentence == tokens_.list[b].sentence && Lower(b - 1) &&
         Flag(b - 1, kCueVerb);
}

// What the lists say of the run as a whole: an organisation, a country, a
// nationality, a city or region, a first-named person, a place by its folded
// spelling or named with its kind ("Donetsk Oblast").
bool Recognizer::EmitByLexicon(const std::vector<Segment>& segs, bool has_org_word, int32_t country,
                               size_t sent_end, std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  const size_t b = segs.front().begin, e = segs.back().end;
  const uint32_t whole = segs.size() == 1 ? FlagsOf(segs[0].entry) : 0;
  if (has_org_word || (whole & kOrg)) {
    EmitSimple(b, e, EntityType::kOrganization, MentionKind::kName, country, -1, out);
    return true;
  }
  if (segs.size() == 1 && segs[0].entry != nullptr) {
    const LexEntry& le = *segs[0].entry;
    if ((whole & kCountryName) && le.country >= 0) {
      EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, le.country, -1, out);
      return true;
    }
    if ((whole & kDemonym) && le.country >= 0) {
      EmitSimple(b, e, EntityType::kPlace, MentionKind::kNationality, le.country, -1, out);
      return true;
    }
    if ((whole & (kCity | kRegion)) && le.place >= 0 && !(whole & kFirstName) &&
        (e - b > 1 || !(whole & kCommon)) && PlausiblePlace(b, e, le.place)) {
      EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, -1, le.place, out);
      return true;
    }
    // A role or organisation word alone names no one.
    if (e - b == 1 && (whole & (kRole | kHonorific | kCourtesy | kOrgWord))) return true;
  }
  if (segs.size() >= 2 && (FlagsOf(segs[0].entry) & (kFirstName | kCourtesy)) &&
      !list[segs[0].begin].Has(kAllCaps) && OpensPersonName(segs[0])) {
    EmitPerson(segs, 0, country, "", '?', sent_end, out);
    return true;
  }
  const int32_t folded = gaz_.FindFoldedPlace(NameKey(Text(b, e), gaz_.translit()));
  if (folded >= 0 && PlausiblePlace(b, e, folded)) {
    EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, -1, folded, out);
    return true;
  }
  // "Donetsk Oblast", "Kursk region": a place named with its kind.
  if (segs.size() >= 2 && (FlagsOf(segs.back().entry) & kPlaceWord)) {
    const int32_t within =
        gaz_.FindFoldedPlace(NameKey(Text(b, segs.back().begin), gaz_.translit()));
    EmitSimple(b, e, EntityType::kPlace, MentionKind::kName, -1, -1, out);
    if (within >= 0) out.back().place_code = gaz_.places()[within].code;
    return true;
  }
  return false;
}

// A run the lists do not settle, typed by the words around it: a cue verb
// ("Witkoff said"), an age, a role before or an appositive after.
void Recognizer::EmitByContext(std::vector<Segment> segs, int32_t country, size_t sent_end,
                               std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  const size_t b = segs.front().begin, e = segs.back().end;
  int32_t ctx_country = -1;
  const bool cue = CueAfter(e, sent_end) || AgeAfter(e, sent_end) ||
                   !RoleBefore(b, ctx_country).empty() ||
                   !AppositiveRole(e, sent_end, ctx_country).empty();
  if (e - b == 1) {
    EmitSingleWord(b, country, cue, ctx_country, out);
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

// One word [b, b + 1) the lists did not settle: a plural nationality, a word
// named by its kind before it, or a bare candidate for the resolver.
// `cue` and `ctx_country` are what EmitByContext read around it.
void Recognizer::EmitSingleWord(size_t b, int32_t country, bool cue, int32_t ctx_country,
                                std::vector<Candidate>& out) {
  const auto& list = tokens_.list;
  const size_t e = b + 1;
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
}

}  // namespace newsfuse::analyze::entity
