#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/strings.h"
#include "core/terminal_text.h"
#include "core/utf8.h"
#include "ingest/formats.h"

namespace newsfuse::ingest_internal {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderLines = 1024;
// How much of a response block is read before deciding whether it is a page:
// enough for any sane HTTP header, so a 100 MB video is skipped, not buffered.
constexpr size_t kHttpHeadBytes = 64 << 10;

bool IsVersionLine(std::string_view line) { return line == "WARC/1.0" || line == "WARC/1.1"; }

struct WarcHeader {
  std::string type;  // lower-cased
  std::string target_uri;
  std::string content_type;
  std::string length_text;  // as written; parsed by the caller
};

struct HttpHead {
  int status = 0;
  size_t body_offset = 0;
  std::string content_type;
  std::string transfer_encoding;  // lower-cased
  std::string content_encoding;   // lower-cased
};

// Splits an HTTP response header off `block`. False if `block` does not start
// with a complete one.
bool ParseHttpHead(std::string_view block, HttpHead* http) {
  const size_t crlf = block.find("\r\n\r\n");
  const size_t lf = block.find("\n\n");
  size_t end;
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
    end = crlf;
    http->body_offset = crlf + 4;
  } else if (lf != std::string_view::npos) {
    end = lf;
    http->body_offset = lf + 2;
  } else {
    return false;
  }
  std::string_view head = block.substr(0, end);
  size_t eol = head.find('\n');
  const std::string_view status_line = Trim(head.substr(0, eol));
  if (!status_line.starts_with("HTTP/")) return false;
  const size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return false;
  const std::string_view code = status_line.substr(sp + 1, 3);
  if (std::from_chars(code.data(), code.data() + code.size(), http->status).ec != std::errc()) {
    return false;
  }
  while (eol != std::string_view::npos) {
    head.remove_prefix(eol + 1);
    eol = head.find('\n');
    const std::string_view line = head.substr(0, eol);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = AsciiLower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type")
      http->content_type = value;
    else if (name == "transfer-encoding")
      http->transfer_encoding = AsciiLower(value);
    else if (name == "content-encoding")
      http->content_encoding = AsciiLower(value);
  }
  return true;
}

// Which page format a Content-Type asks for; nullopt when it is not a page.
// kAuto means no type was given and the bytes must decide.
std::optional<PageFormat> FormatForMediaType(std::string_view content_type) {
  const std::string type = AsciiLower(Trim(content_type.substr(0, content_type.find(';'))));
  if (type.empty()) return PageFormat::kAuto;
  if (type == "text/html" || type == "application/xhtml+xml") return PageFormat::kHtml;
  if (type == "text/plain") return PageFormat::kText;
  return std::nullopt;
}

// The charset parameter of a Content-Type ("text/html; charset=EUC-KR"), or
// empty. Quotes are allowed by RFC 9110 and seen in the wild.
std::string CharsetOf(std::string_view content_type) {
  const std::string lower = AsciiLower(content_type);
  const size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::string_view value = std::string_view(content_type).substr(at + 8);
  value = value.substr(0, value.find(';'));
  std::string out(Trim(value));
  if (out.size() >= 2 && (out.front() == '"' || out.front() == '\''))
    out = out.substr(1, out.size() - 2);
  return out;
}

// Undoes HTTP/1.1 chunked framing. Crawlers cut long payloads mid-chunk
// (WARC-Truncated), so running out of input after a whole chunk keeps what
// was read; only a body that never was chunked returns false.
bool Dechunk(std::string_view in, std::string* out) {
  size_t p = 0;
  int chunks = 0;
  for (;;) {
    const size_t eol = in.find('\n', p);
    if (eol == std::string_view::npos) return chunks > 0;
    std::string_view size_text = in.substr(p, eol - p);
    size_text = Trim(size_text.substr(0, size_text.find(';')));
    uint64_t size = 0;
    const auto [ptr, ec] =
        std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (size_text.empty() || ec != std::errc() || ptr != size_text.data() + size_text.size()) {
      return chunks > 0;
    }
    p = eol + 1;
    if (size == 0) return true;  // trailers, if any, are not content
    if (size > in.size() - p) {
      out->append(in.substr(p));
      return true;
    }
    out->append(in.substr(p, size));
    ++chunks;
    p += size;
    if (in.substr(p, 2) == "\r\n")
      p += 2;
    else if (p < in.size() && in[p] == '\n')
      p += 1;
  }
}

class WarcReader {
 public:
  WarcReader(BufferedReader& in, GzipSource* gzip, const std::string& name, const Emitter& emit)
      : in_(in), gzip_(gzip), name_(name), emit_(emit) {}

  void Run();

