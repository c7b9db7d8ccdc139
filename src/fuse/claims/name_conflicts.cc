// Name conflicts: one outlet writes "the widow of Alexis Jaccard", another
// "the widow of Alexei Jaccard". Outlets that name one person with two
// given names disagree about who it is, and a reader who searches the name
// needs to know.
//
// People are matched across sources by Entity::key (spelling-insensitive,
// mostly the surname). Two given names are one person's when they are
// nearly the same word (edit distance at most two, same first letter, and
// neither shortens the other as "Alex" does "Alexander" or "Dave" "David"). They disagree only
// when their consonants differ: "Mohammed"/"Mohamed", "Moammar"/"Muammar"
// and "Oscar"/"Oskar" are one name transliterated two ways (doubled letters,
// vowels, c or k: on the 40 DUC topics without gold, "Oscar"/"Oskar Luigi
// Scalfaro" was the one such pair), which is
// spelling, not a claim; "Alexis"/"Alexei" are two names. No outlet may use
// both forms (then it names two people, or corrects itself).
//
// One organisation named two ways is the same dispute: "Bulent Ecevit of the
// Democratic Left Party" / "The Democratic Socialist Party, which Ecevit
// heads". Two names of one length that differ in one inner word are two
// organisations as often as one ("the Senate Judiciary Committee", "the
// Senate Intelligence Committee"), so each side must name it beside the same
// person and every outlet that names such a person with either must use one
// form only.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/edit_distance.h"
#include "core/strings.h"
#include "fuse/claims/builders.h"

namespace newsfuse::fuse {
namespace {

constexpr size_t kMaxEdits = 2;
constexpr size_t kMinGivenName = 4;
constexpr size_t kShortFormLetters = 4;

// The word without its vowels (y counted as one) and doubled letters, first
// letter kept, a hard c or q written as k ("Oscar"/"Oskar") and z as s
// ("Andres"/"Andrez", Timeline17's Libya stories).
std::string Consonants(const std::string& w) {
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    const bool vowel = std::string_view("aeiouy").find(w[i]) != std::string_view::npos;
    if (i > 0 && vowel) continue;
    const char c = w[i] == 'c' || w[i] == 'q' ? 'k' : w[i] == 'z' ? 's' : w[i];
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

bool Alphabetic(const std::string& w) {
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// Two given names of one person that say different things.
bool DifferentName(const std::string& a, const std::string& b) {
  if (a.size() < kMinGivenName || b.size() < kMinGivenName || a[0] != b[0]) return false;
  if (!Alphabetic(a) || !Alphabetic(b)) return false;
  if (a.starts_with(b) || b.starts_with(a)) return false;
  // A short given name beside a longer one near it is most often the same
  // person's familiar form ("Dave"/"David", "Mike"/"Mikel"), which no list
  // the engine has can tell from a second name: too unsure to show.
  if (std::min(a.size(), b.size()) <= kShortFormLetters && a.size() != b.size()) return false;
  return EditDistance(a, b) <= kMaxEdits && Consonants(a) != Consonants(b);
}

struct Form {
  std::string name;  // "Alexis Jaccard" as first written
  std::set<std::string> outlets;
  std::vector<size_t> sources;
  std::vector<Span> sentences;   // per source, the sentence of its first mention
  std::set<std::string> beside;  // organisations: surnames of people named in its sentences
};

// An organisation's name needs this many words before one word of it can
// be the dispute: "Democratic Left Party" / "Democratic Socialist Party".
constexpr size_t kMinOrganisationWords = 3;

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    const size_t j = std::min(name.find(' ', i), name.size());
    if (j > i) out.emplace_back(AsciiLower(name.substr(i, j - i)));
    i = j;
  }
  return out;
}

// Two forms of one word, as translations and spellings of a name vary:
// "Democracy"/"Democratic", "Refoundation"/"Refounding",
// "Communication"/"Communications" (three such pairs on the 40 DUC topics
// without gold, all one organisation). They share at least half the shorter
// word as a prefix; "Left"/"Socialist" share nothing.
bool FormsOfOneWord(const std::string& a, const std::string& b) {
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  return 2 * common >= std::min(a.size(), b.size());
}

// Two names of one length, same first and last word, one inner word apart,
// each inner word a different word of letters: "Left" / "Socialist".
bool OneInnerWordApart(const std::string& a, const std::string& b) {
  const std::vector<std::string> x = Words(a), y = Words(b);
  if (x.size() != y.size() || x.size() < kMinOrganisationWords) return false;
  if (x.front() != y.front() || x.back() != y.back()) return false;
  size_t differ = 0;
  for (size_t i = 1; i + 1 < x.size(); ++i)
    if (x[i] != y[i]) {
      ++differ;
      if (!Alphabetic(x[i]) || !Alphabetic(y[i]) || FormsOfOneWord(x[i], y[i])) return false;
    }
  return differ == 1;
}

// The surname of the last word of a person's key ("bulent ecevit" -> "ecevit").
std::string Surname(const std::string& key) {
  const size_t space = key.rfind(' ');
  return space == std::string::npos ? key : key.substr(space + 1);
}

Conflict NameConflict(ClaimContext& ctx, std::string subject, const Form& x, const Form& y) {
  Conflict c;
  c.subject = std::move(subject);
  c.hard = true;
  c.confidence = 1.0;
  for (const Form* f : {&x, &y}) {
    Conflict::Side side;
    side.value = f->name;
    for (size_t i = 0; i < f->sources.size(); ++i) {
      const size_t s = f->sources[i];
      side.sources.push_back(ctx.source_id(s));
      const Span span = f->sentences[i];
      side.wording.push_back({ctx.source_id(s), SpanText(ctx.article(s), span), span});
    }
    c.sides.push_back(std::move(side));
  }
  return c;
}

// Organisations by folded name, each with the people named in the sentences
// that name it (a surname any source gives a person, as a word of the
// sentence: the entity annotator does not mark every mention); per source
// only the sentences that name a person count.
std::map<std::string, Form> Organisations(ClaimContext& ctx) {
  std::set<std::string> surnames;
  for (size_t s = 0; s < ctx.size(); ++s)
    for (const Entity& e : ctx.article(s).entities)
      if (e.type == EntityType::kPerson && !e.key.empty()) surnames.insert(Surname(e.key));
  std::map<std::string, Form> out;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (const Mention& m : a.mentions) {
      const Entity& org = a.entities[m.entity];
      if (org.type != EntityType::kOrganization || m.kind != MentionKind::kName) continue;
      if (Words(org.name).size() < kMinOrganisationWords) continue;
      const Span sentence = ctx.SentenceSpan(s, ctx.SentenceOf(s, m.span));
      std::set<std::string> people;
      const std::string text = AsciiLower(a.Text(sentence));
      for (size_t i = 0; i < text.size();) {
        while (i < text.size() && !IsAsciiLetter(text[i])) ++i;
        size_t j = i;
        while (j < text.size() && IsAsciiLetter(text[j])) ++j;
        if (j > i && surnames.count(text.substr(i, j - i))) people.insert(text.substr(i, j - i));
        i = j;
      }
      Form& form = out[AsciiLower(org.name)];
      if (form.name.empty()) form.name = org.name;
      form.outlets.insert(ctx.outlet_key(s));
      if (people.empty()) continue;
      form.beside.insert(people.begin(), people.end());
      if (std::find(form.sources.begin(), form.sources.end(), s) != form.sources.end()) continue;
      form.sources.push_back(s);
      form.sentences.push_back(sentence);
    }
  }
  return out;
}

}  // namespace

