#include "store/postgres_query.h"

#include <cctype>
#include <optional>
#include <utility>

#include "store/search_text.h"

namespace newsfuse::store_internal {
namespace {

enum class Token { kWord, kPhrase, kAnd, kOr, kNot, kOpen, kClose, kStar, kEnd };

struct Lexeme {
  Token token = Token::kEnd;
  std::string text;  // the word, or the phrase without its quotes
};

// FTS5's bareword characters (sqlite3Fts5IsBareword): what needs no quotes.
bool IsBareword(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0 || c == '_' || c == '\x1a';
}

class Parser {
 public:
  Parser(std::string_view query, std::string_view config, int first_param)
      : query_(query), config_(config), next_param_(first_param) {}

  Result<TsQueryExpression> Parse() {
    if (Status s = Advance(); !s.ok()) return s;
    auto expr = Or();
    if (!expr.ok()) return expr.status();
    if (current_.token != Token::kEnd) return Error(NearCurrent());
    return TsQueryExpression{std::move(expr).value(), std::move(params_)};
  }

 private:
  Status Error(const std::string& why) const {
    return Status::Usage("search query '" + std::string(query_) + "' is not valid: " + why +
                         " (put phrases and hyphenated words in double quotes)");
  }
  std::string NearCurrent() const {
    if (current_.token == Token::kEnd) return "unexpected end of query";
    return "syntax error near \"" + current_text_ + "\"";
  }

  Status Advance() {
    while (pos_ < query_.size() && std::isspace(static_cast<unsigned char>(query_[pos_])) != 0) {
      ++pos_;
    }
    current_ = Lexeme{};
    if (pos_ >= query_.size()) {
      current_text_.clear();
      return Status::Ok();
    }
    const size_t start = pos_;
    const char c = query_[pos_];
    if (c == '(' || c == ')' || c == '*') {
      current_.token = c == '(' ? Token::kOpen : c == ')' ? Token::kClose : Token::kStar;
      ++pos_;
    } else if (c == '"') {
      current_.token = Token::kPhrase;
      for (++pos_;; ++pos_) {
        if (pos_ >= query_.size()) return Error("unterminated string");
        if (query_[pos_] != '"') {
          current_.text += query_[pos_];
        } else if (pos_ + 1 < query_.size() && query_[pos_ + 1] == '"') {
          current_.text += '"';  // "" inside quotes is a quote
          ++pos_;
        } else {
          ++pos_;
          break;
        }
      }
    } else if (IsBareword(c)) {
      while (pos_ < query_.size() && IsBareword(query_[pos_])) ++pos_;
      current_.text = std::string(query_.substr(start, pos_ - start));
      current_.token = current_.text == "AND"   ? Token::kAnd
                       : current_.text == "OR"  ? Token::kOr
                       : current_.text == "NOT" ? Token::kNot
                                                : Token::kWord;
      if (current_.text == "NEAR" && Peek() == '(') {
        current_text_ = "NEAR";
        return Error("NEAR groups are not supported by the PostgreSQL store");
      }
    } else {
      current_text_ = std::string(1, c);
      return Error("syntax error near \"" + current_text_ + "\"");
    }
    current_text_ = std::string(query_.substr(start, pos_ - start));
    return Status::Ok();
  }

  char Peek() const {
    size_t p = pos_;
    while (p < query_.size() && std::isspace(static_cast<unsigned char>(query_[p])) != 0) ++p;
    return p < query_.size() ? query_[p] : '\0';
  }

  bool StartsOperand() const {
    return current_.token == Token::kWord || current_.token == Token::kPhrase ||
           current_.token == Token::kOpen;
  }

  std::string Param(std::string value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(next_param_++);
  }
  std::string Config() const { return "'" + std::string(config_) + "'"; }

  // One term: every token must appear, in order; a trailing * makes the
  // last one a prefix.
  std::string Term(const std::string& text, bool prefix) {
    std::string folded = SearchWords(text);
    if (!prefix) return "phraseto_tsquery(" + Config() + ", " + Param(folded) + ")";
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    if (folded.find_first_not_of(' ') == std::string::npos) {
      return "phraseto_tsquery(" + Config() + ", " + Param(folded) + ")";  // no word: no match
    }
    size_t cut = folded.find_last_of(' ');
    std::string last = cut == std::string::npos ? folded : folded.substr(cut + 1);
    // SearchWords leaves letters and numbers only: nothing to escape.
    std::string quoted = "'" + last + "':*";
    if (cut == std::string::npos) return "to_tsquery(" + Config() + ", " + Param(quoted) + ")";
    std::string head = "phraseto_tsquery(" + Config() + ", " + Param(folded.substr(0, cut)) + ")";
    return "(" + head + " <-> to_tsquery(" + Config() + ", " + Param(quoted) + "))";
  }

  Result<std::string> Primary() {
    if (current_.token == Token::kOpen) {
      if (Status s = Advance(); !s.ok()) return s;
      auto inner = Or();
      if (!inner.ok()) return inner;
      if (current_.token != Token::kClose) return Error(NearCurrent());
      if (Status s = Advance(); !s.ok()) return s;
      return "(" + *inner + ")";
    }
    if (current_.token != Token::kWord && current_.token != Token::kPhrase) {
      return Error(NearCurrent());
    }
    std::string text = std::move(current_.text);
    if (Status s = Advance(); !s.ok()) return s;
    bool prefix = false;
    if (current_.token == Token::kStar) {
      prefix = true;
      if (Status s = Advance(); !s.ok()) return s;
    }
    return Term(text, prefix);
  }

  // NOT binds tightest, then AND (written or implied by juxtaposition),
  // then OR: FTS5's precedence.
  Result<std::string> Not() {
    auto left = Primary();
    if (!left.ok()) return left;
    std::string expr = std::move(left).value();
    while (current_.token == Token::kNot) {
      if (Status s = Advance(); !s.ok()) return s;
      auto right = Primary();
      if (!right.ok()) return right;
      expr = "(" + expr + " && (!!" + *right + "))";
    }
    return expr;
  }

  Result<std::string> And() {
    auto left = Not();
    if (!left.ok()) return left;
    std::string expr = std::move(left).value();
    while (current_.token == Token::kAnd || StartsOperand()) {
      if (current_.token == Token::kAnd) {
        if (Status s = Advance(); !s.ok()) return s;
      }
      auto right = Not();
      if (!right.ok()) return right;
      expr = "(" + expr + " && " + *right + ")";
    }
    return expr;
  }

  Result<std::string> Or() {
    auto left = And();
    if (!left.ok()) return left;
    std::string expr = std::move(left).value();
    while (current_.token == Token::kOr) {
      if (Status s = Advance(); !s.ok()) return s;
      auto right = And();
      if (!right.ok()) return right;
      expr = "(" + expr + " || " + *right + ")";
    }
    return expr;
  }

  std::string_view query_;
  std::string_view config_;
  int next_param_;
  size_t pos_ = 0;
  Lexeme current_;
  std::string current_text_;
  std::vector<std::string> params_;
};

}  // namespace

Result<TsQueryExpression> TranslateSearchQuery(std::string_view query, std::string_view config,
                                               int first_param) {
  return Parser(query, config, first_param).Parse();
}

}  // namespace newsfuse::store_internal