 private:
  std::string Locator(uint64_t offset) {
    if (gzip_ == nullptr) return name_ + "@" + std::to_string(offset);
    const auto [member, delta] = gzip_->Locate(offset);
    std::string loc = name_ + "@" + std::to_string(member);
    if (delta != 0) loc += "+" + std::to_string(delta);
    return loc;
  }
  // Reads the rest of a block; false (after reporting) if the file ends first.
  bool ReadBlock(uint64_t n, std::string* out, const std::string& locator);
  bool SkipBlock(uint64_t n, const std::string& locator);
  void ReportTruncated(const std::string& locator, uint64_t wanted, uint64_t got);
  // Returns false when the file cannot be read further.
  bool HandleResponse(const WarcHeader& h, uint64_t length, const std::string& locator);
  bool HandleResource(const WarcHeader& h, uint64_t length, const std::string& locator);
  void EmitPayload(PageFormat format, std::string body, const WarcHeader& h,
                   const std::string& locator, std::string charset = {});

  BufferedReader& in_;
  GzipSource* gzip_;
  const std::string& name_;
  const Emitter& emit_;
  std::string line_;
};

void WarcReader::ReportTruncated(const std::string& locator, uint64_t wanted, uint64_t got) {
  std::string why = in_.error();
  if (why.empty()) {
    why = "truncated record: Content-Length is " + std::to_string(wanted) +
          " but the data ends after " + std::to_string(got) + " bytes";
  }
  emit_.Error(Status::BadInput(locator, why));
}

bool WarcReader::ReadBlock(uint64_t n, std::string* out, const std::string& locator) {
  const size_t before = out->size();
  const size_t got = in_.ReadN(n, out);
  if (got < n) {
    ReportTruncated(locator, n + before, got + before);
    return false;
  }
  return true;
}

bool WarcReader::SkipBlock(uint64_t n, const std::string& locator) {
  const uint64_t got = in_.Skip(n);
  if (got < n) {
    ReportTruncated(locator, n, got);
    return false;
  }
  return true;
}

void WarcReader::EmitPayload(PageFormat format, std::string body, const WarcHeader& h,
                             const std::string& locator, std::string charset) {
  if (format == PageFormat::kAuto) {
    const std::string_view head = std::string_view(body).substr(0, 4096);
    if (LooksBinary(head)) {
      ++emit_.stats.skipped_records;
      return;
    }
    format = SniffStream(head, head.size() == body.size()) == StreamKind::kHtml ? PageFormat::kHtml
                                                                                : PageFormat::kText;
  }
  if (auto bad = PreparePage(format, "payload", &body)) {
    emit_.Error(Status::BadInput(locator, *bad));
    return;
  }
  RawPage page;
  page.locator = locator;
  page.url = h.target_uri;
  page.format = format;
  page.content = std::move(body);
  page.hint_charset = std::move(charset);
  emit_.Page(std::move(page));
}

bool WarcReader::HandleResponse(const WarcHeader& h, uint64_t length, const std::string& locator) {
  // "application/http; msgtype=response"; DNS and other protocols are not pages.
  if (!AsciiLower(h.content_type).starts_with("application/http")) {
    ++emit_.stats.skipped_records;
    return SkipBlock(length, locator);
  }
  std::string block;
  const uint64_t head_len = std::min<uint64_t>(length, kHttpHeadBytes);
  if (!ReadBlock(head_len, &block, locator)) return false;
  HttpHead http;
  if (!ParseHttpHead(block, &http)) {
    emit_.Error(Status::BadInput(locator, "malformed HTTP response header in response record"));
    return SkipBlock(length - head_len, locator);
  }
  const auto format = FormatForMediaType(http.content_type);
  if (http.status != 200 || !format) {
    ++emit_.stats.skipped_records;
    return SkipBlock(length - head_len, locator);
  }
  const uint64_t body_len = length - http.body_offset;
  const size_t max = emit_.options.max_page_bytes;
  if (body_len > max) {
    emit_.Error(Status::BadInput(locator, "payload of " + std::to_string(body_len) +
                                              " bytes is larger than max_page_bytes (" +
                                              std::to_string(max) + ")"));
    return SkipBlock(length - head_len, locator);
  }
  if (!ReadBlock(length - head_len, &block, locator)) return false;
  block.erase(0, http.body_offset);

  // Common Crawl stores decoded payloads (and renames the headers to
  // X-Crawler-*), but wget and older Heritrix keep the bytes as sent.
  if (http.transfer_encoding.find("chunked") != std::string::npos) {
    std::string plain;
    // A body that does not parse as chunks was decoded by the crawler already.
    if (Dechunk(block, &plain)) block = std::move(plain);
  }
  const std::string& coding = http.content_encoding;
  if (!coding.empty() && coding != "identity") {
    std::string plain, why;
    if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      if (InflateBuffer(block, max, &plain, &why)) {
        block = std::move(plain);
      } else if (LooksBinary(block) || why.find("max_page_bytes") != std::string::npos) {
        emit_.Error(Status::BadInput(
            locator, "cannot decode Content-Encoding " + TerminalSafeLine(coding) + ": " + why));
        return true;
      }  // else: text already, the crawler decoded it
    } else if (LooksBinary(block)) {
      // The header value is the input's: kept free of escape sequences, since
      // the message goes to the user's terminal.
      emit_.Error(
          Status::BadInput(locator, "unsupported Content-Encoding: " + TerminalSafeLine(coding)));
      return true;
    }
  }
  EmitPayload(*format, std::move(block), h, locator, CharsetOf(http.content_type));
  return true;
}

