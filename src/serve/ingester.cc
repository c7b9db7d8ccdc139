#include "serve/ingester.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/strings.h"
#include "core/utf8.h"
#include "ingest/ingest.h"

namespace newsfuse::serve {
namespace {

using nlohmann::json;

// What the stored article's locator says: where it came from.
constexpr const char* kLocator = "POST /api/articles";
constexpr size_t kMaxUrlBytes = 2048;
constexpr size_t kMaxOutletBytes = 200;

struct MediaType {
  std::string type;     // lower case, no parameters
  std::string charset;  // lower case, unquoted; empty when not given
};

MediaType ParseMediaType(std::string_view header) {
  MediaType media;
  size_t semi = header.find(';');
  media.type = AsciiLower(Trim(header.substr(0, semi)));
  while (semi != std::string_view::npos) {
    const size_t next = header.find(';', semi + 1);
    std::string_view param = Trim(header.substr(semi + 1, next - semi - 1));
    const size_t eq = param.find('=');
    if (eq != std::string_view::npos && AsciiLower(Trim(param.substr(0, eq))) == "charset") {
      std::string_view value = Trim(param.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      media.charset = AsciiLower(value);
    }
    semi = next;
  }
  return media;
}

Reply Bad(std::string_view detail) { return ErrorReply(400, "bad_request", detail); }

// An absolute http(s) address with no spaces or control characters: what a
// page was fetched from, and part of the article's identity (PageId).
bool IsPageUrl(std::string_view url) {
  if (url.size() > kMaxUrlBytes) return false;
  const std::string lower = AsciiLower(url.substr(0, 8));
  const size_t scheme = lower.starts_with("https://") ? 8 : lower.starts_with("http://") ? 7 : 0;
  if (scheme == 0 || url.size() == scheme || url[scheme] == '/') return false;
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7f) return false;
  }
  return !FirstInvalidUtf8(url).has_value();
}

// Reads `stream` with the ingest library alone (nothing is stored): exactly
// one page, or why the body is not one.
Result<RawPage> ReadOnePage(const std::string& stream, PageFormat format) {
  std::istringstream in(stream);
  IngestOptions options;
  options.format = format;
  std::vector<RawPage> pages;
  std::vector<Status> errors;
  IngestStats stats;
  ReadStream(
      in, kLocator, options, [&](RawPage&& page) { pages.push_back(std::move(page)); },
      [&](const Status& s) { errors.push_back(s); }, &stats);
  if (!errors.empty()) return Status::Usage(errors.front().message());
  if (!stats.ignored_fields.empty()) {
    std::string names;
    for (const auto& [name, count] : stats.ignored_fields) {
      names += (names.empty() ? "\"" : ", \"") + name + "\"";
    }
    // A misspelt field ("publishd_at") would otherwise lose its value silently.
    return Status::Usage("unknown fields " + names +
                         " (an article has url, outlet, title, published (or published_at, "
                         "pubDate, date), author, and text or html)");
  }
  if (pages.size() != 1) return Status::Usage("the body holds no article");
  RawPage page = std::move(pages.front());
  page.locator = kLocator;
  return page;
}

Result<RawPage> JsonPage(std::string_view body) {
  json doc;
  try {
    doc = json::parse(body);
  } catch (const json::exception& e) {
    std::string what = e.what();
    const size_t tag_end = what.find("] ");
    if (tag_end != std::string::npos) what.erase(0, tag_end + 2);
    return Status::Usage("invalid JSON: " + what);
  }
  if (!doc.is_object()) {
    return Status::Usage(std::string("the body must be one JSON object (an article), not ") +
                         doc.type_name());
  }
  // One line, as the ingest library reads a JSON Lines record.
  return ReadOnePage(doc.dump(), PageFormat::kAuto);
}

Result<RawPage> HtmlPage(const PostRequest& request, const MediaType& media) {
  if (!request.url) {
    return Status::Usage("an HTML page needs the address it came from: ?url=https://...");
  }
  if (!IsPageUrl(*request.url)) {
    return Status::Usage("url must be an absolute http or https address of at most " +
                         std::to_string(kMaxUrlBytes) + " bytes, without spaces");
  }
  if (request.outlet &&
      (request.outlet->size() > kMaxOutletBytes || FirstInvalidUtf8(*request.outlet).has_value())) {
    return Status::Usage("outlet must be UTF-8 text of at most " + std::to_string(kMaxOutletBytes) +
                         " bytes");
  }
  auto page = ReadOnePage(std::string(request.body), PageFormat::kHtml);
  if (!page.ok()) return page;
  page->url = *request.url;
  if (request.outlet) page->hint_outlet = *request.outlet;
  // The charset the client declared wins over sniffing, as a WARC record's
  // HTTP header does.
  page->hint_charset = media.charset;
  return page;
}

}  // namespace

