#include "claims_match.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

namespace newsfuse::bench {
namespace {

const std::set<std::string>& StopWords() {
  static const std::set<std::string> words = {
      "a",   "an",  "the",  "of",   "in",  "on",  "at",   "to",    "for",  "and",  "or",
      "but", "by",  "with", "from", "as",  "is",  "was",  "were",  "be",   "been", "are",
      "it",  "its", "he",   "she",  "his", "her", "they", "their", "that", "this", "which",
      "who", "had", "has",  "have", "not", "s",   "said", "says"};
  return words;
}

const std::map<std::string, double>& NumberWords() {
  static const std::map<std::string, double> words = {
      {"one", 1},     {"two", 2},     {"three", 3},    {"four", 4},    {"five", 5},
      {"six", 6},     {"seven", 7},   {"eight", 8},    {"nine", 9},    {"ten", 10},
      {"eleven", 11}, {"twelve", 12}, {"dozen", 12},   {"twenty", 20}, {"thirty", 30},
      {"forty", 40},  {"fifty", 50},  {"hundred", 100}};
  return words;
}

// Words with digits kept whole across thousands separators and decimals.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    const bool digit_sep = (c == ',' || c == '.') && !w.empty() &&
                           std::isdigit(static_cast<unsigned char>(w.back())) &&
                           i + 1 < text.size() &&
                           std::isdigit(static_cast<unsigned char>(text[i + 1]));
    if (std::isalnum(c)) {
      w += static_cast<char>(std::tolower(c));
    } else if (digit_sep) {
      if (c == '.') w += '.';
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  return out;
}

struct Item {
  std::string doc, text;
};

// A report row's wordings, each with the gold document of its source.
template <typename Attestations>
std::vector<Item> Items(const Attestations& wording,
                        const std::map<std::string, std::string>& doc_of) {
  std::vector<Item> out;
  for (const Attestation& a : wording) {
    auto it = doc_of.find(a.source);
    if (it != doc_of.end()) out.push_back({it->second, a.text});
  }
  return out;
}

// A wording and an evidence span tell the same claim: same document, and one
// holds at least half of the other's content words (at least two of them
// unless the shorter has only one).
bool Overlaps(const Item& item, const GoldEvidence& ev) {
  if (item.doc != ev.doc) return false;
  const auto a = ContentWords(ev.text), b = ContentWords(item.text);
  if (a.empty() || b.empty()) return false;
  const std::set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  size_t shared = 0;
  for (const auto& w : sa) shared += sb.count(w);
  const size_t need = std::min<size_t>(2, std::min(sa.size(), sb.size()));
  if (shared < need) return false;
  return shared * 2 >= sa.size() || shared * 2 >= sb.size();
}

bool AnyOverlap(const std::vector<Item>& items, const std::vector<GoldEvidence>& evidence) {
  for (const Item& i : items)
    for (const GoldEvidence& e : evidence)
      if (Overlaps(i, e)) return true;
  return false;
}

std::string LastWord(std::string_view name) {
  auto w = Words(name);
  while (!w.empty() && (w.back() == "s" || w.back() == "jr")) w.pop_back();
  return w.empty() ? std::string() : w.back();
}

// Numbers the value of a quantity row states; a row whose value holds no
// number (an event's date, a role) has none.
bool NumbersAgree(std::string_view system_value, const GoldFact& g) {
  const auto sys = Numbers(system_value);
  if (sys.empty()) return true;
  const auto gold = Numbers(g.value);
  for (double s : sys)
    for (double v : gold)
      if (std::abs(s - v) <= 1e-6 * std::max(1.0, std::abs(v))) return true;
  return false;
}

std::string Pct(const SectionScore& s) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%d/%d ok, %d/%d found", s.sys_ok, s.sys, s.gold_ok, s.gold);
  return buf;
}

}  // namespace

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : Words(text))
    if (!StopWords().count(w)) out.push_back(std::move(w));
  return out;
}

double Covered(std::string_view part, std::string_view whole) {
  const auto p = ContentWords(part), w = ContentWords(whole);
  if (p.empty()) return 0;
  const std::set<std::string> sw(w.begin(), w.end());
  size_t hit = 0;
  for (const auto& x : p) hit += sw.count(x);
  return double(hit) / p.size();
}

std::vector<double> Numbers(std::string_view text) {
  std::vector<double> out;
  for (const auto& w : Words(text)) {
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      size_t n = 0;
      while (n < w.size() && (std::isdigit(static_cast<unsigned char>(w[n])) || w[n] == '.')) ++n;
      out.push_back(std::atof(w.substr(0, n).c_str()));
    } else if (auto it = NumberWords().find(w); it != NumberWords().end()) {
      out.push_back(it->second);
    }
  }
  return out;
}

