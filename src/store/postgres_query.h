// The search syntax of Store::Search (FTS5's: words, "phrases", AND, OR, NOT,
// parentheses, prefix*) read into a PostgreSQL tsquery expression, private
// to the store. Pure text work, no libpq: the grammar is tested without a
// server.
//
// The expression is built from phraseto_tsquery() calls on bound parameters
// rather than from a tsquery string, so that the server tokenizes and stems
// each term exactly as it tokenized the indexed text, and no user text is
// ever spliced into SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsfuse::store_internal {

struct TsQueryExpression {
  std::string sql;                  // a tsquery-valued SQL expression over $first..
  std::vector<std::string> params;  // the values of $first, $first + 1, ...
};

// Accepts what FTS5 accepts of this syntax and refuses the rest as FTS5
// does (kUsage naming the query): an unterminated "phrase", an operator
// without an operand, unbalanced parentheses, a character outside a word
// and outside quotes (the hyphen of al-Sharaa). Column filters, ^ and NEAR
// are refused too: SQLite's alone. Terms are read as the index reads text
// (search_text.h SearchWords).
// `config` names the text search configuration; `first_param` is the number
// of the first $ parameter the expression may use.
Result<TsQueryExpression> TranslateSearchQuery(std::string_view query, std::string_view config,
                                               int first_param);

}  // namespace newsfuse::store_internal
