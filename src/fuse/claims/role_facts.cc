// Role facts: "Steve Witkoff — special envoy", from each source's entities.
// People are matched across sources by Entity::key (spelling-insensitive),
// roles by their stemmed words, so "U.S. special envoy" and "special envoy"
// are one role while "envoy" and "secretary" are two.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "fuse/claims/builders.h"
#include "fuse/claims/namesakes.h"

namespace newsfuse::fuse {
namespace {

// Share of the shorter role's words the longer must contain to be the same role.
constexpr double kSameRole = 0.6;

double Containment(const TermVector& a, const TermVector& b) {
  if (a.empty() || b.empty()) return 0;
  const TermVector& shorter = a.size() <= b.size() ? a : b;
  const TermVector& longer = a.size() <= b.size() ? b : a;
  size_t hits = 0;
  for (const auto& [t, w] : shorter) {
    hits += std::binary_search(longer.begin(), longer.end(), std::make_pair(t, 0.0),
                               [](const auto& x, const auto& y) { return x.first < y.first; });
  }
  return static_cast<double>(hits) / static_cast<double>(shorter.size());
}

// A role's space-separated words, each lower-cased and as written.
std::vector<std::pair<std::string, std::string_view>> RoleWords(std::string_view role) {
  std::vector<std::pair<std::string, std::string_view>> words;
  for (size_t i = 0; i < role.size();) {
    while (i < role.size() && role[i] == ' ') ++i;
    size_t j = i;
    while (j < role.size() && role[j] != ' ') ++j;
    if (j > i) {
      std::string w(role.substr(i, j - i));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      words.emplace_back(std::move(w), role.substr(i, j - i));
    }
    i = j;
  }
  return words;
}

// A role is a noun phrase ("special envoy", "head of the Fund"). What the
// entity annotator sometimes attaches is a clause fragment: "and daughter",
// "where her husband", "told reporters in Ramallah", "watching while
// workers". Such a row misinforms, so it is left out; a noun phrase with a
// relative clause after it keeps the noun phrase ("leader of the party
// whose backing ..." -> "leader of the party"). Empty when no role is left.
std::string RolePhrase(std::string_view role) {
  static const std::set<std::string> kNeverFirst = {"and",  "or",  "but",  "where", "while",
                                                    "when", "who", "whom", "whose", "which",
                                                    "that", "to",  "with"};
  static const std::set<std::string> kClause = {"who",  "whom",  "whose", "which",
                                                "that", "where", "while", "when"};
  static const std::set<std::string> kNeverIn = {
      "told", "said", "says", "say", "watching", "his", "her", "their", "its", "he", "she", "they"};
  std::vector<std::pair<std::string, std::string_view>> words = RoleWords(role);
  // A title written twice over a line break or a caption ("Woodburn Police
  // Chief Woodburn Police Chief") is one title.
  if (const size_t half = words.size() / 2;
      half > 0 && words.size() % 2 == 0 &&
      std::equal(words.begin(), words.begin() + half, words.begin() + half,
                 [](const auto& x, const auto& y) { return x.first == y.first; })) {
    words.resize(half);
  }
  size_t first = 0;
  if (!words.empty() && words[0].first == "as") first = 1;  // "as president"
  std::string out;
  for (size_t k = first; k < words.size(); ++k) {
    if (k == first && kNeverFirst.count(words[k].first)) return {};
    if (kClause.count(words[k].first)) break;
    if (kNeverIn.count(words[k].first)) return {};
    out += (out.empty() ? "" : " ") + std::string(words[k].second);
  }
  return out;
}

// A role is one person's: "analysts" or "security agents" read onto a name
// are the group the sentence spoke of next to it ("Sun Microsystems
// analysts said", "Hu was detained by security agents"). The head is the
// last word before the phrase's first preposition ("head of the Red Cross
// delegation" -> "head"); a plural head ends in "s" but not in "ss", "us"
// or "is" ("boss", "bonus", "analysis").
bool PluralHead(std::string_view role) {
  static const std::set<std::string, std::less<>> kPrepositions = {"of", "for", "at",   "in",
                                                                   "on", "to",  "with", "from"};
  std::string head;
  for (auto& [folded, written] : RoleWords(role)) {
    if (kPrepositions.count(folded) && !head.empty()) break;
    head = std::move(folded);
  }
  if (head.size() < 4 || head.back() != 's') return false;
  const std::string_view end = std::string_view(head).substr(head.size() - 2);
  return end != "ss" && end != "us" && end != "is";
}

struct RoleClaim {
  size_t source;
  const Entity* person;
  std::string role;
  TermVector words;
};

// People who act in the story: they speak in it (a quote is theirs), or
// more than one voice names them. A person one outlet names once in passing
// ("King Juan Carlos", "the late Prime Minister Yitzhak Rabin", "President
// Saddam Hussein" in a story about Turkey) is background, and a role row
// for them tells a reader nothing about this story.
std::set<std::string> Actors(const ClaimContext& ctx) {
  std::map<std::string, std::set<std::string>> voices;
  std::set<std::string> actors;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (const Entity& e : a.entities) {
      if (e.type == EntityType::kPerson && !e.key.empty()) voices[e.key].insert(ctx.outlet_key(s));
    }
    for (const Quote& q : a.quotes) {
      if (q.speaker && *q.speaker < a.entities.size()) actors.insert(a.entities[*q.speaker].key);
    }
  }
  for (const auto& [key, outlets] : voices) {
    if (outlets.size() >= 2) actors.insert(key);
  }
  return actors;
}

}  // namespace

