#include "store/article_codec.h"

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "store/sqlite_db.h"

namespace newsfuse::store_internal {
namespace {

using nlohmann::json;

enum Column {
  kId,
  kLocator,
  kUrl,
  kOutlet,
  kTitle,
  kAuthors,
  kPublished,
  kUpdated,
  kDateline,
  kLanguage,
  kParagraphs,
  kFieldSources,
};

std::optional<std::string> IsoOrNull(const std::optional<DateTime>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

// dump() throws on invalid UTF-8 (strict handler), which is what we want.
Result<std::string> ToJson(const json& value, const Article& article, const char* field) {
  try {
    return value.dump();
  } catch (const json::exception&) {
    return Status::BadInput(article.locator, "article " + article.id + ": " + field +
                                                 " is not valid UTF-8; the store keeps text only");
  }
}

Status Corrupt(const std::string& id, const char* field, const std::string& why) {
  return Status::StoreError("article " + id + ": stored " + field + " is unreadable (" + why +
                            "); the database may be damaged");
}

template <typename T>
Status ParseJson(const std::optional<std::string>& text, const std::string& id, const char* field,
                 T& out) {
  try {
    out = json::parse(text.value_or("")).get<T>();
    return Status::Ok();
  } catch (const json::exception& e) {
    return Corrupt(id, field, e.what());
  }
}

Status ParseDate(const std::optional<std::string>& text, const std::string& id, const char* field,
                 std::optional<DateTime>& out) {
  if (!text) return Status::Ok();
  out = DateTime::ParseIso(*text);
  return out ? Status::Ok() : Corrupt(id, field, "\"" + *text + "\" is not ISO 8601");
}

// The field_sources column, version 2: {"v": 2, "field_sources": {...},
// "canonical_url": "..."}. Version 1 rows (before canonical_url) hold the
// sources map itself; every value there is a string, so a numeric "v" tells
// the two apart. The column carries the new field so that neither schema
// needs a migration for it.
constexpr int kSourcesVersion = 2;

json SourcesColumn(const Article& article) {
  return {{"v", kSourcesVersion},
          {"field_sources", article.field_sources},
          {"canonical_url", article.canonical_url}};
}

Status ParseSourcesColumn(const std::optional<std::string>& text, Article& a) {
  try {
    const json column = json::parse(text.value_or(""));
    if (!column.is_object() || !column.contains("v") || !column["v"].is_number()) {
      a.field_sources = column.get<std::map<std::string, std::string>>();  // version 1
      return Status::Ok();
    }
    if (column["v"] != kSourcesVersion)
      return Corrupt(a.id, "field_sources", "version " + column["v"].dump() + " is newer");
    a.field_sources = column.at("field_sources").get<std::map<std::string, std::string>>();
    a.canonical_url = column.at("canonical_url").get<std::string>();
    return Status::Ok();
  } catch (const json::exception& e) {
    return Corrupt(a.id, "field_sources", e.what());
  }
}

}  // namespace

Result<EncodedArticle> EncodeArticle(const Article& article) {
  EncodedArticle encoded;
  auto authors = ToJson(article.authors, article, "an author");
  if (!authors.ok()) return authors.status();
  auto paragraphs = ToJson(article.paragraphs, article, "a paragraph");
  if (!paragraphs.ok()) return paragraphs.status();
  auto sources = ToJson(SourcesColumn(article), article, "a field source");
  if (!sources.ok()) return sources.status();
  encoded.authors = std::move(authors).value();
  encoded.paragraphs = std::move(paragraphs).value();
  encoded.field_sources = std::move(sources).value();
  encoded.body = article.Body();
  encoded.published = IsoOrNull(article.published);
  encoded.updated = IsoOrNull(article.updated);
  return encoded;
}

int BindArticle(sqlite3_stmt* stmt, const Article& article, const EncodedArticle& encoded) {
  // Parameters are 1-based; columns 0-based. OR-ing return codes keeps this
  // flat: any failure leaves a non-OK value (all SQLite errors are non-zero).
  int rc = SQLITE_OK;
  rc |= BindText(stmt, kId + 1, article.id);
  rc |= BindText(stmt, kLocator + 1, article.locator);
  rc |= BindText(stmt, kUrl + 1, article.url);
  rc |= BindText(stmt, kOutlet + 1, article.outlet);
  rc |= BindText(stmt, kTitle + 1, article.title);
  rc |= BindText(stmt, kAuthors + 1, encoded.authors);
  rc |= BindOptionalText(stmt, kPublished + 1, encoded.published);
  rc |= BindOptionalText(stmt, kUpdated + 1, encoded.updated);
  rc |= BindText(stmt, kDateline + 1, article.dateline);
  rc |= BindText(stmt, kLanguage + 1, article.language);
  rc |= BindText(stmt, kParagraphs + 1, encoded.paragraphs);
  rc |= BindText(stmt, kFieldSources + 1, encoded.field_sources);
  return rc == SQLITE_OK ? SQLITE_OK : SQLITE_ERROR;
}

Result<Article> DecodeArticle(sqlite3_stmt* stmt) {
  ArticleColumns columns;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!ColumnIsNull(stmt, static_cast<int>(i)))
      columns[i] = ColumnText(stmt, static_cast<int>(i));
  }
  return DecodeArticleColumns(std::move(columns));
}

Result<Article> DecodeArticleColumns(ArticleColumns columns) {
  Article a;
  auto text = [&](Column c) { return std::move(columns[c]).value_or(""); };
  a.id = text(kId);
  a.locator = text(kLocator);
  a.url = text(kUrl);
  a.outlet = text(kOutlet);
  a.title = text(kTitle);
  a.dateline = text(kDateline);
  a.language = text(kLanguage);
  for (Status s : {ParseJson(columns[kAuthors], a.id, "authors", a.authors),
                   ParseJson(columns[kParagraphs], a.id, "paragraphs", a.paragraphs),
                   ParseSourcesColumn(columns[kFieldSources], a),
                   ParseDate(columns[kPublished], a.id, "published", a.published),
                   ParseDate(columns[kUpdated], a.id, "updated", a.updated)}) {
    if (!s.ok()) return s;
  }
  return a;
}

}  // namespace newsfuse::store_internal
