// The records that flow between pipeline stages.
//
//   RawPage ──extract──► Article ──analyze──► AnnotatedArticle ──cluster──► Story
//                                                                   └─fuse──► StoryReport
//
// Every type that crosses a stage boundary lives here and nowhere else, so a
// stage depends on core/ and on the stages before it, never on another stage's
// internals. Records are plain values: copyable, comparable in tests, and
// serialisable by the store and the renderers without friends or visitors.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace newsfuse {

// How a page's bytes are to be read. kAuto lets the extractor sniff.
enum class PageFormat : uint8_t { kAuto, kText, kHtml };

const char* PageFormatName(PageFormat format);

// One page as it arrived, before any interpretation. Produced by ingest.
struct RawPage {
  // Where the page came from, precise enough for a user to find it:
  // "dir/a.txt", "feed.jsonl:17", "crawl.warc.gz@123456", "<stdin>".
  std::string locator;
  std::string url;  // when the container knew it
  PageFormat format = PageFormat::kAuto;
  std::string content;  // the page bytes, valid UTF-8 for kText (ingest checks)
  // Metadata the container already states (JSONL fields, WARC headers, file
  // names). The extractor prefers what the page itself says and falls back to these.
  std::string hint_outlet;
  std::string hint_title;
  std::string hint_published;  // as written; the extractor parses it
  std::string hint_author;
  // The charset a transport header declared (HTTP Content-Type in a WARC
  // record); the extractor trusts it over sniffing, as browsers do.
  std::string hint_charset;
};

// A half-open byte range [begin, end) into an article's body text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// The article inside a page. Produced by extract.
struct Article {
  std::string id;       // content hash of the page (hex); same page => same id
  std::string locator;  // copied from the RawPage
  std::string url;
  // The address the page names for itself (<link rel=canonical>, og:url,
  // JSON-LD), absolute; field_sources["canonical_url"] says which. Can differ
  // from `url`: a feed's tracking link, a syndicated copy. Empty when none.
  std::string canonical_url;
  std::string outlet;  // the site's name: "Reuters", "The Straits Times"
  std::string title;
  std::vector<std::string> authors;
  std::optional<DateTime> published;
  std::optional<DateTime> updated;
  std::string dateline;                 // place named in the dateline, e.g. "KYIV"
  std::string language;                 // BCP 47, "en" when known
  std::vector<std::string> paragraphs;  // the clean body, one entry per paragraph
  // Where each metadata field came from ("title" -> "og:title", "published" ->
  // "dateline"), so a reader can judge how far to trust it.
  std::map<std::string, std::string> field_sources;

  // The body as one text: paragraphs joined by a blank line. All Spans of an
  // AnnotatedArticle index into exactly this string.
  std::string Body() const;
};

// One sentence of an article body.
struct Sentence {
  Span span;
  uint32_t paragraph = 0;  // index into Article::paragraphs
};

// ---- Language annotations (analyze). Every Span indexes AnnotatedArticle::body. ----

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace, kOther };

const char* EntityTypeName(EntityType type);

// One real-world entity as this article refers to it: every mention of it
// ("Volodymyr Zelensky", "Zelenskiy", "Zelensky's", "he") points here.
struct Entity {
  EntityType type = EntityType::kOther;
  std::string name;  // the fullest form the article uses: "Volodymyr Zelensky"
  // Spelling-insensitive key, equal across articles for the same entity:
  // "zelensky" for Zelensky/Zelenskiy/Zelenskyy, "united arab emirates" for
  // UAE. Fusion and clustering compare entities across sources by this key.
  std::string key;
  std::vector<std::string> roles;  // "special envoy", "head of the Russian Direct Investment Fund"
  std::vector<std::string> aliases;  // other surface forms seen: "Zelenskiy", "UAE"
  std::string country;  // ISO 3166-1 alpha-2 a place is, or a nationality word names ("UA")
};

enum class MentionKind : uint8_t { kName, kAlias, kNationality, kPronoun };

