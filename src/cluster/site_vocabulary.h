// Site vocabulary (internal to cluster): the words that only one site uses.
//
// A web page's body carries its site's boilerplate (navigation, a newsletter
// box, the author's bio, the site's name) as well as its news. Across a
// stream of many outlets those words are rare, so their IDF is high, and two
// unrelated pages of one site look alike on them: on a crawl of 181 unrelated
// pages, 7 of the 18 stories that mixed two events in one arrival order held
// two pages of one site (two marketing posts a fortnight apart, two reviews
// of one blog). Most of those pages also share their subject, which this
// does not address (bench/cluster/README.md has the figures).
//
// Whatever a site's pages share that no page of any other site has ever used
// is therefore no evidence that they report one event: it is the site's
// vocabulary as far as the stream can tell. Words of a real event that two
// pages of one outlet report are nearly always words other outlets use too
// (the names, the places, the kind of event), and those keep their weight.
//
// Not every such word is the site's, though: an outlet often reports an event
// twice before any other outlet does (a scoop and its follow-up, the first
// hours of breaking news), and then the event's own words are, for now, only
// that site's. Taking them for boilerplate split those stories, and made the
// stories depend on arrival order (two CLI processes ingesting at once, or a
// queue failover, split a story that one sequential run kept whole). So a
// word counts as the site's only when a page of the site at least
// kSiteApartDays away from this one used it: boilerplate recurs whatever the
// date, an outlet's follow-ups come within days. Undated pages take no part.
//
// The test needs other sites to compare with: a term counts as the site's
// only when the stream holds at least as many pages of other sites as of
// this one (so a one-outlet feed, where every word is "the site's", loses
// nothing). Memory is bounded: per site the heaviest kSiteTermsPerPage terms
// of its last kSitePages pages, at most kMaxSites sites (the least recently
// seen forgotten first).
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsfuse::cluster {

inline constexpr size_t kSitePages = 16;
inline constexpr size_t kSiteTermsPerPage = 160;
inline constexpr size_t kMaxSites = 512;
inline constexpr double kSiteApartDays = 7;

// The site of a page: its URL's host, lower-cased, without "www." ("" when
// there is no URL). Not the outlet's name: a name is not always a site (test
// corpora name the topic there, a wire's name travels with its copies).
std::string SiteOf(std::string_view url);

class SiteVocabulary {
 public:
  struct Page {
    double day;                   // publication day (cluster DayOf), NaN when undated
    std::vector<uint32_t> terms;  // sorted, unique
  };
  struct Site {
    std::string name;
    uint64_t pages = 0;                             // pages of the site seen, all time
    uint64_t last_seq = 0;                          // arrival of its latest page
    std::deque<Page> recent;                        // its last kSitePages pages
    absl::flat_hash_map<uint32_t, uint32_t> count;  // term -> pages of `recent` holding it
  };

  // Of `terms` (an article's term ids, published on `day`), those only `site`
  // has used: held by one of its recent pages at least kSiteApartDays from
  // `day`, and with no page outside the site using them (`df` counts the
  // pages using each term before this article, `docs` is how many pages that
  // is). Empty when site is "" or unknown, `day` is NaN, or the stream holds
  // fewer pages of other sites than of this one.
  void SiteOnly(std::string_view site, const std::vector<uint32_t>& terms, double day,
                const std::vector<uint32_t>& df, uint64_t docs, std::vector<uint32_t>& out) const;
  // Remembers a page of `site` published on `day` (NaN: undated) by its
  // terms (the caller keeps its kSiteTermsPerPage heaviest words and its
  // names). Returns the slot written (for the snapshot), or -1 when site is "".
  int64_t Record(std::string_view site, const std::vector<uint32_t>& terms, double day,
                 uint64_t seq);

  // For the snapshot: the slots, and putting one back.
  const std::vector<Site>& sites() const { return sites_; }
  void Restore(uint32_t slot, Site site);

 private:
  std::vector<Site> sites_;
  std::unordered_map<std::string, uint32_t> by_name_;
};

}  // namespace newsfuse::cluster
