#include "analyze/entity/resolver.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "analyze/entity/name_key.h"

namespace newsfuse::analyze::entity {
namespace {

struct Draft {
  Entity entity;
  char gender = '?';
  int words = 0;
  std::string first_key;
  std::vector<std::string> word_keys;  // persons: keys of the name's words after the first
  uint32_t first_pos = UINT32_MAX;
};

class Resolver {
 public:
  Resolver(const std::vector<Candidate>& c, std::string_view body, const Gazetteer& g)
      : cands_(c), body_(body), gaz_(g), assigned_(c.size(), -1) {}

  void Run(std::vector<Entity>& entities, std::vector<Mention>& mentions) {
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (!c.bare && c.kind != MentionKind::kPronoun && c.type != EntityType::kOther) Named(i);
    }
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      if (c.bare || c.type != EntityType::kOther) continue;
      auto it = person_names_.find(NameKey(Surface(c), gaz_.translit()));
      if (it != person_names_.end()) {
        AddAlias(drafts_[it->second], Surface(c));
        Assign(i, it->second);
      } else {
        Named(i);
      }
    }
    for (size_t k = 0; k < drafts_.size(); ++k) {
      if (drafts_[k].entity.type == EntityType::kPerson) AddPerson(k);
      const Draft& d = drafts_[k];
      if (d.entity.type != EntityType::kPerson && d.words >= 2)
        by_initials_[Initials(d.entity.name)] = static_cast<int32_t>(k);
    }
    // Candidates come in body order, so one sweep keeps, per surname key, the
    // person mentioned last before each bare word (see Bare).
    size_t swept = 0;
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (!cands_[i].bare) continue;
      for (; swept < cands_.size() && cands_[swept].span.begin < cands_[i].span.begin; ++swept)
        NoteMention(swept);
      Bare(i);
    }
    Pronouns();
    Emit(entities, mentions);
  }

 private:
  // The mention's text with runs of white space as one space: hard-wrapped
  // copy splits names across lines ("Norodom\n  Ranariddh").
  std::string_view Surface(const Candidate& c) {
    const std::string_view raw = body_.substr(c.span.begin, c.span.end - c.span.begin);
    // One pass for "no line break, tab or double space": find_first_of
    // searched its set once per byte.
    bool plain = true;
    for (size_t k = 0; k < raw.size() && plain; ++k) {
      const char ch = raw[k];
      plain = ch != '\n' && ch != '\t' && ch != '\r' &&
              !(ch == ' ' && k + 1 < raw.size() && raw[k + 1] == ' ');
    }
    if (plain) return raw;
    surface_.clear();
    for (char ch : raw) {
      const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
      if (space && !surface_.empty() && surface_.back() == ' ') continue;
      surface_.push_back(space ? ' ' : ch);
    }
    return surface_;
  }

  std::string_view RawSurface(const Candidate& c) const {
    return body_.substr(c.span.begin, c.span.end - c.span.begin);
  }

  // Drafts by key, most recent last: one hash lookup instead of a scan, so
  // long articles stay linear.
  const std::vector<int32_t>* WithKey(std::string_view key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &it->second;
  }

  int32_t Find(EntityType type, std::string_view key) const {
    const std::vector<int32_t>* ids = WithKey(key);
    if (ids == nullptr) return -1;
    for (size_t i = ids->size(); i-- > 0;) {
      if (drafts_[(*ids)[i]].entity.type == type) return (*ids)[i];
    }
    return -1;
  }

  int32_t Create(EntityType type, std::string_view name, std::string key) {
    Draft d;
    d.entity.type = type;
    d.entity.name = std::string(name);
    d.entity.key = std::move(key);
    const int32_t id = static_cast<int32_t>(drafts_.size());
    by_key_[d.entity.key].push_back(id);
    drafts_.push_back(std::move(d));
    return id;
  }

  void AddAlias(Draft& d, std::string_view surface) {
    if (surface == d.entity.name) return;
    for (const std::string& a : d.entity.aliases) {
      if (a == surface) return;
    }
    d.entity.aliases.emplace_back(surface);
  }

  // Makes `surface` the entity's name when it is fuller (more words, then
  // longer), keeping the old name as an alias.
  void Offer(Draft& d, std::string_view surface, int words) {
    // A dateline's "KYIV" yields the name to the prose's "Kyiv".
    const bool shouted = !d.entity.name.empty() && IsShouted(d.entity.name) && !IsShouted(surface);
    if (shouted || words > d.words ||
        (words == d.words && surface.size() > d.entity.name.size() &&
         d.entity.type != EntityType::kPlace)) {
      if (!d.entity.name.empty()) {
        std::string old = std::move(d.entity.name);
        d.entity.name = std::string(surface);
        AddAlias(d, old);
        std::erase(d.entity.aliases, d.entity.name);
      } else {
        d.entity.name = std::string(surface);
      }
      d.words = words;
    } else {
      AddAlias(d, surface);
    }
  }

  static bool IsShouted(std::string_view s) {
    for (char ch : s) {
      if (ch >= 'a' && ch <= 'z') return false;
    }
    return true;
  }

  void Assign(size_t i, int32_t e) {
    assigned_[i] = e;
    Draft& d = drafts_[e];
    d.first_pos = std::min(d.first_pos, cands_[i].span.begin);
    const Candidate& c = cands_[i];
    for (const std::string& r : c.roles) {
      if (std::find(d.entity.roles.begin(), d.entity.roles.end(), r) == d.entity.roles.end()) {
        d.entity.roles.push_back(r);
      }
    }
    if (d.entity.country.empty() && c.country >= 0) {
      d.entity.country = gaz_.countries()[c.country].code;
    }
    if (d.gender == '?') d.gender = c.gender;
  }

  void Named(size_t i) {
    const Candidate& c = cands_[i];
    const std::string_view surface = Surface(c);
    int32_t e = -1;
    if (c.type == EntityType::kPlace && c.country >= 0) {
      const Country& country = gaz_.countries()[c.country];
      e = Find(EntityType::kPlace, country.key);
      if (e < 0) {
        e = Create(EntityType::kPlace, country.name, country.key);
        drafts_[e].words = 99;  // the canonical name stays the name
      }
      AddAlias(drafts_[e], surface);
    } else if (c.type == EntityType::kPlace && c.place >= 0) {
      const Place& place = gaz_.places()[c.place];
      e = Find(EntityType::kPlace, place.key);
      if (e < 0) {
        e = Create(EntityType::kPlace, "", place.key);
        if (!place.code.empty()) drafts_[e].entity.country = place.code;
      }
      Offer(drafts_[e], surface, c.words);
    } else if (c.type == EntityType::kPerson) {
      e = FindPerson(c);
      if (e < 0) {
        e = Create(EntityType::kPerson, "", c.last_key);
        drafts_[e].first_key = c.first_key;
      }
      Draft& d = drafts_[e];
      if (d.first_key.empty()) d.first_key = c.first_key;
      Offer(d, surface, c.words);
      AddWordKeys(d, surface);
      if (c.words >= 2) person_names_.emplace(NameKey(surface, gaz_.translit()), e);
    } else {
      e = Find(c.type, c.last_key);
      if (e < 0) e = Create(c.type, "", c.last_key);
      Offer(drafts_[e], surface, c.words);
      if (drafts_[e].entity.country.empty()) drafts_[e].entity.country = c.place_code;
    }
    Assign(i, e);
  }

  void AddWordKeys(Draft& d, std::string_view surface) {
    const std::string key = NameKey(surface, gaz_.translit());
    size_t pos = key.find(' ');
    while (pos != std::string::npos) {
      const size_t next = key.find(' ', pos + 1);
      std::string word = key.substr(pos + 1, next == std::string::npos ? next : next - pos - 1);
      if (std::find(d.word_keys.begin(), d.word_keys.end(), word) == d.word_keys.end()) {
        d.word_keys.push_back(std::move(word));
      }
      pos = next;
    }
  }

  static bool FirstNamesAgree(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty() || a == b) return true;
    // An initial agrees with the name it abbreviates: "J." and "John".
    return (a.size() == 1 || b.size() == 1) && a[0] == b[0];
  }

  int32_t FindPerson(const Candidate& c) const {
    const std::vector<int32_t>* ids = WithKey(c.last_key);
    if (ids == nullptr) return -1;
    for (size_t i = ids->size(); i-- > 0;) {
      const Draft& d = drafts_[(*ids)[i]];
      if (d.entity.type == EntityType::kPerson && FirstNamesAgree(d.first_key, c.first_key)) {
        return (*ids)[i];
      }
    }
    return -1;
  }

  static std::string Initials(std::string_view name) {
    std::string out;
    bool start = true;
    for (char ch : name) {
      if (ch == ' ' || ch == '-') {
        start = true;
        continue;
      }
      if (start && ch >= 'A' && ch <= 'Z') out.push_back(ch);
      start = false;
    }
    return out;
  }

  void Bare(size_t i) {
    const Candidate& c = cands_[i];
    const std::string_view surface = Surface(c);
    if (c.acronym) {
      std::string letters;
      for (char ch : surface) {
        if (ch != '.') letters.push_back(ch);
      }
      if (letters.size() < 2 || letters.size() > 6) return;
      if (auto it = by_initials_.find(letters); it != by_initials_.end()) {
        AddAlias(drafts_[it->second], surface);
        Assign(i, it->second);
        return;
      }
      const std::string_view expansion = gaz_.AcronymExpansion(surface);
      const std::string key = expansion.empty() ? NameKey(surface, gaz_.translit())
                                                : NameKey(expansion, gaz_.translit());
      int32_t e = Find(EntityType::kOrganization, key);
      if (e < 0) e = Create(EntityType::kOrganization, surface, key);
      AddAlias(drafts_[e], surface);
      Assign(i, e);
      return;
    }
    // Of the people with this surname (their key or a later name word), the
    // one named most recently; if none is named before here, the first known.
    int32_t best = -1;
    if (auto it = last_named_.find(c.last_key); it != last_named_.end()) {
      best = it->second;
    } else if (auto first = first_with_key_.find(c.last_key); first != first_with_key_.end()) {
      best = first->second;
    }
    if (best >= 0) {
      AddAlias(drafts_[best], surface);
      Assign(i, best);
      return;
    }
    // No surname matches: a given name that one person of the story bears
    // ("Mahathir" for Mahathir Mohamad, "Anwar" for Anwar Ibrahim, "Syed"
    // for Syed Husin Ali). News refers to many Malay, Arab, Indonesian and
    // Thai people by the given name, and to children by theirs. Two people
    // with that given name make the word no one's.
    if (auto it = by_given_.find(c.last_key); it != by_given_.end() && it->second >= 0) {
      AddAlias(drafts_[it->second], surface);
      Assign(i, it->second);
      return;
    }
    if (c.person_cue) {
      int32_t e = Find(EntityType::kPerson, c.last_key);
      if (e < 0) {
        e = Create(EntityType::kPerson, surface, c.last_key);
        drafts_[e].words = 1;
        AddPerson(static_cast<size_t>(e));
      }
      Assign(i, e);
    }
  }

  // The surname keys a person answers to: the draft's key and the keys of
  // its name's later words. Both are fixed once the bare pass begins.
  template <typename F>
  void ForEachSurnameKey(const Draft& d, F&& f) const {
    f(d.entity.key);
    for (const std::string& w : d.word_keys) f(w);
  }

  void AddPerson(size_t k) {
    ForEachSurnameKey(drafts_[k], [&](const std::string& key) {
      first_with_key_.emplace(key, static_cast<int32_t>(k));
    });
    AddGivenName(k);
  }

  // The person's given name: the first word of a name of two words or more,
  // past abbreviated titles ("Gen."). -1 marks a given name two people share.
  void AddGivenName(size_t k) {
    const Draft& d = drafts_[k];
    if (d.words < 2) return;
    const std::string key = NameKey(d.entity.name, gaz_.translit());
    size_t b = 0;
    const std::string_view name = d.entity.name;
    // Skip words written with a period ("Gen.", "B.J."): titles and initials.
    size_t word_begin = 0, word_index = 0;
    for (;;) {
      const size_t sp = name.find(' ', word_begin);
      if (sp == std::string_view::npos) return;  // only the surname is left
      if (name[sp - 1] != '.') break;
      word_begin = sp + 1;
      ++word_index;
    }
    for (size_t w = 0; w < word_index; ++w) {
      b = key.find(' ', b);
      if (b == std::string::npos) return;
      ++b;
    }
    const size_t e = key.find(' ', b);
    if (e == std::string::npos) return;
    const std::string given = key.substr(b, e - b);
    if (given.size() < 3) return;
    // A building or an organisation a first name opened ("Casper City Hall")
    // is no person to call by that name: the name must end in a name, not in
    // an ordinary word or a place or organisation word.
    const LexEntry* last = gaz_.Find(key.substr(key.rfind(' ') + 1));
    if (last != nullptr &&
        (last->flags & (kCommon | kOrgWord | kPlaceWord | kCity | kRegion | kCountryName | kOrg)))
      return;
    auto [it, inserted] = by_given_.emplace(given, static_cast<int32_t>(k));
    if (!inserted && it->second != static_cast<int32_t>(k)) it->second = -1;
  }

  // Candidate j, now behind the sweep: if it names a person, that person is
  // the most recently named one for each of its surname keys. Replaces a scan
  // of all people and of all earlier candidates per bare word, which made
  // text full of capitalised words cubic (issue 11).
  void NoteMention(size_t j) {
    const int32_t e = assigned_[j];
    if (e < 0 || drafts_[e].entity.type != EntityType::kPerson) return;
    ForEachSurnameKey(drafts_[e], [&](const std::string& key) { last_named_[key] = e; });
  }

  void Pronouns() {
    struct Seen {
      uint32_t sentence;
      int32_t entity;
    };
    std::vector<size_t> order;
    for (size_t i = 0; i < cands_.size(); ++i) {
      const Candidate& c = cands_[i];
      const bool person =
          assigned_[i] >= 0 && drafts_[assigned_[i]].entity.type == EntityType::kPerson;
      if (person || c.kind == MentionKind::kPronoun) order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return cands_[a].span.begin < cands_[b].span.begin;
    });
    std::vector<Seen> history;
    for (size_t i : order) {
      const Candidate& c = cands_[i];
      if (c.kind != MentionKind::kPronoun) {
        history.push_back({c.sentence, assigned_[i]});
        continue;
      }
      auto fits = [&](int32_t e) {
        const char g = drafts_[e].gender;
        return g == '?' || g == c.gender;
      };
      int32_t pick = -1;
      size_t h = history.size();
      while (h > 0 && history[h - 1].sentence == c.sentence) {
        if (fits(history[h - 1].entity)) {
          pick = history[h - 1].entity;
          break;
        }
        --h;
      }
      if (pick < 0) {
        // The nearest earlier sentence with a fitting person: its first one.
        while (h > 0 && history[h - 1].sentence + 3 >= c.sentence) {
          const uint32_t s = history[h - 1].sentence;
          int32_t first = -1;
          size_t k = h;
          while (k > 0 && history[k - 1].sentence == s) {
            if (fits(history[k - 1].entity)) first = history[k - 1].entity;
            --k;
          }
          if (first >= 0) {
            pick = first;
            break;
          }
          h = k;
        }
      }
      if (pick < 0) continue;
      assigned_[i] = pick;
      if (drafts_[pick].gender == '?') drafts_[pick].gender = c.gender;
      history.push_back({c.sentence, pick});
    }
  }

  void Emit(std::vector<Entity>& entities, std::vector<Mention>& mentions) {
    std::vector<size_t> order;
    for (size_t k = 0; k < drafts_.size(); ++k) {
      if (drafts_[k].first_pos != UINT32_MAX) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return drafts_[a].first_pos < drafts_[b].first_pos;
    });
    std::vector<uint32_t> remap(drafts_.size(), 0);
    const uint32_t base = static_cast<uint32_t>(entities.size());
    for (size_t n = 0; n < order.size(); ++n) {
      remap[order[n]] = base + static_cast<uint32_t>(n);
      entities.push_back(std::move(drafts_[order[n]].entity));
    }
    const size_t first_mention = mentions.size();
    for (size_t i = 0; i < cands_.size(); ++i) {
      if (assigned_[i] < 0) continue;
      const Candidate& c = cands_[i];
      Mention m;
      m.span = c.span;
      m.entity = remap[assigned_[i]];
      m.kind = c.kind;
      if (m.kind == MentionKind::kName && Surface(c) != entities[m.entity].name) {
        m.kind = MentionKind::kAlias;
      }
      mentions.push_back(m);
    }
    std::stable_sort(
        mentions.begin() + static_cast<std::ptrdiff_t>(first_mention), mentions.end(),
        [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  }

  const std::vector<Candidate>& cands_;
  std::string_view body_;
  const Gazetteer& gaz_;
  std::vector<int32_t> assigned_;
  std::vector<Draft> drafts_;
  std::string surface_;
  // Full-name keys of people ("hun sen"), so a run typed "other" where no
  // title or first name showed it is a person still joins that person.
  std::unordered_map<std::string, int32_t> person_names_;
  // Surname key -> the first person (in draft order, then as the bare pass
  // creates them) answering to it, and
  // the person answering to it named last before the sweep's position.
  std::unordered_map<std::string, int32_t> first_with_key_;
  std::unordered_map<std::string, int32_t> last_named_;
  // Given-name key -> the one person bearing it, or -1 when two do.
  std::unordered_map<std::string, int32_t> by_given_;
  // Initials of every non-person name of two words or more -> the latest
  // such draft, for acronyms ("UAE").
  std::unordered_map<std::string, int32_t> by_initials_;
  std::unordered_map<std::string, std::vector<int32_t>, StringHash, std::equal_to<>> by_key_;
};

}  // namespace

void Resolve(const std::vector<Candidate>& candidates, std::string_view body,
             const Gazetteer& gazetteer, std::vector<Entity>& entities,
             std::vector<Mention>& mentions) {
  Resolver(candidates, body, gazetteer).Run(entities, mentions);
}

}  // namespace newsfuse::analyze::entity
