// Fuzzes the stored-article codec (src/store/article_codec.*), both ways.
//   Decode: the input, split at NUL bytes, fills the twelve columns of a row
//     (a leading 'N' makes a column SQL NULL, 'B' a blob), as a damaged or
//     foreign database could hold them; DecodeArticle must return an Article
//     or an error, and an Article it returns must encode again.
//   Encode: the same fields as an Article; when EncodeArticle accepts it, the
//     row written must decode to the same Article (the exact round trip the
//     store promises).
// The row lives in an in-memory SQLite table made once per process.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input.h"
#include "store/article_codec.h"

namespace {

using newsfuse::Article;
using newsfuse::fuzz::Check;
namespace si = newsfuse::store_internal;

constexpr int kColumns = 12;

struct Table {
  sqlite3* db = nullptr;
  sqlite3_stmt* insert = nullptr;
  sqlite3_stmt* select = nullptr;
  sqlite3_stmt* clear = nullptr;
  Table() {
    Check(sqlite3_open(":memory:", &db) == SQLITE_OK, "sqlite open");
    Check(sqlite3_exec(db,
                       "CREATE TABLE articles(id, locator, url, outlet, title, authors, "
                       "published, updated, dateline, language, paragraphs, field_sources)",
                       nullptr, nullptr, nullptr) == SQLITE_OK,
          "create table");
    sqlite3_prepare_v2(db,
                       "INSERT INTO articles(" NEWSFUSE_ARTICLE_COLUMNS
                       ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
                       -1, &insert, nullptr);
    sqlite3_prepare_v2(db, "SELECT " NEWSFUSE_ARTICLE_COLUMNS " FROM articles", -1, &select,
                       nullptr);
    sqlite3_prepare_v2(db, "DELETE FROM articles", -1, &clear, nullptr);
    Check(insert && select && clear, "prepare");
  }
  static void Run(sqlite3_stmt* stmt) {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
  // Inserts with `bind` and decodes the one row back.
  template <typename Bind>
  newsfuse::Result<Article> RoundTrip(Bind bind) {
    Run(clear);
    bind(insert);
    Check(sqlite3_step(insert) == SQLITE_DONE, "insert");
    sqlite3_reset(insert);
    sqlite3_clear_bindings(insert);
    Check(sqlite3_step(select) == SQLITE_ROW, "select");
    auto article = si::DecodeArticle(select);
    sqlite3_reset(select);
    return article;
  }
};

std::vector<std::string> Fields(std::string_view bytes) {
  std::vector<std::string> out;
  size_t start = 0;
  while (out.size() < kColumns) {
    size_t end = bytes.find('\0', start);
    if (end == std::string_view::npos) end = bytes.size();
    out.emplace_back(start <= bytes.size() ? bytes.substr(start, end - start) : "");
    start = end + 1;
  }
  return out;
}

bool SameArticle(const Article& a, const Article& b) {
  return a.id == b.id && a.locator == b.locator && a.url == b.url && a.outlet == b.outlet &&
         a.title == b.title && a.authors == b.authors && a.published == b.published &&
         a.updated == b.updated && a.dateline == b.dateline && a.language == b.language &&
         a.paragraphs == b.paragraphs && a.field_sources == b.field_sources;
}

void EncodeDecode(Table& table, const Article& article) {
  auto encoded = si::EncodeArticle(article);
  if (!encoded.ok()) return;
  auto back =
      table.RoundTrip([&](sqlite3_stmt* stmt) { si::BindArticle(stmt, article, *encoded); });
  Check(back.ok(), "a row EncodeArticle wrote does not decode");
  Check(SameArticle(article, *back), "article codec does not round-trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Table table;
  if (size == 0) return 0;
  const bool decode_first = data[0] & 1;
  const std::vector<std::string> fields = Fields(newsfuse::fuzz::AsText(data + 1, size - 1));
  if (decode_first) {
    auto article = table.RoundTrip([&](sqlite3_stmt* stmt) {
      for (int i = 0; i < kColumns; ++i) {
        const std::string& f = fields[i];
        if (!f.empty() && f[0] == 'N') {
          sqlite3_bind_null(stmt, i + 1);
        } else if (!f.empty() && f[0] == 'B') {
          sqlite3_bind_blob(stmt, i + 1, f.data() + 1, static_cast<int>(f.size() - 1),
                            SQLITE_TRANSIENT);
        } else {
          sqlite3_bind_text(stmt, i + 1, f.data(), static_cast<int>(f.size()), SQLITE_TRANSIENT);
        }
      }
    });
    if (article.ok()) EncodeDecode(table, *article);
    return 0;
  }
  Article article;
  article.id = fields[0];
  article.locator = fields[1];
  article.url = fields[2];
  article.outlet = fields[3];
  article.title = fields[4];
  article.dateline = fields[5];
  article.language = fields[6];
  article.authors = newsfuse::fuzz::Paragraphs(fields[7]);
  article.paragraphs = newsfuse::fuzz::Paragraphs(fields[8]);
  article.field_sources[fields[9]] = fields[10];
  article.published = newsfuse::DateTime::ParseIso(fields[11]);
  EncodeDecode(table, article);
  return 0;
}
