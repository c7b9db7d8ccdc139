#include "analyze/entity/recognizer.h"

#include <algorithm>
#include <utility>

#include "analyze/entity/name_key.h"

namespace newsfuse::analyze::entity {
namespace {

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
    } else if (j + 1 < end && CapWord(j + 1) && Flag(j, kConnector | kNameParticle) && Lower(j)) {
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
