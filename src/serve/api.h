// The JSON API of `newsfuse serve` (docs/api.md), one function per endpoint.
// They take a request's decoded parts and give a Reply; server.cc maps HTTP
// onto them. None throws for anything a client sends.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "serve/reply.h"
#include "serve/report_cache.h"
#include "serve/store_pool.h"
#include "serve/story_digest.h"

namespace newsfuse::serve {

struct ApiContext {
  StorePool& pool;
  ReportCache& cache;
  EtagMemo& etags;
  DigestMemo& digests;
  std::string salt;  // see StoryVersion
  std::function<Result<std::string>(std::string_view)> plain_words_to_fts;
};

// Decoded query parameters (a name may repeat).
using Params = std::multimap<std::string, std::string>;

// One value of `name`: absent, or kUsage when given twice (which one was
// meant cannot be known).
Result<std::optional<std::string>> OneParam(const Params& params, const std::string& name);

// Story and article ids as the store makes them: 1 to 200 of [A-Za-z0-9._-].
// Anything else is answered 400 before the store is asked.
bool IsValidId(std::string_view id);

// The served story page's Content-Security-Policy for a page asked for at
// `host` (the Host header): inline CSS and SVG, exactly one script
// (/assets/story.js) and one connection (/api/events).
std::string StoryPageCsp(std::string_view host);

// True when an If-None-Match header value ("*", or a list of entity tags,
// weak or strong) names `etag`.
bool IfNoneMatchHits(std::string_view header, std::string_view etag);

Reply ListStoriesReply(ApiContext& api, const Params& params);

enum class StoryFormat { kJson, kHtml };
// The report as `newsfuse story ID --format json|html` prints it, with an
// ETag of the story's version; 304 with no body when `if_none_match` names it.
// The body is the cached bytes themselves (Reply::shared_body), gzip-coded
// when `accept_encoding` takes gzip.
Reply StoryReply(ApiContext& api, const std::string& id, std::string_view if_none_match,
                 StoryFormat format, std::string_view accept_encoding = {});

Reply ArticleReply(ApiContext& api, const std::string& id);
Reply SearchReply(ApiContext& api, const Params& params);
Reply HealthReply(ApiContext& api);

}  // namespace newsfuse::serve
