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
  std::vector<Span> sentences;  // per source, the sentence of its first mention
};

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
        Conflict c;
        c.subject = "name of " + key;
        c.hard = true;
        c.confidence = 1.0;
        for (const Form* f : {&x->second, &y->second}) {
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
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

}  // namespace newsfuse::fuse
