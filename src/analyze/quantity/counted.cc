// Steps 4 and 5 of the scanner: what a number counts, and distribution.
#include "analyze/quantity/scanner.h"

namespace newsfuse::analyze::quantity {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A lowercase "-ly" word is an adverb ("reportedly", "respectively") unless
// the letter before the ending says otherwise ("family", "ally", "supply").
bool IsAdverb(std::string_view w) {
  if (w.size() < 5 || !EndsWith(w, "ly") || (w[0] >= 'A' && w[0] <= 'Z')) return false;
  const char before = w[w.size() - 3];
  return before != 'i' && before != 'l' && before != 'p';
}

}  // namespace

bool Scanner::IsPlural(std::string_view lower) const {
  if (const std::string* singular = lex_.plurals.Find(lower)) return *singular != lower;
  return lower.size() > 3 && lower.back() == 's' && !EndsWith(lower, "ss") &&
         !EndsWith(lower, "us") && !EndsWith(lower, "is") && !EndsWith(lower, "'s");
}

void Scanner::AppendSingular(std::string_view w, std::string& out) {
  if (const std::string* irregular = lex_.plurals.Find(Key(counted_last_, counted_last_))) {
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' && !irregular->empty()) {
      out.push_back(static_cast<char>(irregular->front() - 'a' + 'A'));
      out.append(*irregular, 1);
    } else {
      out += *irregular;
    }
    return;
  }
  const bool lower = !w.empty() && w.back() == 's' &&
                     !(w.size() >= 2 && w[w.size() - 2] >= 'A' && w[w.size() - 2] <= 'Z');
  if (w.size() > 3 && lower && EndsWith(w, "ies")) {
    out.append(w.substr(0, w.size() - 3)).push_back('y');
  } else if (EndsWith(w, "sses") || EndsWith(w, "ches") || EndsWith(w, "shes") ||
             EndsWith(w, "xes") || EndsWith(w, "zzes")) {
    out.append(w.substr(0, w.size() - 2));
  } else if (w.size() > 2 && EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") &&
             !EndsWith(w, "is") && !EndsWith(w, "'s")) {
    out.append(w.substr(0, w.size() - 1));
  } else {
    out.append(w);
  }
}

// The noun phrase right after a number: up to four words that are not
// function words, verbs or adverbs (data/analyze/quantity/counted_stops.txt),
// hyphenated compounds kept whole ("long-range missiles"), plus one "of"
// complement ("prisoners of war"). The head (its last word before "of") is
// made singular for the lemma: "314 prisoners of war" -> "prisoner of war".
bool Scanner::ReadCounted(size_t i, bool allow_determiner, Quantity& q) {
  size_t j = i;
  if (allow_determiner) {
    while (Is(j, "the") || Is(j, "a") || Is(j, "an") || Is(j, "its") || Is(j, "their") ||
           Is(j, "his") || Is(j, "her") || Is(j, "our") || Is(j, "all"))
      ++j;
    // "3 of the 17 crew members", "nine of the 12 victims": past the number.
    if (j < Size() && (tokens_[j].kind == TokenKind::kNumber || NumberWordAt(j)) && IsWord(j + 1))
      ++j;
  }
  const size_t start = j;
  size_t head = static_cast<size_t>(-1);
  int words = 0;
  while (j < Size() && words < 4) {
    if (!IsWord(j)) {
      // Hyphenated compounds stay whole: "long-range missiles", "F-16 jets".
      if (head != static_cast<size_t>(-1) && IsSymbol(j, "-") && Glued(j) && Glued(j + 1) &&
          (IsWord(j + 1) || tokens_[j + 1].kind == TokenKind::kNumber)) {
        head = j + 1;
        j += 2;
        continue;
      }
      break;
    }
    const std::string_view key = Key(j, j);
    if (key == "of" || lex_.counted_stops.Find(key) || IsAdverb(Text(j))) break;
    if (ContextAt(j, Context::kMonth) || ContextAt(j, Context::kWeekday)) break;
    // A participle after a noun, or alone, is a verb: "voters backed",
    // "314 released". Before a noun it is an adjective: "armed groups".
    if (EndsWith(key, "ed") && (words > 0 || !IsWord(j + 1))) break;
    head = j;
    ++words;
    ++j;
    // A plural noun ends the phrase: "civilians returned", "people watched".
    if (IsPlural(key) && !Is(j, "of") && !(IsSymbol(j, "-") && Glued(j))) break;
  }
  if (head == static_cast<size_t>(-1)) return false;
  size_t end = head;
  if (Is(end + 1, "of") && IsWord(end + 2) && !lex_.counted_stops.Find(Key(end + 2, end + 2))) {
    end += 2;
    if (IsWord(end + 1) && !lex_.counted_stops.Find(Key(end + 1, end + 1)) && !Is(end + 1, "of") &&
        !IsAdverb(Text(end + 1)))
      ++end;
  }
  // The lemma: the phrase as written, whitespace collapsed, head singular.
  q.counted.clear();
  for (size_t k = start; k <= end; ++k) {
    if (k > start && !tokens_[k].glued) q.counted.push_back(' ');
    if (k == head) {
      counted_last_ = head;
      AppendSingular(Text(k), q.counted);
    } else {
      q.counted.append(Text(k));
    }
  }
  q.counted_span = Span{tokens_[start].begin, tokens_[end].end};
  counted_last_ = end;
  return true;
}