std::vector<Conflict> NameConflicts(ClaimContext& ctx) {
  // key -> folded given name -> form
  std::map<std::string, std::map<std::string, Form>> people;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (size_t e = 0; e < a.entities.size(); ++e) {
      const Entity& entity = a.entities[e];
      if (entity.type != EntityType::kPerson || entity.key.empty()) continue;
      const size_t space = entity.name.find(' ');
      if (space == std::string::npos) continue;
      const std::string given = AsciiLower(std::string_view(entity.name).substr(0, space));
      Form& form = people[entity.key][given];
      if (form.name.empty()) form.name = entity.name;
      form.outlets.insert(ctx.outlet_key(s));
      if (std::find(form.sources.begin(), form.sources.end(), s) != form.sources.end()) continue;
      Span where{};
      for (const Mention& m : a.mentions) {
        if (m.entity == e && m.kind == MentionKind::kName) {
          where = ctx.SentenceSpan(s, ctx.SentenceOf(s, m.span));
          break;
        }
      }
      form.sources.push_back(s);
      form.sentences.push_back(where);
    }
  }
  std::vector<Conflict> out;
  for (const auto& [key, forms] : people) {
    for (auto x = forms.begin(); x != forms.end(); ++x) {
      for (auto y = std::next(x); y != forms.end(); ++y) {
        if (!DifferentName(x->first, y->first)) continue;
        bool shared = false;
        for (const auto& o : x->second.outlets) shared |= y->second.outlets.count(o) > 0;
        if (shared) continue;
        out.push_back(NameConflict(ctx, "name of " + key, x->second, y->second));
      }
    }
  }
  const std::map<std::string, Form> organisations = Organisations(ctx);
  for (auto x = organisations.begin(); x != organisations.end(); ++x) {
    for (auto y = std::next(x); y != organisations.end(); ++y) {
      if (x->second.sources.empty() || y->second.sources.empty()) continue;
      if (!OneInnerWordApart(x->first, y->first)) continue;
      bool shared_outlet = false;
      for (const auto& o : x->second.outlets) shared_outlet |= y->second.outlets.count(o) > 0;
      // Named by what it is and whom both sides name it with: "name of the
      // party named with Ecevit".
      std::string person;
      for (const auto& p : x->second.beside)
        if (person.empty() && y->second.beside.count(p)) person = p;
      if (shared_outlet || person.empty()) continue;
      person[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(person[0])));
      const std::vector<std::string> words = Words(x->second.name);
      out.push_back(NameConflict(ctx, "name of the " + words.back() + " named with " + person,
                                 x->second, y->second));
    }
  }
  return out;
}

}  // namespace newsfuse::fuse
