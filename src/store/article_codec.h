// How an Article maps onto a row of the `articles` table, private to the store.
//
// List and map fields are JSON text: SQLite has no array type, and JSON keeps
// any string exact (a separator character could occur inside a paragraph).
// Dates are ISO 8601 at their stated precision, readable by sqlite3 users.
// The field_sources column also carries canonical_url (a versioned JSON
// object; rows written before it still read: article_codec.cc).
#pragma once

#include <sqlite3.h>

#include <array>
#include <optional>
#include <string>

#include "core/records.h"
#include "core/status.h"

namespace newsfuse::store_internal {

// The column list every Article-decoding SELECT uses, in DecodeArticle's order.
#define NEWSFUSE_ARTICLE_COLUMNS                                                       \
  "id, locator, url, outlet, title, authors, published, updated, dateline, language, " \
  "paragraphs, field_sources"

// The derived text of one article. Statements bind these buffers without
// copying, so an EncodedArticle must outlive the step that writes it.
struct EncodedArticle {
  std::string authors;
  std::string paragraphs;
  std::string field_sources;
  std::string body;  // Article::Body(), what the full-text index sees
  std::optional<std::string> published;
  std::optional<std::string> updated;
};

// kBadInput (with the article's locator) when a field is not valid UTF-8: JSON
// cannot carry it, and replacing bytes would break the exact round trip.
Result<EncodedArticle> EncodeArticle(const Article& article);

// Binds ?1..?12 of an INSERT in NEWSFUSE_ARTICLE_COLUMNS order.
int BindArticle(sqlite3_stmt* stmt, const Article& article, const EncodedArticle& encoded);

// Reads the current row of a NEWSFUSE_ARTICLE_COLUMNS select. An error here
// means the row was not written by this code: the message says which field.
Result<Article> DecodeArticle(sqlite3_stmt* stmt);

// One NEWSFUSE_ARTICLE_COLUMNS row as text (nullopt for NULL), however the
// database delivered it: the decoding both stores share.
using ArticleColumns = std::array<std::optional<std::string>, 12>;
Result<Article> DecodeArticleColumns(ArticleColumns columns);

}  // namespace newsfuse::store_internal
