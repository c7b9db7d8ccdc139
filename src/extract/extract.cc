// ExtractArticle: picks the path (text or HTML), then applies the rules both
// share: lead tag, dateline, wire sign-off, and the fallbacks to container
// hints, each recorded in Article::field_sources.
#include "extract/extract.h"

#include "core/hash.h"
#include "core/utf8.h"
#include "extract/charset.h"
#include "extract/dateline.h"
#include "extract/field_caps.h"
#include "extract/html_extractor.h"
#include "extract/language.h"
#include "extract/machine_dates.h"
#include "extract/not_article.h"
#include "extract/rules.h"
#include "extract/sign_off.h"
#include "extract/text_extractor.h"
#include "extract/text_util.h"
#include "extract/url_outlet.h"

namespace newsfuse {
namespace {

using namespace extract_internal;

void SetOutlet(Article& a, std::string value, const char* source) {
  if (!a.outlet.empty() || Trim(value).empty()) return;
  a.outlet = CollapseSpace(value);
  a.field_sources["outlet"] = source;
}

// Dates the page's own paths or the container stated, as year evidence.
std::optional<DateTime> ReferenceDate(const RawPage& page, const Article& a) {
  if (a.published && a.published->precision >= DatePrecision::kDay) return a.published;
  if (auto d = ParseMachineDate(page.hint_published)) return d;
  if (auto d = DateFromPath(page.url)) return d;
  if (auto d = DateFromPath(page.locator)) return d;
  return std::nullopt;
}

void ApplyLeadRules(const RawPage& page, Draft& draft) {
  Article& a = draft.article;
  if (a.paragraphs.empty()) return;
  std::string& first = a.paragraphs.front();

  // "[Financial News] Russia and ..." -> outlet, stripped from the body.
  if (auto tag = ParseLeadTag(first)) {
    SetOutlet(a, tag->name, "lead-tag");
    first = first.substr(tag->body_offset);
  }
  // "KYIV, Feb. 5 (GeokHub) — Ukraine and ..." -> place, date, credit.
  if (auto dl = ParseDateline(first)) {
    a.dateline = TitleCaseWords(dl->place);
    a.field_sources["dateline"] = "dateline";
    if (!dl->credit.empty()) {
      if (GetRules().IsWire(dl->credit)) {
        // A wire credit names the copy's source, not the outlet publishing it.
        a.field_sources["wire"] = dl->credit;
        if (page.hint_outlet.empty()) SetOutlet(a, dl->credit, "dateline");
      } else {
        SetOutlet(a, dl->credit, "dateline");
      }
    }
    if (dl->date && !a.published) {
      if (dl->date->year > 0) {
        a.published = dl->date;
        a.field_sources["published"] = "dateline";
      } else if (auto ref = ReferenceDate(page, a)) {
        // The dateline gives month and day; the year comes from other
        // evidence (container date, URL or file name) and only if it lands
        // within a few months of it. No evidence: no year invented.
        if (auto full = CompleteYear(*dl->date, *ref)) {
          a.published = full;
          a.field_sources["published"] = "dateline+year-from-hint";
        }
      }
    }
    first = first.substr(dl->body_offset);
  }
  // "... since early 2024. REUTERS" -> wire credit, stripped.
  std::string& last = a.paragraphs.back();
  if (auto so = ParseSignOff(last)) {
    a.field_sources["wire"] = so->credit;
    last = std::string(Trim(std::string_view(last).substr(0, so->cut)));
  }
  std::erase_if(a.paragraphs, [](const std::string& p) { return Trim(p).empty(); });
}

void ApplyHints(const RawPage& page, Draft& draft) {
  Article& a = draft.article;
  if (a.title.empty() && !Trim(page.hint_title).empty()) {
    a.title = CollapseSpace(page.hint_title);
    a.field_sources["title"] = "hint";
  }
  if (!a.published) {
    if (auto d = ParseMachineDate(page.hint_published)) {
      a.published = d;
      a.field_sources["published"] = "hint";
    } else if (auto u = DateFromPath(page.url)) {
      a.published = u;
      a.field_sources["published"] = "url";
    }
  }
  SetOutlet(a, page.hint_outlet, "hint");
  SetOutlet(a, draft.weak_outlet, draft.weak_outlet_source.c_str());
  // No name anywhere: the site the URL belongs to ("theguardian.com"), so
  // unnamed pages of different sites are not one empty outlet. The fetch URL
  // first, else the page's own canonical URL.
  SetOutlet(a, OutletFromUrl(page.url.empty() ? a.canonical_url : page.url), "url-host");
  if (a.authors.empty() && !Trim(page.hint_author).empty()) {
    a.authors.push_back(CollapseSpace(page.hint_author));
    a.field_sources["authors"] = "hint";
  }
  if (a.title.empty() && !a.paragraphs.empty()) {
    // No headline anywhere: the lead's opening words, cut at a word boundary,
    // marked "lead" so later stages know it is made up (fuse never lets it win).
    const std::string& lead = a.paragraphs.front();
    size_t cut = lead.size() <= 100 ? lead.size() : lead.rfind(' ', 100);
    if (cut == std::string::npos || cut < 40) cut = std::string(Utf8Prefix(lead, 100)).size();
    a.title = lead.substr(0, cut) + (cut < lead.size() ? "\xE2\x80\xA6" : "");
    a.field_sources["title"] = "lead";
  }
  if (a.language.empty()) {
    a.language = GuessLanguage(a.paragraphs);
    if (!a.language.empty()) a.field_sources["language"] = "cld2";
  }
}

}  // namespace

Result<Article> ExtractArticle(const RawPage& page, const ExtractOptions& options) {
  if (page.content.empty()) return Status::BadInput(page.locator, "empty page");
  if (LooksBinary(std::string_view(page.content).substr(0, 1 << 16)))
    return Status::BadInput(page.locator, "binary data, not a page");

  // UTF-16 that ingest did not vet (kAuto, or kText from a caller) is decoded
  // before anything looks at it; the HTML path decodes through ToUtf8.
  std::string decoded;
  std::string_view content = page.content;
  if (page.format != PageFormat::kHtml && SniffUtf16(content)) {
    decoded = ToUtf8(content, "", nullptr);
    content = decoded;
  }
  const bool html = page.format == PageFormat::kHtml ||
                    (page.format == PageFormat::kAuto && LooksLikeHtml(content));
  Result<Draft> draft = Status::BadInput(page.locator, "unreachable");
  if (html) {
    draft = ExtractFromHtml(page, options);
  } else if (FirstInvalidUtf8(content)) {
    // Text in a legacy charset (kAuto input that ingest did not vet).
    std::string charset;
    std::string utf8 = ToUtf8(content, "", &charset);
    draft = ExtractFromText(page, utf8, options);
  } else {
    draft = ExtractFromText(page, content, options);
  }
  if (!draft.ok()) return draft.status();

  ApplyLeadRules(page, *draft);
  ApplyHints(page, *draft);
  Article& a = draft->article;
  std::string refused = draft->refused;
  if (refused.empty() && a.paragraphs.empty()) refused = "no article text found";
  // A consent wall, login wall, script shell or index page: said as such, so
  // the notice's words are not stored as a story.
  if (refused.empty())
    if (auto why = NotArticleReason(a, draft->kind)) refused = "not an article: " + *why;
  if (!refused.empty()) {
    if (!options.metadata_without_body) return Status::BadInput(page.locator, refused);
    // Metadata only: the notice's words are no body.
    a.paragraphs.clear();
    a.field_sources["refused"] = refused;
  }
  a.id = ContentHash(page.content);
  a.locator = page.locator;
  // The URL the page was fetched from wins; the page's own canonical URL
  // (HTML path) fills the field only when the input had none.
  a.url = page.url;
  if (a.url.empty() && !a.canonical_url.empty()) {
    a.url = a.canonical_url;
    a.field_sources["url"] = "canonical_url";
  }
  CapMetadata(a, options.on_warning);
  return std::move(draft->article);
}

}  // namespace newsfuse