struct Mention {
  Span span;
  uint32_t entity = 0;  // index into AnnotatedArticle::entities
  MentionKind kind = MentionKind::kName;
};

// A number as the text states it, normalised. "about 110 attack drones" ->
// value 110, low 99, high 121 (the hedge widens it by 10%), unit "", counted "attack drone".
struct Quantity {
  Span span;         // the whole expression: "about 1,200 km"
  double value = 0;  // in the normalised unit
  double low = 0;    // the interval the hedge allows ("more than 5" -> [5, inf))
  double high = 0;
  // Normalised unit: "" (a count), "m", "%", "degC", "s", "kg", or an ISO 4217
  // currency code ("USD"). Stated miles become metres; the stated unit stays in
  // `stated_unit` so renderers can quote the source's own wording.
  std::string unit;
  std::string stated_unit;  // "miles", "km", "per cent", "" for counts
  std::string counted;  // lemma of what is counted: "prisoner of war", "drone"; empty when unknown
  Span counted_span;
  // "157 prisoners each" between two parties: value 157 per party, total 314.
  // Equal to value when the form is not distributive.
  double total = 0;
  bool distributive = false;
};

// A temporal expression, normalised as TimeML TIMEX3 does.
struct Timex {
  enum class Type : uint8_t { kDate, kTime, kDuration, kSet };
  Span span;
  Type type = Type::kDate;
  // TIMEX3 value: "2026-02-05", "2026-02", "2026-W06", "2024-SP", "P4Y",
  // "PRESENT_REF", "2026-01-23/2026-01-24" (ISO 8601 interval for ranges).
  std::string value;
  DatePrecision precision = DatePrecision::kDay;  // of a date value
  std::string
      anchor;  // what a relative expression was resolved against: "published", "previous-date"
};

// The TimeML type name: "DATE", "TIME", "DURATION", "SET".
const char* TimexTypeName(Timex::Type type);

// A quotation: direct ("...," X said) or reported ("X said that ...").
struct Quote {
  Span content;                     // the words quoted (inside the quote marks for direct speech)
  std::optional<uint32_t> speaker;  // index into entities; empty when unresolved
  Span speaker_span;                // the phrase naming the speaker, appositive included
  Span cue;                         // "said", "wrote on X", "described the talks as"
  bool direct = true;               // false for paraphrase / indirect speech
  // No entity, but a person or group is described ("a senior official", "the
  // crowd"): that phrase, which a pronoun speaker ("he said") refers back to.
  Span speaker_description;
};

// An article with its language annotations. Produced by analyze.
struct AnnotatedArticle {
  Article article;
  std::string body;  // == article.Body(), kept for span lookups
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;     // in body order
  std::vector<Quantity> quantities;  // in body order
  std::vector<Timex> timexes;        // in body order
  std::vector<Quote> quotes;         // in body order

  std::string_view Text(Span s) const {
    return std::string_view(body).substr(s.begin, s.end - s.begin);
  }
};

// A group of articles about one event. Produced by cluster.
struct Story {
  std::string id;                        // stable: derived from its first article
  std::vector<std::string> article_ids;  // in arrival order
  // Copies among them: article id -> id of the article it is a near-duplicate
  // of (a wire copy, reprint or re-crawl; see ClusterDecision::copy_of). Only
  // copies have an entry. A map beside article_ids rather than a field per
  // member because copies are few, callers ask "is X a copy, and of what?",
  // and article_ids keeps its plain shape for everything that ignores copies.
  std::map<std::string, std::string> copy_of{};
};

// ---- The story report: the JSON contract that renderers draw. ----

struct ReportSource {
  std::string id;  // short citation key: "S1", "S2", ...
  std::string article_id;
  std::string outlet;
  std::string title;
  std::string url;
  std::string published;  // ISO 8601 at its precision, empty when unknown
  std::vector<std::string> authors;
  std::string locator;
  // The citation key ("S2") of the source this one is a near-duplicate of,
  // empty when it is not a copy (or its original is not among the sources).
  std::string copy_of{};
};

