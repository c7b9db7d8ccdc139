// Steps 2 and 3 of the scanner: the number's surroundings and the negatives.
#include "analyze/quantity/scanner.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/strings.h"

namespace newsfuse::analyze::quantity {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Marks a side-array entry not looked up yet (nullptr means "not in the list").
const Context kUnknownContext{};

// The interval a hedge allows around v. "Approximately" is read as ten per
// cent either side: news rounds to two significant figures, and a tenth
// covers that rounding for the numbers news hedges most (tens to millions).
}  // namespace

void ApplyHedgeInterval(Hedge hedge, double v, bool can_be_negative, Quantity& q) {
  const double spread = 0.1 * std::fabs(v);
  const double floor = can_be_negative ? -kInf : std::min(0.0, v);
  q.low = q.high = v;
  switch (hedge) {
    case Hedge::kApprox:
      q.low = v - spread;
      q.high = v + spread;
      break;
    case Hedge::kNearly:
      q.low = v - spread;
      break;
    case Hedge::kOver:
    case Hedge::kAtLeast:
      q.high = kInf;
      break;
    case Hedge::kUpTo:
    case Hedge::kUnder:
      q.low = floor;
      break;
    case Hedge::kJustOver:
      q.high = v + spread;
      break;
    case Hedge::kNone:
    case Hedge::kExact:
      break;
  }
}

bool Scanner::IsSymbol(size_t i, std::string_view s) const {
  return i < Size() && tokens_[i].kind == TokenKind::kSymbol && Text(i) == s;
}

std::string_view Scanner::Key(size_t first, size_t last) {
  key_.clear();
  for (size_t j = first; j <= last && j < Size(); ++j) AppendKey(j, j > first);
  return key_;
}

void Scanner::AppendKey(size_t j, bool inner) {
  if (inner && !tokens_[j].glued) key_.push_back(' ');
  const std::string_view t = Text(j);
  const size_t base = key_.size();
  key_.append(t);
  char* out = key_.data() + base;
  size_t n = 0;
  for (size_t k = 0; k < t.size(); ++k) {
    // A curly apostrophe reads as a straight one (its first byte, 0xE2, is
    // checked first: the full compare on every byte cost more than the rest
    // of the key).
    if (t[k] == '\xE2' && t.compare(k, 3, "\u2019") == 0) {
      out[n++] = '\'';
      k += 2;
    } else {
      out[n++] = AsciiLower(t[k]);
    }
  }
  key_.resize(base + n);
}

bool Scanner::ContextAt(size_t i, Context cls) {
  if (i >= Size() || tokens_[i].kind != TokenKind::kWord) return false;
  if (context_[i] == &kUnknownContext) context_[i] = WordIn(lex_.context, i);
  const Context* c = context_[i];
  if (!c || *c != cls) return false;
  return (cls != Context::kMonth && cls != Context::kWeekday) || tokens_[i].capital;
}

bool Scanner::AtSentenceStart(size_t i) const {
  for (size_t j = 0; j < i; ++j)
    if (tokens_[j].kind != TokenKind::kSymbol) return false;
  return true;
}

void Scanner::Scan(const text::Tokens& tokens, size_t sentence, std::vector<Quantity>& out) {
  SentenceTokens(tokens, sentence, tokens_);
  number_word_.assign(Size(), &kUnknownNumberWord);
  context_.assign(Size(), &kUnknownContext);
  sentence_out_begin_ = out.size();
  last_date_ = static_cast<size_t>(-1);
  for (size_t i = 0; i < Size(); ++i) {
    NumberReading n;
    if (ReadNumber(i, n)) i = std::max(i, Read(n, out));
  }
}

// A day of the month: beside a month name ("Feb. 5", "5 February"), or the
// end of a day range that began with one ("Jan 23 to 24").
bool Scanner::IsDate(const NumberReading& n) {
  if (!n.digits || n.share || n.value < 1 || n.value > 31 || n.value != std::floor(n.value))
    return false;
  if (n.first > 0) {
    size_t p = n.first - 1;
    if (IsSymbol(p, ".") && Glued(p) && p > 0) --p;
    if (ContextAt(p, Context::kMonth)) return true;
  }
  if (ContextAt(n.last + 1, Context::kMonth)) return true;
  if (Is(n.last + 1, "of") && ContextAt(n.last + 2, Context::kMonth)) return true;
  if (n.first >= 2 && last_date_ == n.first - 2) {
    const size_t link = n.first - 1;
    return Is(link, "to") || Is(link, "and") || Is(link, "through") || Is(link, "until") ||
           IsSymbol(link, "-") || IsSymbol(link, "\u2013");
  }
  return false;
}

// "No. 10", "Article 5", "flight 370", "#1", "Boeing 737", "Windows 11": a
// label word or a capitalised word (not the first of the sentence, not a month
// or weekday, not a possessive) right before the number makes it part of a name.
bool Scanner::IsNameOrLabel(size_t first) {
  if (first == 0) return false;
  size_t lf = 0;
  if (const Context* c = MatchBefore(lex_.context, first, lf); c && *c == Context::kLabel)
    return true;
  const size_t p = first - 1;
  if (IsSymbol(p, "#")) return true;
  if (!IsWord(p)) return false;
  // A capital after the first letter ("iPhone 11", "eBay 2", "macOS 14")
  // marks a brand or product name wherever it stands: no common word is
  // written so.
  if (!tokens_[p].capital) {
    const std::string_view w = Text(p);
    return std::any_of(w.begin() + 1, w.end(), IsAsciiUpper);
  }
  if (ContextAt(p, Context::kMonth) || ContextAt(p, Context::kWeekday)) return false;
  const std::string_view t = Text(p);
  if ((t.size() > 2 && t.substr(t.size() - 2) == "'s") ||
      (t.size() > 4 && t.substr(t.size() - 4) == "\u2019s"))
    return false;  // a possessive: "NATO's 32 members"
  // First in the sentence, a capital says nothing, so the word itself must:
  // "Windows 11 will..." is a name, "Another 20 people..." and "In 2024" are not.
  if (AtSentenceStart(p)) {
    const std::string_view key = Key(p, p);
    return !lex_.counted_stops.Find(key) && !lex_.hedges_before.Find(key) &&
           !lex_.context.Find(key) && !lex_.numbers.Find(key);
  }
  return true;
}

}  // namespace newsfuse::analyze::quantity