std::vector<Fact> RoleFacts(ClaimContext& ctx) {
  const std::set<std::string> actors = Actors(ctx);
  // Namesakes ("Hillary Rodham Clinton", "President Bill Clinton") are two
  // people: a role given to one must not be shown as the other's.
  Namesakes namesakes;
  for (size_t s = 0; s < ctx.size(); ++s)
    for (const Entity& e : ctx.article(s).entities) namesakes.Add(e);
  std::map<std::string, std::vector<RoleClaim>> by_person;
  for (size_t s = 0; s < ctx.size(); ++s) {
    for (const Entity& e : ctx.article(s).entities) {
      if (e.type != EntityType::kPerson || e.key.empty() || !actors.count(e.key)) continue;
      for (const std::string& stated : e.roles) {
        std::string role = RolePhrase(stated);
        if (role.empty() || PluralHead(role)) continue;
        TermVector words = ctx.Vector(s, role);
        by_person[namesakes.PersonKey(e)].push_back({s, &e, std::move(role), std::move(words)});
      }
    }
  }
  std::vector<Fact> facts;
  for (auto& [key, claims] : by_person) {
    // Greedy grouping in source order: each claim joins the first role it matches.
    std::vector<std::vector<const RoleClaim*>> roles;
    for (const RoleClaim& c : claims) {
      auto it = std::find_if(roles.begin(), roles.end(), [&](const auto& g) {
        return Containment(g.front()->words, c.words) >= kSameRole;
      });
      if (it == roles.end())
        roles.push_back({&c});
      else
        it->push_back(&c);
    }
    // The person's display name: the longest any source uses.
    std::string name;
    for (const RoleClaim& c : claims) {
      if (c.person->name.size() > name.size()) name = c.person->name;
    }
    // Voices per role: a role one voice gives, beside a role several voices
    // agree on, is more often a neighbour's title read onto this person
    // ("Pinochet: spokesman") or a fragment of the agreed one ("chief" of
    // "chief negotiator") than a second title.
    auto voices = [&](const std::vector<const RoleClaim*>& g) {
      std::set<std::string> outlets;
      for (const RoleClaim* c : g) outlets.insert(ctx.outlet_key(c->source));
      return outlets.size();
    };
    size_t agreed = 0;
    for (const auto& group : roles) agreed = std::max(agreed, voices(group));
    for (const auto& group : roles) {
      if (agreed >= 2 && voices(group) < 2) continue;
      Fact f;
      f.kind = Fact::Kind::kRole;
      f.subject = name;
      // The fullest wording is the most informative role: "head of the Russian Direct Investment
      // Fund".
      const RoleClaim* fullest = group.front();
      for (const RoleClaim* c : group) {
        if (c->role.size() > fullest->role.size()) fullest = c;
      }
      f.value = fullest->role;
      std::set<size_t> seen;
      for (const RoleClaim* c : group) {
        if (!seen.insert(c->source).second) continue;
        f.sources.push_back(ctx.source_id(c->source));
        f.wording.push_back({ctx.source_id(c->source), c->role, Span{}});
      }
      facts.push_back(std::move(f));
    }
  }
  return facts;
}

}  // namespace newsfuse::fuse
