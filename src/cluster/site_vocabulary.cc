#include "cluster/site_vocabulary.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace newsfuse::cluster {

std::string SiteOf(std::string_view url) {
  if (url.empty()) return {};
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host(url);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

void SiteVocabulary::SiteOnly(std::string_view site, const std::vector<uint32_t>& terms, double day,
                              const std::vector<uint32_t>& df, uint64_t docs,
                              std::vector<uint32_t>& out) const {
  out.clear();
  if (site.empty() || std::isnan(day)) return;
  const auto it = by_name_.find(std::string(site));
  if (it == by_name_.end()) return;
  const Site& s = sites_[it->second];
  // A feed of (mostly) this one site: every word would be "the site's".
  if (docs < 2 * s.pages) return;
  for (uint32_t t : terms) {
    const auto c = s.count.find(t);
    if (c == s.count.end()) continue;
    // df counts every page that used t; c->second of them are the site's.
    if (t >= df.size() || df[t] > c->second) continue;
    // Few terms get here (most words are other sites' too), so a look
    // through at most kSitePages pages each is cheap.
    for (const Page& page : s.recent) {
      if (std::abs(day - page.day) >= kSiteApartDays &&  // false for an undated page
          std::binary_search(page.terms.begin(), page.terms.end(), t)) {
        out.push_back(t);
        break;
      }
    }
  }
}

int64_t SiteVocabulary::Record(std::string_view site, const std::vector<uint32_t>& terms,
                               double day, uint64_t seq) {
  if (site.empty()) return -1;
  uint32_t slot;
  const auto it = by_name_.find(std::string(site));
  if (it != by_name_.end()) {
    slot = it->second;
  } else if (sites_.size() < kMaxSites) {
    slot = static_cast<uint32_t>(sites_.size());
    sites_.emplace_back();
  } else {
    // The least recently seen site is forgotten (ties: the lowest slot).
    slot = static_cast<uint32_t>(
        std::min_element(sites_.begin(), sites_.end(),
                         [](const Site& a, const Site& b) { return a.last_seq < b.last_seq; }) -
        sites_.begin());
    by_name_.erase(sites_[slot].name);
    sites_[slot] = Site{};
  }
  Site& s = sites_[slot];
  if (s.name.empty()) {
    s.name = std::string(site);
    by_name_.emplace(s.name, slot);
  }
  std::vector<uint32_t> kept = terms;
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  for (uint32_t t : kept) ++s.count[t];
  s.recent.push_back(Page{day, std::move(kept)});
  if (s.recent.size() > kSitePages) {
    for (uint32_t t : s.recent.front().terms) {
      auto c = s.count.find(t);
      if (--c->second == 0) s.count.erase(c);
    }
    s.recent.pop_front();
  }
  ++s.pages;
  s.last_seq = seq;
  return slot;
}

void SiteVocabulary::Restore(uint32_t slot, Site site) {
  if (slot >= sites_.size()) sites_.resize(slot + 1);
  site.count.clear();
  for (const Page& page : site.recent) {
    for (uint32_t t : page.terms) ++site.count[t];
  }
  if (!sites_[slot].name.empty()) by_name_.erase(sites_[slot].name);
  sites_[slot] = std::move(site);
  if (!sites_[slot].name.empty()) by_name_.emplace(sites_[slot].name, slot);
}

}  // namespace newsfuse::cluster