// One source's own wording of a fact, quote or event.
struct Attestation {
  std::string source;  // ReportSource id
  std::string text;    // the words as that source wrote them
  Span span;           // where, in that source's body
};

struct SummarySentence {
  std::string text;
  std::vector<std::string> citations;  // ReportSource ids that state this content
  std::string from_source;             // the source whose wording is shown
  Span span;                           // where, in that source's body
  // How many voices back it: an outlet's articles, or a reprint and its
  // original, count once (src/fuse/voices.h).
  double support = 0;
  // Each cited source's own sentence for this content, in citation order, so
  // a reader can see how every outlet put it (the page's citation popovers).
  // The {} lets older aggregate initialisers leave it out.
  std::vector<Attestation> wording{};
};

// A claim several sources can support: a quantity of a thing, a dated event,
// a person's role. Claims from different sources are one Fact when they agree
// after normalisation (units, totals vs per-party counts, hedges).
struct Fact {
  enum class Kind : uint8_t { kQuantity, kEvent, kRole };
  std::string id;  // "F1", ... in report order (most supporting sources first)
  Kind kind = Kind::kQuantity;
  std::string subject;  // what it is about: "prisoners of war", "front line", "Steve Witkoff"
  std::string value;    // normalised, for display: "314", "1,200 km", "2026-02-05", "special envoy"
  double low = 0, high = 0;          // quantity facts: the interval all supporters share
  std::string unit;                  // quantity facts: normalised unit ("" for counts)
  std::vector<std::string> sources;  // supporting ReportSource ids
  std::vector<Attestation> wording;  // one per supporting source
};

const char* FactKindName(Fact::Kind kind);

// Sources that say different things about the same subject.
struct Conflict {
  std::string subject;
  // Hard: the values cannot both be true (intervals apart, or a statement and
  // its negation). Soft: a near miss that hedging or rounding may explain.
  bool hard = false;
  double confidence = 0;  // 0..1: how sure the engine is that both sides speak of the same thing
  struct Side {
    std::string value;
    std::vector<std::string> sources;
    std::vector<Attestation> wording;
  };
  std::vector<Side> sides;  // at least two
};

// What one speaker said, across sources. The same quote in two translations
// or paraphrases is one ReportQuote with both wordings.
struct ReportQuote {
  bool direct = true;
  std::vector<std::string> sources;
  std::vector<Attestation> wording;  // the first is the fullest
};

struct SpeakerQuotes {
  std::string speaker;  // canonical name, or the description when not named
  bool named = true;    // false: described only ("a senior official"), never a person's name
  std::string role;     // the role most sources give, empty when none
  std::vector<ReportQuote> quotes;
};

struct TimelineEntry {
  std::string date;       // ISO 8601 date, month, year or interval ("2026-01-23/2026-01-24")
  std::string precision;  // "day", "month", "year"
  std::string what;       // the event, in the words of its best-supported source
  std::string place;      // where it happened ("in Abu Dhabi"), empty when no source says
  std::vector<std::string> sources;
  std::vector<Attestation> wording;
};

// What one source adds to the story and what it leaves out.
struct SourceCoverage {
  std::string source;  // ReportSource id
  // Support here is counted in voices (src/fuse/voices.h), not sources.
  std::vector<std::string> only_here;  // Fact ids no other voice supports
  // Fact ids this voice lacks and a strict majority of the other voices, at
  // least two, support.
  std::vector<std::string> missing;
};

struct StoryReport {
  static constexpr int kSchemaVersion = 1;
  std::string story_id;
  std::string headline;
  std::string first_seen;    // ISO 8601: earliest publication among sources
  std::string last_updated;  // ISO 8601: latest publication or update
  std::vector<ReportSource> sources;
  std::vector<SummarySentence> summary;
  std::vector<Fact> facts;
  std::vector<Conflict> conflicts;
  std::vector<SpeakerQuotes> quotes;
  std::vector<TimelineEntry> timeline;   // in date order
  std::vector<SourceCoverage> coverage;  // in source order
};

}  // namespace newsfuse