// After "of": "about 110 of which were Shaheds", "three of them", "20% of
// Ukraine's territory", "a third of the prisoners". A pronoun with no noun
// after it takes the thing counted by the sentence's previous quantity.
void Scanner::ReadPartitive(size_t of, Quantity& q, const std::vector<Quantity>& out) {
  size_t j = of + 1;
  counted_last_ = of;
  const bool pronoun =
      Is(j, "which") || Is(j, "whom") || Is(j, "them") || Is(j, "those") || Is(j, "these");
  if (pronoun) {
    counted_last_ = j;
    ++j;
    if (Is(j, "were") || Is(j, "was") || Is(j, "are") || Is(j, "is")) {
      ++j;
      if (ReadCounted(j, true, q)) return;
    }
    for (size_t k = out.size(); k-- > sentence_out_begin_;) {
      if (!out[k].counted.empty()) {
        q.counted = out[k].counted;
        q.counted_span = out[k].counted_span;
        return;
      }
    }
    return;
  }
  ReadCounted(j, true, q);
}

// "157 prisoners each", "157 apiece", "157 from each side", and "each side
// returned 157 detainees" (an "each" before the number, in the same clause).
bool Scanner::IsDistributive(size_t first, size_t after) {
  if (Is(after, "each") || Is(after, "apiece")) return true;
  if ((Is(after, "from") || Is(after, "for") || Is(after, "on") || Is(after, "per")) &&
      (Is(after + 1, "each") || Is(after + 1, "either")))
    return true;
  if (Is(after, "per") && ContextAt(after + 1, Context::kParty)) return true;
  for (size_t k = first; k > 0 && first - k < 8; --k) {
    const size_t t = k - 1;
    if (IsSymbol(t, ",") || IsSymbol(t, ";") || tokens_[t].kind == TokenKind::kNumber) break;
    // "each side returned 157", "each of them", "will each release 32";
    // not "each day 20 people die", which is a rate.
    if (Is(t, "each") && !lex_.units.Find(Key(t + 1, t + 1))) return true;
  }
  return false;
}

// How many parties "each" spreads over: a count earlier in the sentence
// ("the three lads"), a stated party noun ("both sides", "2 countries"), else the names coordinated
// before the number ("Russia and Ukraine", "Armenia, Azerbaijan and Georgia"), else two: exchanges
// and talks, where news uses the form most, have two sides.
int Scanner::Parties(size_t first, const std::vector<Quantity>& out) {
  // A count earlier in the sentence names them: "the three lads were fined £200 each".
  for (size_t k = out.size(); k-- > sentence_out_begin_;) {
    const Quantity& q = out[k];
    if (q.unit.empty() && !q.counted.empty() && q.value >= 2 && q.value <= 50 &&
        q.value == static_cast<int>(q.value))
      return static_cast<int>(q.value);
  }
  for (size_t k = 0; k + 1 < Size(); ++k) {
    if (!ContextAt(k + 1, Context::kParty)) continue;
    if (Is(k, "both")) return 2;
    if (const NumberWord* w = NumberWordAt(k); w && w->cls == NumberClass::kUnit && w->value >= 2)
      return static_cast<int>(w->value);
    if (tokens_[k].kind == TokenKind::kNumber) {
      const std::string_view t = Text(k);
      if (t.size() == 1 && t[0] >= '2') return t[0] - '0';
    }
  }
  for (size_t k = first; k-- > 1;) {
    if (!Is(k, "and") || k + 1 >= Size() || !tokens_[k + 1].capital || !tokens_[k - 1].capital)
      continue;
    int parties = 2;
    size_t p = k - 1;
    while (p > 0 && tokens_[p - 1].capital && IsWord(p - 1)) --p;
    while (p >= 2 && IsSymbol(p - 1, ",") && tokens_[p - 2].capital) {
      ++parties;
      p -= 2;
      while (p > 0 && tokens_[p - 1].capital && IsWord(p - 1)) --p;
    }
    return parties;
  }
  return 2;
}

}  // namespace newsfuse::analyze::quantity