Ingester::~Ingester() = default;

Reply Ingester::Post(const PostRequest& request) {
  const MediaType media = ParseMediaType(request.content_type);
  Result<RawPage> page = Status::Usage("unset");
  if (media.type == "application/json") {
    if (!media.charset.empty() && media.charset != "utf-8") {
      ++refused_;
      return ErrorReply(415, "unsupported_media_type", "JSON is read as UTF-8 only");
    }
    page = JsonPage(request.body);
  } else if (media.type == "text/html") {
    page = HtmlPage(request, media);
  } else {
    ++refused_;
    return ErrorReply(415, "unsupported_media_type",
                      "Content-Type must be application/json (an article) or text/html (a page, "
                      "with ?url=), not '" +
                          std::string(request.content_type.substr(0, 100)) + "'");
  }
  if (!page.ok()) {
    ++refused_;
    return Bad(page.status().message());
  }
  return Ingest(std::move(page).value());
}

Status Ingester::OpenLocked() {
  if (store_) return Status::Ok();
  StoreOptions options;
  // A client waits this long for a CLI ingest holding the write lock, then
  // is told to come back, rather than holding its connection for minutes.
  options.write_wait_ms = 30 * 1000;
  auto store = OpenStoreAt(db_path_, options);
  if (!store.ok()) return store.status();
  store_ = std::move(store).value();
  pipeline_ = std::make_unique<Pipeline>(*store_);
  return Status::Ok();
}

Result<Ingester::PathOutcome> Ingester::IngestPath(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Status opened = OpenLocked(); !opened.ok()) return opened;
  PathOutcome outcome;
  IngestCallbacks callbacks;
  callbacks.on_error = [&](const Status& s) { outcome.errors.push_back(s); };
  auto summary = pipeline_->Ingest({path}, callbacks);
  if (!summary.ok()) return summary.status();
  outcome.summary = std::move(summary).value();
  return outcome;
}

Reply Ingester::Ingest(RawPage page) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (Status opened = OpenLocked(); !opened.ok()) {
    return ErrorReply(503, "unavailable", "store cannot be written: " + opened.ToString());
  }
  std::vector<Status> errors;
  IngestCallbacks callbacks;
  callbacks.on_error = [&](const Status& s) {
    if (!s.message().starts_with("warning: ")) errors.push_back(s);
  };
  auto summary = pipeline_->IngestFrom(
      [&](const PageCallback& on_page, const PageErrorCallback&, IngestStats*) {
        on_page(std::move(page));
        return Status::Ok();
      },
      callbacks);
  if (!summary.ok()) {
    Reply reply =
        ErrorReply(503, "unavailable", "store cannot be written: " + summary.status().ToString());
    reply.headers.emplace_back("Retry-After", "5");
    return reply;
  }
  if (summary->ingested + summary->duplicates != 1 || summary->article_ids.size() != 1) {
    ++refused_;
    return Bad(errors.empty() ? "the page holds no article" : errors.front().message());
  }
  const std::string& article_id = summary->article_ids.front();
  const bool duplicate = summary->duplicates == 1;
  auto story_id = store_->StoryOf(article_id);
  auto article = store_->GetArticle(article_id);
  if (!story_id.ok() || !article.ok()) {
    return StatusReply(!story_id.ok() ? story_id.status() : article.status());
  }
  auto story = store_->GetStory(*story_id);
  if (!story.ok()) return StatusReply(story.status());
  ++(duplicate ? duplicates_ : ingested_);

  auto copy = story->copy_of.find(article_id);
  Reply reply;
  reply.status = duplicate ? 200 : 201;
  reply.headers.emplace_back("Location", "/api/articles/" + article_id);
  reply.body =
      json{{"article",
            {{"id", article_id},
             {"title", article->title},
             {"outlet", article->outlet},
             {"published", article->published ? json(article->published->ToIso()) : json()},
             {"copy_of", copy != story->copy_of.end() ? json(copy->second) : json()}}},
           {"duplicate", duplicate},
           {"story",
            {{"id", story->id},
             {"articles", story->article_ids.size()},
             {"copies", story->copy_of.size()},
             {"new_story", !duplicate && story->article_ids.size() == 1}}}}
          .dump(-1, ' ', false, json::error_handler_t::replace) +
      "\n";
  return reply;
}

}  // namespace newsfuse::serve
