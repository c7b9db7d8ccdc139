#include "serve/api.h"

#include <nlohmann/json.hpp>
#include <optional>

#include "core/strings.h"
#include "core/utf8.h"
#include "pipeline/pipeline.h"
#include "render/render.h"
#include "serve/gzip.h"
#include "serve/highlights.h"
#include "serve/paging.h"
#include "serve/story_filter.h"

namespace newsfuse::serve {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;
constexpr size_t kMaxQueryBytes = 1000;
// GET /api/stories?q= keeps the stories of this many best article hits.
constexpr int kMaxStoryQueryHits = 1000;
// Changed stories one list read fuses again for their digests (DigestFor).
constexpr int kListRefreshes = 1;

// Page text may hold invalid UTF-8; replace it rather than throw.
std::string Dump(const json& doc) {
  return doc.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

Reply JsonReply(const json& doc) {
  Reply reply;
  reply.body = Dump(doc);
  reply.headers.emplace_back("Cache-Control", "no-cache");
  return reply;
}

json DateOrNull(const std::string& iso) { return iso.empty() ? json() : json(iso); }

// q as given (absent allowed unless `required`), refused when too long or not
// UTF-8 (percent-escapes can carry any bytes; the store holds UTF-8 only).
Result<std::optional<std::string>> CheckedQuery(const Params& params, bool required) {
  auto q = OneParam(params, "q");
  if (!q.ok()) return q;
  if (!*q) {
    if (required) return Status::Usage("q is required: the words to search for");
    return q;
  }
  if ((*q)->size() > kMaxQueryBytes) {
    return Status::Usage("q is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  if (FirstInvalidUtf8(**q)) return Status::Usage("q is not valid UTF-8");
  return q;
}

Result<StorePool::Lease> Acquire(ApiContext& api) { return api.pool.Acquire(); }

// A store that cannot be opened is the server's trouble, not the client's.
Reply Unavailable(const Status& status) {
  return ErrorReply(503, "unavailable", "store cannot be read: " + status.ToString());
}

// A connection that failed is not lent out again.
Reply Failed(StorePool::Lease& lease, const Status& status) {
  if (status.code() == Status::Code::kStoreError) lease.Discard();
  return StatusReply(status);
}

Reply BadId(std::string_view what) {
  return ErrorReply(400, "bad_request",
                    std::string(what) + " id must be 1 to 200 letters, digits, '.', '_' or '-'");
}

// What the served story page adds to the report: a link back to the list,
// the status region the live notice goes in, and its one script. The report
// stays a page of its own (the offline export, no script) and knows nothing
// of the server.
std::string WithPageChrome(std::string html) {
  const size_t head_end = html.find("</head>");
  if (head_end != std::string::npos) {
    html.insert(head_end, "<script src=\"/assets/story.js\" defer></script>");
  }
  const std::string body = "<body>";
  const size_t at = html.find(body);
  if (at != std::string::npos) {
    html.insert(at + body.size(),
                "<p><a href=\"/\">&larr; All stories</a></p>"
                "<p id=story-status role=status></p>");
  }
  return html;
}

// A Host header fit to be written into a header: a name or an address and a
// port, nothing else.
bool IsPlainHost(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}

// The digest of a listed story at the version its row was read at: from
// memory, else from its report (the cached JSON when a reader asked for it,
// else fused now and the JSON kept for the reader who opens it next).
//
// A story that changed since it was last fused shows its last digest instead
// when `*refreshes` is spent or another reader is fusing it: one list read
// fuses at most that many such stories, so a list read beside an ingest,
// which changes the newest stories all the time, no longer fuses all of
// them (see DigestMemo). A story never fused is fused whatever the budget.
Result<StoryDigest> DigestFor(ApiContext& api, StorePool::Lease& lease, const Story& story,
                              int* refreshes) {
  const std::string version = StoryVersion(story, api.salt);
  if (auto known = api.digests.Find(version)) return *known;
  const std::string key = version + " json";
  if (auto cached = api.cache.Find(key)) {
    auto report = ParseReportJson(*cached);
    if (report.ok()) {
      StoryDigest digest = DigestOf(*report);
      api.digests.Put(version, story.id, digest);
      return digest;
    }
  }
  auto last = api.digests.FindLatest(story.id);
  if (last && *refreshes <= 0) return *last;
  if (!api.digests.BeginFusing(story.id, /*wait=*/false)) {
    if (last) return *last;
    api.digests.BeginFusing(story.id, /*wait=*/true);
  }
  if (last) --*refreshes;
  struct Turn {
    DigestMemo& memo;
    const std::string& id;
    ~Turn() { memo.EndFusing(id); }
  } turn{api.digests, story.id};
  // The reader before may have fused this very version while this one waited.
  if (auto known = api.digests.Find(version)) return *known;
  Pipeline pipeline(*lease);
  auto report = pipeline.Report(story.id);
  if (!report.ok()) return report.status();
  StoryDigest digest = DigestOf(*report);
  // Kept by version only when the story did not change while it was fused.
  auto again = lease->GetStory(story.id);
  const bool versioned = again.ok() && StoryVersion(*again, api.salt) == version;
  api.digests.Put(versioned ? version : "", story.id, digest);
  if (versioned) api.cache.Put(key, std::make_shared<const std::string>(RenderJson(*report)));
  return digest;
}

// [{"text": "The "}, {"text": "Varnel", "match": true}, ...]
json PartsJson(const std::vector<TextPart>& parts) {
  json list = json::array();
  for (const TextPart& part : parts) {
    json item{{"text", part.text}};
    if (part.match) item["match"] = true;
    list.push_back(std::move(item));
  }
  return list;
}

json DigestJson(const StoryDigest& digest) {
  return json{{"first_day", digest.first_day.empty() ? json() : json(digest.first_day)},
              {"articles_per_day", digest.articles_per_day},
              {"undated_articles", digest.undated}};
}

}  // namespace

Result<std::optional<std::string>> OneParam(const Params& params, const std::string& name) {
  auto [first, last] = params.equal_range(name);
  if (first == last) return std::optional<std::string>();
  if (std::next(first) != last) return Status::Usage(name + " is given more than once");
  return std::optional<std::string>(first->second);
}

bool IsValidId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string StoryPageCsp(std::string_view host) {
  // A CSP source with a path names one URL exactly, but needs the host; the
  // browser asked for this page at `host`, so its script and stream are
  // there too. Without a usable Host, the server's own origin as a whole.
  const std::string origin = IsPlainHost(host) ? "http://" + std::string(host) : "";
  const std::string script = origin.empty() ? "'self'" : origin + "/assets/story.js";
  const std::string events = origin.empty() ? "'self'" : origin + "/api/events";
  return "default-src 'none'; script-src " + script + "; connect-src " + events +
         "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
}

bool IfNoneMatchHits(std::string_view header, std::string_view etag) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view tag = Trim(header.substr(pos, comma - pos));
    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x".
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    pos = comma + 1;
  }
  return false;
}

Reply ListStoriesReply(ApiContext& api, const Params& params) {
  auto limit_text = OneParam(params, "limit");
  if (!limit_text.ok()) return StatusReply(limit_text.status());
  auto limit = ParseLimit(*limit_text, "limit", kDefaultLimit, kMaxLimit);
  if (!limit.ok()) return StatusReply(limit.status());
  auto cursor_text = OneParam(params, "cursor");
  if (!cursor_text.ok()) return StatusReply(cursor_text.status());
  std::optional<StoryKey> after;
  if (*cursor_text) {
    auto key = DecodeCursor(**cursor_text);
    if (!key.ok()) return StatusReply(key.status());
    after = std::move(key).value();
  }
  auto filter = ParseStoryFilter(params);
  if (!filter.ok()) return StatusReply(filter.status());
  auto q = CheckedQuery(params, /*required=*/false);
  if (!q.ok()) return StatusReply(q.status());
  auto lease = Acquire(api);
  if (!lease.ok()) return Unavailable(lease.status());
  if (*q) {
    auto fts = api.plain_words_to_fts(**q);
    if (!fts.ok()) return StatusReply(fts.status());
    auto hits = (*lease)->Search(*fts, kMaxStoryQueryHits);
    if (!hits.ok()) return Failed(*lease, hits.status());
    filter->story_ids.emplace();
    for (const SearchHit& hit : *hits) {
      if (!hit.story_id.empty()) filter->story_ids->insert(hit.story_id);
    }
  }
  auto all = lease->ListStories();
  if (!all.ok()) return Failed(*lease, all.status());
  const size_t total = (*all)->size();
  std::vector<const StoryRow*> rows;
  for (const StoryRow& row : **all) {
    if (Keeps(*filter, row)) rows.push_back(&row);
  }
  const StoryPage page = PageOfStories(rows, after, *limit);
  json list = json::array();
  int refreshes = kListRefreshes;
  for (const StoryRow* row : page.rows) {
    auto digest = DigestFor(api, *lease, row->story, &refreshes);
    if (!digest.ok()) return Failed(*lease, digest.status());
    list.push_back(json{{"id", row->story.id},
                        {"headline", row->headline},
                        {"articles", row->story.article_ids.size()},
                        {"copies", row->story.copy_of.size()},
                        {"first_seen", DateOrNull(row->first_seen)},
                        {"last_seen", DateOrNull(row->last_seen)},
                        {"outlets", row->outlets},
                        {"coverage", DigestJson(*digest)},
                        {"conflicts", digest->conflicts},
                        {"disputed", digest->conflicts > 0}});
  }
  return JsonReply(json{{"total_stories", total},
                        {"matching_stories", rows.size()},
                        {"stories", std::move(list)},
                        {"next_cursor", page.next_cursor ? json(*page.next_cursor) : json()}});
}

// The story's ETag: from memory when the store's version number of the story
// is the one it was worked out at, else from its members (one read of them).
Result<std::string> CurrentEtag(ApiContext& api, StorePool::Lease& lease, const std::string& id) {
  auto number = lease->StoryVersion(id);
  if (number.ok()) {
    if (auto known = api.etags.Find(id, *number)) return *known;
  } else if (number.status().code() != Status::Code::kNotFound) {
    return number.status();
  }
  auto story = lease->GetStory(id);
  if (!story.ok()) return story.status();
  std::string etag = StoryVersion(*story, api.salt);
  // Kept only when no commit came between the two reads: then the number
  // and the members read belong to the same version.
  if (number.ok()) {
    auto again = lease->StoryVersion(id);
    if (again.ok() && *again == *number) api.etags.Put(id, *number, etag);
  }
  return etag;
}

Reply StoryReply(ApiContext& api, const std::string& id, std::string_view if_none_match,
                 StoryFormat format, std::string_view accept_encoding) {
  if (!IsValidId(id)) return BadId("story");
  auto lease = Acquire(api);
  if (!lease.ok()) return Unavailable(lease.status());
  auto tag = CurrentEtag(api, *lease, id);
  if (!tag.ok()) return Failed(*lease, tag.status());
  const std::string& etag = *tag;
  Reply reply;
  reply.content_type =
      format == StoryFormat::kJson ? "application/json" : "text/html; charset=utf-8";
  // Readers revalidate every time: a live story changes under them.
  reply.headers.emplace_back("Cache-Control", "no-cache");
  // The body differs by Accept-Encoding, so a cache must key on it.
  reply.headers.emplace_back("Vary", "Accept-Encoding");
  if (!if_none_match.empty() && IfNoneMatchHits(if_none_match, etag)) {
    reply.status = 304;
    reply.headers.emplace_back("ETag", etag);
    return reply;
  }
  const std::string key = etag + (format == StoryFormat::kJson ? " json" : " html");
  const bool gzip = AcceptsGzip(accept_encoding);
  if (gzip) {
    if (auto coded = api.cache.Find(key + " gzip")) {
      reply.headers.emplace_back("ETag", etag);
      reply.headers.emplace_back("Content-Encoding", "gzip");
      reply.shared_body = std::move(coded);
      return reply;
    }
  }
  std::shared_ptr<const std::string> body = api.cache.Find(key);
  bool versioned = true;
  if (!body) {
    Pipeline pipeline(**lease);
    auto report = pipeline.Report(id);
    if (!report.ok()) return Failed(*lease, report.status());
    body = std::make_shared<const std::string>(
        format == StoryFormat::kJson ? RenderJson(*report) : WithPageChrome(RenderHtml(*report)));
    // An ingest may have changed the story between the two reads: then the
    // report is of no version we can name, so it is neither tagged nor kept.
    auto again = (*lease)->GetStory(id);
    versioned = again.ok() && StoryVersion(*again, api.salt) == etag;
    if (versioned) api.cache.Put(key, body);
  }
  if (versioned) reply.headers.emplace_back("ETag", etag);
  if (gzip && versioned) {
    // Compressed once per version; the next gzip reader takes it from above.
    if (auto coded = Gzip(*body)) {
      api.cache.Put(key + " gzip", coded);
      reply.headers.emplace_back("Content-Encoding", "gzip");
      reply.shared_body = std::move(coded);
      return reply;
    }
  }
  reply.shared_body = std::move(body);
  return reply;
}

Reply ArticleReply(ApiContext& api, const std::string& id) {
  if (!IsValidId(id)) return BadId("article");
  auto lease = Acquire(api);
  if (!lease.ok()) return Unavailable(lease.status());
  auto article = (*lease)->GetArticle(id);
  if (!article.ok()) return Failed(*lease, article.status());
  auto story = (*lease)->StoryOf(id);
  if (!story.ok() && story.status().code() != Status::Code::kNotFound) {
    return Failed(*lease, story.status());
  }
  json doc = json::parse(RenderArticleJson(*article));
  doc["story_id"] = story.ok() ? json(*story) : json();
  return JsonReply(doc);
}

Reply SearchReply(ApiContext& api, const Params& params) {
  auto q = CheckedQuery(params, /*required=*/true);
  if (!q.ok()) return StatusReply(q.status());
  auto limit_text = OneParam(params, "limit");
  if (!limit_text.ok()) return StatusReply(limit_text.status());
  auto limit = ParseLimit(*limit_text, "limit", kDefaultLimit, kMaxLimit);
  if (!limit.ok()) return StatusReply(limit.status());
  auto fts = api.plain_words_to_fts(**q);
  if (!fts.ok()) return StatusReply(fts.status());
  auto lease = Acquire(api);
  if (!lease.ok()) return Unavailable(lease.status());
  auto hits = (*lease)->Search(*fts, *limit);
  if (!hits.ok()) return Failed(*lease, hits.status());
  json list = json::array();
  for (const SearchHit& hit : *hits) {
    const std::vector<TextPart> snippet = SnippetParts(hit.snippet);
    list.push_back(json{{"article_id", hit.article_id},
                        {"story_id", hit.story_id.empty() ? json() : json(hit.story_id)},
                        {"title", hit.title},
                        {"outlet", hit.outlet},
                        {"snippet", hit.snippet},
                        {"title_parts", PartsJson(TitleParts(hit.title, snippet))},
                        {"snippet_parts", PartsJson(snippet)},
                        {"score", hit.score}});
  }
  return JsonReply(json{{"query", **q}, {"hits", std::move(list)}});
}

Reply HealthReply(ApiContext& api) {
  auto lease = Acquire(api);
  if (!lease.ok()) return Unavailable(lease.status());
  auto articles = (*lease)->CountArticles();
  if (!articles.ok()) {
    lease->Discard();
    return Unavailable(articles.status());
  }
  return JsonReply(json{{"status", "ok"}, {"articles", *articles}});
}

}  // namespace newsfuse::serve