bool SameSpeaker(std::string_view gold, std::string_view system) {
  const std::string g = LastWord(gold), s = LastWord(system);
  if (g.empty() || s.empty()) return false;
  const auto gw = Words(gold), sw = Words(system);
  return std::find(gw.begin(), gw.end(), s) != gw.end() ||
         std::find(sw.begin(), sw.end(), g) != sw.end();
}

bool SameDate(std::string_view gold, std::string_view system) {
  const size_t slash = system.find('/');
  const std::string_view from = system.substr(0, slash);
  const std::string_view to = slash == std::string_view::npos ? from : system.substr(slash + 1);
  if (from == gold) return true;
  if (gold.size() == 10 && from.size() == 10 && to.size() == 10) return from <= gold && gold <= to;
  // A gold month holds any system date inside it.
  return gold.size() == 7 && from.substr(0, 7) == gold;
}

// Kuhn's augmenting path: finds row `r` a gold fact, re-seating earlier rows
// where that frees one.
static bool AugmentMatching(int r, const std::vector<std::vector<size_t>>& can,
                            std::vector<bool>& seen, std::vector<int>& row_of_gold) {
  for (size_t g : can[r]) {
    if (seen[g]) continue;
    seen[g] = true;
    if (row_of_gold[g] < 0 || AugmentMatching(row_of_gold[g], can, seen, row_of_gold)) {
      row_of_gold[g] = r;
      return true;
    }
  }
  return false;
}

static std::string DiagOf(const Fact& f) {
  size_t first = SIZE_MAX;
  std::set<std::string> src(f.sources.begin(), f.sources.end());
  for (const auto& w : f.wording) first = std::min<size_t>(first, w.span.begin);
  std::string out = "   {v=" + std::to_string(src.size()) + " pos=" + std::to_string(first) + "}";
  if (std::getenv("CLAIMS_DIAG"))
    for (const auto& w : f.wording) out += "\n        " + w.source + ": " + w.text;
  return out;
}