bool WarcReader::HandleResource(const WarcHeader& h, uint64_t length, const std::string& locator) {
  const auto format = FormatForMediaType(h.content_type);
  if (!format) {
    ++emit_.stats.skipped_records;
    return SkipBlock(length, locator);
  }
  const size_t max = emit_.options.max_page_bytes;
  if (length > max) {
    emit_.Error(Status::BadInput(locator, "payload of " + std::to_string(length) +
                                              " bytes is larger than max_page_bytes (" +
                                              std::to_string(max) + ")"));
    return SkipBlock(length, locator);
  }
  std::string block;
  if (!ReadBlock(length, &block, locator)) return false;
  EmitPayload(*format, std::move(block), h, locator);
  return true;
}

void WarcReader::Run() {
  // After a malformed record nothing says where the next begins, so lines are
  // skipped until one reads exactly "WARC/1.0" or "WARC/1.1": at a line start
  // that is a record header in any real archive.
  bool resyncing = false;
  bool seen_any = false;
  for (;;) {
    const uint64_t start = in_.offset();
    const auto r = in_.ReadLine(&line_, kMaxHeaderLine);
    if (r == BufferedReader::Line::kEnd) break;
    seen_any = true;
    std::string_view line = line_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (r == BufferedReader::Line::kOk && line.empty()) continue;  // record separators
    if (r != BufferedReader::Line::kOk || !IsVersionLine(line)) {
      if (!resyncing) {
        emit_.Error(
            Status::BadInput(Locator(start), "expected a WARC/1.0 or WARC/1.1 record header"));
        resyncing = true;
      }
      continue;
    }
    resyncing = false;
    const std::string locator = Locator(start);

    WarcHeader h;
    bool header_ok = true;
    bool ended = false;
    for (size_t n = 0;; ++n) {
      const auto hr = in_.ReadLine(&line_, kMaxHeaderLine);
      if (hr == BufferedReader::Line::kEnd) {
        ended = true;
        break;
      }
      std::string_view hl = line_;
      if (!hl.empty() && hl.back() == '\r') hl.remove_suffix(1);
      if (hr == BufferedReader::Line::kOk && hl.empty()) break;
      if (hr != BufferedReader::Line::kOk || n >= kMaxHeaderLines) {
        header_ok = false;
        break;
      }
      const size_t colon = hl.find(':');
      if (colon == std::string_view::npos) {
        if (hl.front() == ' ' || hl.front() == '\t') continue;  // folded continuation
        header_ok = false;
        break;
      }
      const std::string field = AsciiLower(Trim(hl.substr(0, colon)));
      const std::string_view value = Trim(hl.substr(colon + 1));
      if (field == "warc-type")
        h.type = AsciiLower(value);
      else if (field == "warc-target-uri")
        h.target_uri = value;
      else if (field == "content-type")
        h.content_type = value;
      else if (field == "content-length")
        h.length_text = value;
    }
    if (ended) {
      emit_.Error(Status::BadInput(
          locator, in_.error().empty() ? "truncated record: the data ends inside the WARC header"
                                       : in_.error()));
      return;
    }
    // WARC/1.0 wrote URIs in angle brackets; 1.1 dropped them.
    if (h.target_uri.size() >= 2 && h.target_uri.front() == '<' && h.target_uri.back() == '>') {
      h.target_uri = h.target_uri.substr(1, h.target_uri.size() - 2);
    }
    uint64_t length = 0;
    const auto [ptr, ec] =
        std::from_chars(h.length_text.data(), h.length_text.data() + h.length_text.size(), length);
    if (!header_ok || h.length_text.empty() || ec != std::errc() ||
        ptr != h.length_text.data() + h.length_text.size()) {
      emit_.Error(Status::BadInput(locator, header_ok
                                                ? "missing or invalid Content-Length in WARC header"
                                                : "malformed WARC header"));
      resyncing = true;
      continue;
    }
    bool go_on;
    if (h.type == "response") {
      go_on = HandleResponse(h, length, locator);
    } else if (h.type == "resource") {
      go_on = HandleResource(h, length, locator);
    } else {  // warcinfo, request, metadata, revisit, conversion, continuation
      ++emit_.stats.skipped_records;
      go_on = SkipBlock(length, locator);
    }
    if (!go_on) return;
  }
  if (!in_.error().empty()) {
    emit_.Error(Status::BadInput(Locator(in_.offset()), in_.error()));
  } else if (!seen_any) {
    emit_.Error(Status::BadInput(name_, "empty file"));
  }
}

}  // namespace

void ReadWarc(BufferedReader& in, GzipSource* gzip, const std::string& name, const Emitter& emit) {
  WarcReader(in, gzip, name, emit).Run();
}

}  // namespace newsfuse::ingest_internal
