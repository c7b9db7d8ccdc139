// Synthetic news for the reliability tests: several distinct events, each
// reported by many articles that share the event's names, place and subject
// words but no sentence, so the clusterer has real work (no article is a
// copy of another) and a clear answer (one story per event).
//
// Deterministic for a seed. Written by the tests, never taken from data sets.
#pragma once

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace newsfuse::testing {

struct SyntheticArticle {
  int event = 0;
  std::string url, outlet, title, published, text;
};

namespace synthetic_internal {

inline std::string MadeUpWord(std::mt19937& rng, bool capital) {
  static const char* kOnsets[] = {"b", "d", "f", "g",  "k",  "l",  "m",  "n",  "p",  "r",  "s",
                                  "t", "v", "z", "br", "dr", "gr", "kr", "tr", "st", "sh", "th"};
  static const char* kVowels[] = {"a", "e", "i", "o", "u", "ai", "ou", "ei"};
  std::string word;
  const int syllables = 2 + static_cast<int>(rng() % 2);
  for (int i = 0; i < syllables; ++i) {
    word += kOnsets[rng() % (sizeof kOnsets / sizeof *kOnsets)];
    word += kVowels[rng() % (sizeof kVowels / sizeof *kVowels)];
  }
  word += "nrsl"[rng() % 4];
  if (capital) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

struct Event {
  std::vector<std::string> people, places, subjects;
  int month = 1, day = 1;
};

}  // namespace synthetic_internal

// `events` events of `per_event` articles each, interleaved as a news stream
// would bring them (shuffled with `seed`).
inline std::vector<SyntheticArticle> SyntheticNews(int events, int per_event, uint32_t seed) {
  using synthetic_internal::MadeUpWord;
  std::mt19937 rng(seed);
  std::vector<synthetic_internal::Event> plan(events);
  for (int e = 0; e < events; ++e) {
    auto& ev = plan[e];
    for (int i = 0; i < 3; ++i)
      ev.people.push_back(MadeUpWord(rng, true) + " " + MadeUpWord(rng, true));
    for (int i = 0; i < 2; ++i) ev.places.push_back(MadeUpWord(rng, true));
    for (int i = 0; i < 8; ++i) ev.subjects.push_back(MadeUpWord(rng, false));
    ev.month = 1 + (e / 4) % 12;
    ev.day = 1 + (e % 4) * 7;
  }
  static const char* kVerbs[] = {"announced", "rejected", "delayed",   "approved", "questioned",
                                 "defended",  "expanded", "suspended", "reviewed", "criticised"};
  static const char* kFrames[] = {
      "%s said on %s that officials in %s had %s the %s after weeks of talks.",
      "Residents of %s told reporters that %s had %s the %s plan.",
      "According to %s, the %s in %s was %s because of the %s.",
      "In %s, %s %s the %s, a move critics linked to the %s.",
      "%s, speaking in %s, %s claims that the %s would harm the %s.",
  };
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  std::vector<SyntheticArticle> out;
  for (int e = 0; e < events; ++e) {
    const auto& ev = plan[e];
    for (int a = 0; a < per_event; ++a) {
      auto pick = [&](const std::vector<std::string>& from) -> const std::string& {
        return from[rng() % from.size()];
      };
      auto verb = [&] { return kVerbs[rng() % (sizeof kVerbs / sizeof *kVerbs)]; };
      SyntheticArticle art;
      art.event = e;
      art.outlet = "Outlet " + std::to_string(a % 7);
      art.url = "https://news" + std::to_string(a % 7) + ".example/e" + std::to_string(e) + "/a" +
                std::to_string(a);
      art.title = ev.places[0] + " " + pick(ev.subjects) + " " + verb() + " as " + pick(ev.people) +
                  " weighs " + pick(ev.subjects);
      char date[32];
      std::snprintf(date, sizeof date, "2025-%02d-%02d", ev.month,
                    ev.day + static_cast<int>(rng() % 2));
      art.published = date;
      const int sentences = 7 + static_cast<int>(rng() % 5);
      for (int s = 0; s < sentences; ++s) {
        char line[512];
        const char* frame = kFrames[rng() % (sizeof kFrames / sizeof *kFrames)];
        // Every frame takes five strings; their roles differ, which is fine.
        std::string p = pick(ev.people), d = kDays[rng() % 5], pl = pick(ev.places);
        std::string v = verb(), su = pick(ev.subjects), su2 = pick(ev.subjects);
        if (frame == kFrames[0])
          std::snprintf(line, sizeof line, frame, p.c_str(), d.c_str(), pl.c_str(), v.c_str(),
                        su.c_str());
        else if (frame == kFrames[1])
          std::snprintf(line, sizeof line, frame, pl.c_str(), p.c_str(), v.c_str(), su.c_str());
        else if (frame == kFrames[2])
          std::snprintf(line, sizeof line, frame, p.c_str(), su.c_str(), pl.c_str(), v.c_str(),
                        su2.c_str());
        else if (frame == kFrames[3])
          std::snprintf(line, sizeof line, frame, pl.c_str(), p.c_str(), v.c_str(), su.c_str(),
                        su2.c_str());
        else
          std::snprintf(line, sizeof line, frame, p.c_str(), pl.c_str(), v.c_str(), su.c_str(),
                        su2.c_str());
        art.text += line;
        // Subject words outweigh the shared sentence frames, as an event's
        // own vocabulary does in real reporting.
        art.text += " The " + pick(ev.subjects) + " and " + pick(ev.subjects) + " of " +
                    ev.places[0] + " remain, " + pick(ev.people) + " added.";
        art.text += (s % 3 == 2) ? "\n\n" : " ";
      }
      art.text += "Article " + std::to_string(a) + " of the " + ev.places[0] + " coverage.";
      out.push_back(std::move(art));
    }
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

// One JSON Lines record per article (`newsfuse ingest` reads .jsonl). The
// generator only emits letters, digits, spaces, punctuation and newlines.
inline std::string ToJsonl(const std::vector<SyntheticArticle>& articles) {
  std::string out;
  for (const auto& a : articles) {
    std::string text;
    for (char c : a.text) text += c == '\n' ? std::string("\\n") : std::string(1, c);
    out += "{\"url\":\"" + a.url + "\",\"outlet\":\"" + a.outlet + "\",\"title\":\"" + a.title +
           "\",\"published\":\"" + a.published + "\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

}  // namespace newsfuse::testing
