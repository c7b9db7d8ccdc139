// The parts of the stream protocol that need no server: the URL and the
// fields of an entry.
#include <charconv>

#include "queue/queue.h"

namespace newsfuse {

Result<QueueAddress> ParseQueueUrl(const std::string& url) {
  const std::string scheme = "redis://";
  auto bad = [&](const std::string& why) {
    return Status::Usage("queue " + url + ": " + why + " (expected redis://host[:port]/stream)");
  };
  if (url.rfind(scheme, 0) != 0) return bad("not a redis:// URL");
  const std::string rest = url.substr(scheme.size());
  const size_t slash = rest.find('/');
  if (slash == std::string::npos || slash + 1 >= rest.size()) return bad("no stream name");
  QueueAddress address;
  address.stream = rest.substr(slash + 1);
  if (address.stream.find('/') != std::string::npos) return bad("a stream name has no '/'");
  const std::string host_port = rest.substr(0, slash);
  const size_t colon = host_port.rfind(':');
  address.host = host_port.substr(0, colon);
  if (colon != std::string::npos) {
    const std::string port = host_port.substr(colon + 1);
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), address.port);
    if (ec != std::errc() || end != port.data() + port.size() || address.port <= 0 ||
        address.port > 65535) {
      return bad("bad port '" + port + "'");
    }
  }
  if (address.host.empty()) return bad("no host");
  return address;
}

std::vector<std::pair<std::string, std::string>> EncodePage(const RawPage& page) {
  std::vector<std::pair<std::string, std::string>> fields;
  fields.emplace_back("content", page.content);
  fields.emplace_back("format", PageFormatName(page.format));
  // Empty fields are left out: most pages have few hints.
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) fields.emplace_back(name, value);
  };
  add("locator", page.locator);
  add("url", page.url);
  add("outlet", page.hint_outlet);
  add("title", page.hint_title);
  add("published", page.hint_published);
  add("author", page.hint_author);
  add("charset", page.hint_charset);
  return fields;
}

Result<RawPage> DecodePage(const std::string& entry_id,
                           const std::vector<std::pair<std::string, std::string>>& fields) {
  RawPage page;
  bool has_content = false;
  const std::string where = "queue entry " + entry_id;
  for (const auto& [name, value] : fields) {
    if (name == "content") {
      page.content = value;
      has_content = true;
    } else if (name == "format") {
      if (value == PageFormatName(PageFormat::kAuto)) {
        page.format = PageFormat::kAuto;
      } else if (value == PageFormatName(PageFormat::kText)) {
        page.format = PageFormat::kText;
      } else if (value == PageFormatName(PageFormat::kHtml)) {
        page.format = PageFormat::kHtml;
      } else {
        return Status::BadInput(where, "unknown page format '" + value + "'");
      }
    } else if (name == "locator") {
      page.locator = value;
    } else if (name == "url") {
      page.url = value;
    } else if (name == "outlet") {
      page.hint_outlet = value;
    } else if (name == "title") {
      page.hint_title = value;
    } else if (name == "published") {
      page.hint_published = value;
    } else if (name == "author") {
      page.hint_author = value;
    } else if (name == "charset") {
      page.hint_charset = value;
    }
    // Unknown fields are a newer enqueue's: ignored, as JSONL's are.
  }
  if (!has_content) return Status::BadInput(where, "no content field");
  if (page.locator.empty()) page.locator = where;
  return page;
}

}  // namespace newsfuse