TopicScores ScoreReport(const StoryReport& report, const std::map<std::string, std::string>& doc_of,
                        const GoldTopic& gold, std::vector<std::string>* detail) {
  TopicScores t;
  auto note = [&](std::string line) {
    if (detail) detail->push_back(std::move(line));
  };

  // Facts (quantities, events) one-to-one: a second row for one gold fact is a duplicate.
  std::vector<bool> fact_taken(gold.facts.size(), false);
  std::vector<bool> role_found(gold.roles.size(), false);
  std::vector<const Fact*> fact_rows;         // quantity and event rows, in report order
  std::vector<std::vector<size_t>> fact_can;  // per row: the gold facts it could be
  for (const Fact& f : report.facts) {
    const auto items = Items(f.wording, doc_of);
    if (f.kind == Fact::Kind::kRole) {
      ++t.roles.sys;
      bool ok = false;
      for (size_t g = 0; g < gold.roles.size() && !ok; ++g) {
        if (!SameSpeaker(gold.roles[g].person, f.subject)) continue;
        for (const auto& r : gold.roles[g].roles) {
          if (Covered(f.value, r) >= 0.5 && Covered(r, f.value) >= 0.5) {
            ok = true;
            role_found[g] = true;
            break;
          }
        }
      }
      t.roles.sys_ok += ok;
      note(std::string(ok ? "  ok   " : "  WRONG") + " role " + f.subject + ": " + f.value);
      continue;
    }
    ++t.facts.sys;
    fact_rows.push_back(&f);
    std::vector<size_t> can;
    for (size_t g = 0; g < gold.facts.size(); ++g) {
      if (!AnyOverlap(items, gold.facts[g].evidence)) continue;
      if (f.kind == Fact::Kind::kQuantity && !NumbersAgree(f.value, gold.facts[g])) continue;
      can.push_back(g);
    }
    fact_can.push_back(std::move(can));
  }
  // One-to-one as a maximum matching, not first come first served: a row
  // whose words overlap two gold facts must not take the one a later row
  // could only match, or the later row is counted a duplicate though each
  // row states a different gold fact.
  std::vector<int> row_of_gold(gold.facts.size(), -1);
  for (size_t r = 0; r < fact_rows.size(); ++r) {
    std::vector<bool> seen(gold.facts.size(), false);
    AugmentMatching(static_cast<int>(r), fact_can, seen, row_of_gold);
  }
  std::vector<int> gold_of_row(fact_rows.size(), -1);
  for (size_t g = 0; g < gold.facts.size(); ++g)
    if (row_of_gold[g] >= 0)
      gold_of_row[row_of_gold[g]] = static_cast<int>(g), fact_taken[g] = true;
  for (size_t r = 0; r < fact_rows.size(); ++r) {
    const Fact& f = *fact_rows[r];
    const int match = gold_of_row[r];
    t.facts.sys_ok += match >= 0;
    bool all_state_it = false;
    std::string loose_docs;  // cited documents the gold fact does not list
    if (match >= 0) {
      const auto& docs = gold.facts[match].docs;
      all_state_it = true;
      for (const Item& i : Items(f.wording, doc_of)) {
        if (std::find(docs.begin(), docs.end(), i.doc) != docs.end()) continue;
        all_state_it = false;
        loose_docs += " " + i.doc;
      }
      t.facts_strict.sys_ok += all_state_it;
      if (all_state_it) ++t.facts_strict.gold_ok;
    }
    note(std::string(match >= 0 && all_state_it ? "  ok   "
                     : match >= 0               ? "  LOOSE"
                     : !fact_can[r].empty()     ? "  DUP  "
                                                : "  WRONG") +
         " fact [" + FactKindName(f.kind) + "] " + f.subject + ": " + f.value +
         (match >= 0             ? "  = " + gold.facts[match].subject
          : !fact_can[r].empty() ? "  ~ " + gold.facts[fact_can[r].front()].subject
                                 : "") +
         (loose_docs.empty() ? "" : "  [not in gold docs:" + loose_docs + "]") + DiagOf(f));
  }
  t.facts.gold = static_cast<int>(gold.facts.size());
  t.facts_strict.sys = t.facts.sys;
  t.facts_strict.gold = t.facts.gold;
  t.facts.gold_ok = static_cast<int>(std::count(fact_taken.begin(), fact_taken.end(), true));
  for (size_t g = 0; g < gold.facts.size(); ++g)
    if (!fact_taken[g]) note("  MISS  fact " + gold.facts[g].subject + ": " + gold.facts[g].value);
  t.roles.gold = static_cast<int>(gold.roles.size());
  t.roles.gold_ok = static_cast<int>(std::count(role_found.begin(), role_found.end(), true));

  // Conflicts: two different report sides on two different gold sides.
  std::vector<bool> conflict_found(gold.conflicts.size(), false);
  for (const Conflict& c : report.conflicts) {
    std::vector<std::vector<Item>> sides;
    for (const auto& s : c.sides) sides.push_back(Items(s.wording, doc_of));
    bool self = false;
    for (size_t i = 0; i < c.sides.size(); ++i)
      for (size_t j = i + 1; j < c.sides.size(); ++j)
        for (const auto& a : c.sides[i].wording)
          for (const auto& b : c.sides[j].wording) self |= a.source == b.source && a.text == b.text;
    t.conflicts_self += self;
    int match = -1;
    for (size_t g = 0; g < gold.conflicts.size() && match < 0; ++g) {
      const auto& gs = gold.conflicts[g].sides;
      for (size_t i = 0; i < sides.size() && match < 0; ++i)
        for (size_t j = 0; j < sides.size() && match < 0; ++j)
          for (size_t a = 0; a < gs.size() && match < 0; ++a)
            for (size_t b = 0; b < gs.size() && match < 0; ++b)
              if (i != j && a != b && AnyOverlap(sides[i], gs[a]) && AnyOverlap(sides[j], gs[b]))
                match = int(g);
    }
    const bool update = match >= 0 && gold.conflicts[match].kind == "update";
    // A figure that changes over the days may be shown as a soft conflict
    // (a progression); shown as hard it is wrong.
    if (update && !c.hard) {
      note("  n/a   conflict (update shown soft) " + c.subject);
      continue;
    }
    ++t.conflicts.sys;
    t.conflicts_hard += c.hard;
    const bool ok = match >= 0 && !update;
    if (ok) {
      ++t.conflicts.sys_ok;
      conflict_found[match] = true;
      t.conflicts_kind_ok += (gold.conflicts[match].kind == "hard") == c.hard;
    }
    std::string sides_text;
    for (const auto& s : c.sides) sides_text += " | " + s.value;
    note(std::string(ok ? "  ok   " : "  WRONG") + " conflict " + (c.hard ? "hard " : "soft ") +
         c.subject + sides_text + (self ? " [SELF]" : ""));
  }
  for (size_t g = 0; g < gold.conflicts.size(); ++g) {
    if (gold.conflicts[g].kind == "update") continue;
    ++t.conflicts.gold;
    if (conflict_found[g])
      ++t.conflicts.gold_ok;
    else
      note("  MISS  conflict " + gold.conflicts[g].kind + " " + gold.conflicts[g].subject);
  }

  // Quotes by document and text; a split quote may be matched by both halves.
  struct SysQuote {
    std::string doc, text, speaker;
    bool direct;
  };
  std::vector<SysQuote> sys_quotes;
  for (const SpeakerQuotes& sp : report.quotes)
    for (const ReportQuote& q : sp.quotes)
      for (const Item& i : Items(q.wording, doc_of))
        sys_quotes.push_back({i.doc, i.text, sp.speaker, q.direct});
  auto same_text = [](const SysQuote& s, const GoldQuote& g) {
    return s.doc == g.doc && (Covered(s.text, g.text) >= 0.6 || Covered(g.text, s.text) >= 0.6);
  };
  std::vector<bool> direct_found(gold.quotes.size(), false), any_found(gold.quotes.size(), false);
  for (const SysQuote& s : sys_quotes) {
    SectionScore& sec = s.direct ? t.quotes_direct : t.quotes_reported;
    ++sec.sys;
    ++t.quotes_any.sys;
    int typed = -1, any = -1;
    for (size_t g = 0; g < gold.quotes.size(); ++g) {
      if (!same_text(s, gold.quotes[g])) continue;
      if (any < 0) any = int(g);
      if (gold.quotes[g].direct == s.direct) {
        typed = int(g);
        break;
      }
    }
    const int g = typed >= 0 ? typed : any;
    const bool speaker_ok = g >= 0 && SameSpeaker(gold.quotes[g].speaker, s.speaker);
    if (any >= 0) ++t.quotes_any.sys_ok, any_found[any] = true;
    if (typed >= 0) {
      ++sec.sys_ok;
      direct_found[typed] = true;
      if (s.direct) ++t.direct_matched, t.direct_speaker_ok += speaker_ok;
    }
    note(std::string(typed >= 0 ? "  ok   "
                     : any >= 0 ? "  TYPE "
                                : "  WRONG") +
         (speaker_ok || g < 0 ? "" : " [SPEAKER " + gold.quotes[g].speaker + "]") + " quote " +
         (s.direct ? "direct " : "reported ") + s.doc + " " + s.speaker + ": " +
         s.text.substr(0, 100));
  }
  for (size_t g = 0; g < gold.quotes.size(); ++g) {
    SectionScore& sec = gold.quotes[g].direct ? t.quotes_direct : t.quotes_reported;
    ++sec.gold;
    ++t.quotes_any.gold;
    sec.gold_ok += direct_found[g];
    t.quotes_any.gold_ok += any_found[g];
    if (!direct_found[g])
      note(std::string("  MISS  quote ") + (gold.quotes[g].direct ? "direct " : "reported ") +
           gold.quotes[g].doc + " " + gold.quotes[g].speaker + ": " +
           gold.quotes[g].text.substr(0, 100));
  }

  // Timeline one-to-one, by date and evidence.
  std::vector<bool> event_taken(gold.timeline.size(), false);
  for (const TimelineEntry& e : report.timeline) {
    ++t.timeline.sys;
    const auto items = Items(e.wording, doc_of);
    int match = -1;
    for (size_t g = 0; g < gold.timeline.size() && match < 0; ++g)
      if (!event_taken[g] && SameDate(gold.timeline[g].date, e.date) &&
          AnyOverlap(items, gold.timeline[g].evidence))
        match = int(g);
    if (match >= 0) event_taken[match] = true, ++t.timeline.sys_ok;
    note(std::string(match >= 0 ? "  ok   " : "  WRONG") + " event " + e.date + " " +
         e.what.substr(0, 110));
  }
  t.timeline.gold = static_cast<int>(gold.timeline.size());
  t.timeline.gold_ok = static_cast<int>(std::count(event_taken.begin(), event_taken.end(), true));
  for (size_t g = 0; g < gold.timeline.size(); ++g)
    if (!event_taken[g])
      note("  MISS  event " + gold.timeline[g].date + " " + gold.timeline[g].event.substr(0, 110));
  note("  facts " + Pct(t.facts) + "; conflicts " + Pct(t.conflicts) + "; direct quotes " +
       Pct(t.quotes_direct) + "; timeline " + Pct(t.timeline));
  return t;
}

}  // namespace newsfuse::bench
