#include "fuse/sources.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/strings.h"

namespace newsfuse::fuse {
namespace {

// Points each copy at its original's citation key. The sources are sorted by
// date first, so the keys are only known once all are numbered.
void MarkCopies(const Story& story, std::vector<ReportSource>& sources) {
  if (story.copy_of.empty()) return;
  std::unordered_map<std::string_view, std::string_view> key_of;
  for (const auto& s : sources) key_of.emplace(s.article_id, s.id);
  for (auto& s : sources) {
    auto copy = story.copy_of.find(s.article_id);
    if (copy == story.copy_of.end()) continue;
    if (auto original = key_of.find(copy->second); original != key_of.end()) {
      s.copy_of = std::string(original->second);
    }
  }
}

struct UrlParts {
  std::string_view host, path, query;
};

UrlParts SplitUrl(std::string_view url) {
  UrlParts u;
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return u;
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find('#'));
  const size_t path = url.find_first_of("/?");
  u.host = url.substr(0, path);
  if (path == std::string_view::npos) return u;
  const std::string_view rest = url.substr(path);
  const size_t query = rest.find('?');
  u.path = rest.substr(0, query);
  if (query != std::string_view::npos) u.query = rest.substr(query + 1);
  return u;
}

// A feed's redirect or an AMP cache: a way to a page on another site.
bool IsFeedOrCacheLink(const UrlParts& u) {
  for (std::string_view p : {"feeds.", "feedproxy.", "feed.", "rss."})
    if (u.host.starts_with(p)) return true;
  return u.path.find("/~r/") != std::string_view::npos || u.host == "news.google.com" ||
         u.host.ends_with(".cdn.ampproject.org");
}

// The site's own page reached indirectly: campaign or click-tracking
// parameters, or the AMP version.
bool IsTrackingOrAmpLink(const UrlParts& u) {
  std::string_view q = u.query;
  while (!q.empty()) {
    const std::string_view param = q.substr(0, q.find('&'));
    const std::string_view key = param.substr(0, param.find('='));
    for (std::string_view k : {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid",
                               "cmpid", "smid", "amp", "outputType"})
      if (key == k) return true;
    if (key.starts_with("utm_")) return true;
    q = q.size() > param.size() ? q.substr(param.size() + 1) : std::string_view();
  }
  return u.host.starts_with("amp.") || u.path.find("/amp/") != std::string_view::npos ||
         u.path.ends_with("/amp") || u.path.ends_with(".amp") || u.path.ends_with(".amp.html");
}

// The host without the labels a site puts before its own name for a
// version of itself ("www.", "amp.", "m.").
std::string_view SiteHost(std::string_view host) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"www.", "amp.", "m.", "mobile."})
      if (host.starts_with(p)) host.remove_prefix(p.size()), again = true;
  }
  return host;
}

// The address a report cites: the page's canonical URL when the fetch URL
// is an indirect way to it (a feed's redirect, an AMP cache, the same site's
// link with tracking parameters or its AMP version); otherwise the fetch URL,
// so a syndicated copy is cited where it was read, not at the original its
// canonical URL names.
const std::string& SourceLink(const Article& a) {
  if (a.canonical_url.empty() || a.url.empty()) return a.url.empty() ? a.canonical_url : a.url;
  const UrlParts fetch = SplitUrl(a.url);
  if (IsFeedOrCacheLink(fetch)) return a.canonical_url;
  if (IsTrackingOrAmpLink(fetch) &&
      AsciiLower(SiteHost(fetch.host)) == AsciiLower(SiteHost(SplitUrl(a.canonical_url).host)))
    return a.canonical_url;
  return a.url;
}

}  // namespace

std::vector<const AnnotatedArticle*> StoryMembers(const Story& story,
                                                  const std::vector<AnnotatedArticle>& articles) {
  std::vector<const AnnotatedArticle*> members;
  std::unordered_map<std::string_view, const AnnotatedArticle*> by_id;
  for (const auto& a : articles) by_id.emplace(a.article.id, &a);
  std::set<std::string_view> seen;
  for (const auto& id : story.article_ids) {
    auto it = by_id.find(id);
    if (it != by_id.end() && seen.insert(id).second) members.push_back(it->second);
  }
  if (story.article_ids.empty()) {
    for (const auto& a : articles) members.push_back(&a);
  }
  std::stable_sort(members.begin(), members.end(), [](const auto* x, const auto* y) {
    const auto& a = x->article.published;
    const auto& b = y->article.published;
    if (a.has_value() != b.has_value()) return a.has_value();
    return a && *a < *b;
  });
  return members;
}

void AddSources(const Story& story, const std::vector<const AnnotatedArticle*>& members,
                StoryReport& report) {
  std::optional<DateTime> first, last;
  for (size_t i = 0; i < members.size(); ++i) {
    const Article& a = members[i]->article;
    ReportSource src;
    src.id = "S" + std::to_string(i + 1);
    src.article_id = a.id;
    src.outlet = a.outlet;
    src.title = a.title;
    src.url = SourceLink(a);
    src.published = a.published ? a.published->ToIso() : "";
    src.authors = a.authors;
    src.locator = a.locator;
    report.sources.push_back(std::move(src));
    // Members are sorted, so the first dated one is the earliest.
    if (a.published && !first) first = a.published;
    for (const auto& d : {a.published, a.updated}) {
      if (d && (!last || *last < *d)) last = d;
    }
  }
  MarkCopies(story, report.sources);
  if (first) report.first_seen = first->ToIso();
  if (last) report.last_updated = last->ToIso();
}

}  // namespace newsfuse::fuse
