#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/strings.h"
#include "ingest/formats.h"

namespace newsfuse::ingest_internal {
namespace {

using json = nlohmann::json;

// The error text after nlohmann's "[json.exception.parse_error.101] " tag,
// which means nothing to a user.
std::string ParseErrorText(const json::exception& e) {
  std::string what = e.what();
  const size_t tag_end = what.find("] ");
  if (tag_end != std::string::npos) what.erase(0, tag_end + 2);
  return what;
}

// Reads an optional string field into `*out`; null counts as absent.
bool StringField(const json& obj, const char* key, std::string* out, std::string* why) {
  const auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return true;
  if (!it->is_string()) {
    *why = std::string("field \"") + key + "\" must be a string, not " + it->type_name();
    return false;
  }
  *out = it->get_ref<const std::string&>();
  return true;
}

bool AuthorField(const json& obj, std::string* out, std::string* why) {
  const auto it = obj.find("author");
  if (it == obj.end() || it->is_null()) return true;
  if (it->is_string()) {
    *out = it->get_ref<const std::string&>();
    return true;
  }
  if (!it->is_array()) {
    *why = std::string("field \"author\" must be a string or an array of strings, not ") +
           it->type_name();
    return false;
  }
  for (const auto& a : *it) {
    if (!a.is_string()) {
      *why = std::string("field \"author\" must hold only strings, found ") + a.type_name();
      return false;
    }
    const auto& s = a.get_ref<const std::string&>();
    if (Trim(s).empty()) continue;
    if (!out->empty()) *out += ", ";
    *out += s;
  }
  return true;
}

// The names producers give the publication date, in the order they are
// tried: "published" is ours; the others are what common feeds and scrapers
// write (RSS pubDate, Rails and Django published_at, a plain date).
constexpr std::array<const char*, 4> kDateFields = {"published", "published_at", "pubDate", "date"};
constexpr std::array<const char*, 6> kOtherFields = {"url",    "outlet", "title",
                                                     "author", "text",   "html"};

bool IsKnownField(const std::string& key) {
  for (const char* known : kDateFields) {
    if (key == known) return true;
  }
  for (const char* known : kOtherFields) {
    if (key == known) return true;
  }
  return false;
}

// The first date field present and not null; each present one must be a
// string, so a malformed record is refused rather than half read.
bool DateField(const json& obj, std::string* out, std::string* why) {
  for (const char* key : kDateFields) {
    std::string value;
    if (!StringField(obj, key, &value, why)) return false;
    if (out->empty() && !Trim(value).empty()) *out = std::move(value);
  }
  return true;
}

// Field names come from the input: a file with a new key on every line must
// not grow the tally without bound, nor a huge key fill the summary.
constexpr size_t kMaxIgnoredNames = 32;
constexpr size_t kMaxIgnoredNameBytes = 64;
constexpr const char* kOtherIgnored = "(other fields)";

void CountIgnored(const std::string& key, std::map<std::string, size_t>& tally) {
  std::string name =
      key.size() > kMaxIgnoredNameBytes ? key.substr(0, kMaxIgnoredNameBytes) + "..." : key;
  if (!tally.contains(name) && tally.size() >= kMaxIgnoredNames) name = kOtherIgnored;
  ++tally[name];
}

// Fills `*page` from one parsed line, or says why it cannot.
bool PageFromObject(const json& obj, RawPage* page, std::string* why) {
  if (!obj.is_object()) {
    *why = std::string("expected a JSON object, found ") + obj.type_name();
    return false;
  }
  std::string text, html;
  if (!StringField(obj, "url", &page->url, why) ||
      !StringField(obj, "outlet", &page->hint_outlet, why) ||
      !StringField(obj, "title", &page->hint_title, why) ||
      !DateField(obj, &page->hint_published, why) || !AuthorField(obj, &page->hint_author, why) ||
      !StringField(obj, "text", &text, why) || !StringField(obj, "html", &html, why)) {
    return false;
  }
  if (!Trim(text).empty()) {
    page->format = PageFormat::kText;
    page->content = std::move(text);
  } else if (!Trim(html).empty()) {
    page->format = PageFormat::kHtml;
    page->content = std::move(html);
  } else {
    *why = "needs a non-empty \"text\" or \"html\" field";
    return false;
  }
  return true;
}

}  // namespace

void ReadJsonl(BufferedReader& in, const std::string& name, const Emitter& emit) {
  const size_t max = emit.options.max_page_bytes;
  std::string line;  // reused, so steady state allocates only inside nlohmann
  for (size_t line_no = 1;; ++line_no) {
    const auto r = in.ReadLine(&line, max);
    if (r == BufferedReader::Line::kEnd) break;
    const std::string locator = name + ":" + std::to_string(line_no);
    if (r == BufferedReader::Line::kTooLong) {
      emit.Error(Status::BadInput(
          locator, "line is longer than max_page_bytes (" + std::to_string(max) + ")"));
      continue;
    }
    std::string_view view(line);
    if (line_no == 1 && view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    if (Trim(view).empty()) continue;

    json obj;
    try {
      obj = json::parse(view);
    } catch (const json::exception& e) {  // parse_error, and anything else nlohmann throws
      emit.Error(Status::BadInput(locator, "invalid JSON: " + ParseErrorText(e)));
      continue;
    }
    if (obj.is_object()) {
      for (const auto& [key, value] : obj.items()) {
        if (!IsKnownField(key)) CountIgnored(key, emit.stats.ignored_fields);
      }
    }
    RawPage page;
    std::string why;
    if (!PageFromObject(obj, &page, &why)) {
      emit.Error(Status::BadInput(locator, why));
      continue;
    }
    const char* field = page.format == PageFormat::kText ? "\"text\"" : "\"html\"";
    if (auto bad = PreparePage(page.format, field, &page.content)) {
      emit.Error(Status::BadInput(locator, std::string(field) + ": " + *bad));
      continue;
    }
    page.locator = locator;
    emit.Page(std::move(page));
  }
  if (!in.error().empty()) emit.Error(Status::BadInput(name, in.error()));
}

}  // namespace newsfuse::ingest_internal
