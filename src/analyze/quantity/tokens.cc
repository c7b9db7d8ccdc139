#include "analyze/quantity/tokens.h"

namespace newsfuse::analyze::quantity {

void SentenceTokens(const text::Tokens& tokens, size_t sentence, std::vector<Token>& out) {
  out.clear();
  const uint32_t first = tokens.SentenceBegin(sentence);
  const uint32_t last = tokens.SentenceEnd(sentence);
  for (uint32_t i = first; i < last; ++i) {
    const text::Token& b = tokens[i];
    Token t;
    t.begin = b.begin;
    t.end = b.end;
    t.kind = b.IsWord() ? TokenKind::kWord : b.IsNumber() ? TokenKind::kNumber : TokenKind::kSymbol;
    t.glued = i > first && !b.Has(text::kSpaceBefore);
    t.capital = b.IsWord() && b.Has(text::kCapital);
    t.ascii = !b.Has(text::kNonAscii);
    out.push_back(t);
  }
}

}  // namespace newsfuse::analyze::quantity
