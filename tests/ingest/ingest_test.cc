#include "ingest/ingest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/utf8.h"
#include "extract/extract.h"

namespace newsfuse {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kCorpus = std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/ingest/corpus";

struct Outcome {
  std::vector<RawPage> pages;
  std::vector<Status> errors;
  Status status;
  IngestStats stats;

  std::vector<std::string> Locators() const {
    std::vector<std::string> out;
    for (const auto& p : pages) out.push_back(p.locator);
    return out;
  }
  std::vector<std::string> ErrorLocators() const {
    std::vector<std::string> out;
    for (const auto& e : errors) out.push_back(e.locator());
    return out;
  }
};

Outcome Ingest(const std::vector<std::string>& sources, IngestOptions options = {}) {
  Outcome run;
  run.status = ReadSources(
      sources, options, [&](RawPage&& p) { run.pages.push_back(std::move(p)); },
      [&](const Status& s) { run.errors.push_back(s); }, &run.stats);
  return run;
}

Outcome IngestStream(const std::string& bytes, IngestOptions options = {}) {
  Outcome run;
  std::istringstream in(bytes);
  ReadStream(
      in, "<stdin>", options, [&](RawPage&& p) { run.pages.push_back(std::move(p)); },
      [&](const Status& s) { run.errors.push_back(s); }, &run.stats);
  return run;
}

// A scratch directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("newsfuse_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }

  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

// One complete gzip member, as a WARC writer emits per record.
std::string GzipMember(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string WarcRecord(const std::string& type, const std::string& uri,
                       const std::string& content_type, const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2026-02-06T04:04:00Z\r\n";
  r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return r + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& status, const std::string& headers,
                         const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const char* kHttpType = "application/http; msgtype=response";

// ---- single-page files ----

TEST(IngestTextTest, ReadsUtf8TextDroppingBomAndNormalisingLineEnds) {
  TempDir dir;
  const auto path = dir.Write("note.txt", "\xEF\xBB\xBFLine one\r\nLine two\rLine three\n");
  Outcome run = Ingest({path});
  ASSERT_TRUE(run.status.ok());
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 1u);
  EXPECT_EQ(run.pages[0].content, "Line one\nLine two\nLine three\n");
  EXPECT_EQ(run.pages[0].format, PageFormat::kText);
  EXPECT_EQ(run.pages[0].locator, path);
  EXPECT_EQ(run.pages[0].hint_outlet, "");  // name does not follow the convention
}

TEST(IngestTextTest, RejectsEmptyAndWhitespaceOnlyFiles) {
  TempDir dir;
  const auto empty = dir.Write("empty.txt", "");
  const auto blank = dir.Write("blank.text", "\xEF\xBB\xBF \n\t\r\n");
  Outcome run = Ingest({empty, blank});
  EXPECT_TRUE(run.status.ok());  // the files opened; the pages are what is bad
  EXPECT_TRUE(run.pages.empty());
  ASSERT_EQ(run.errors.size(), 2u);
  EXPECT_EQ(run.errors[0].code(), Status::Code::kBadInput);
  EXPECT_EQ(run.errors[0].locator(), empty);
  EXPECT_EQ(run.errors[0].message(), "empty file");
  EXPECT_EQ(run.errors[1].locator(), blank);
  EXPECT_EQ(run.errors[1].message(), "empty file (only whitespace)");
}

TEST(IngestTextTest, RejectsRandomBytesAsBinaryNamingTheFirstControlByte) {
  std::mt19937 rng(42);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xff);
  noise[0] = 'x';  // not a blank file by accident
  const size_t nul = noise.find('\0');
  ASSERT_NE(nul, std::string::npos);

  std::string no_nul = noise;  // still binary: control bytes, not NUL
  for (char& c : no_nul)
    if (c == '\0') c = '\x01';

  TempDir dir;
  Outcome run = Ingest({dir.Write("noise.txt", noise), dir.Write("noise2.txt", no_nul)});
  EXPECT_TRUE(run.pages.empty());
  ASSERT_EQ(run.errors.size(), 2u);
  EXPECT_EQ(run.errors[0].code(), Status::Code::kBadInput);
  EXPECT_THAT(run.errors[0].message(), HasSubstr("binary data ("));
  size_t first = 0;
  while (!IsControlByte(static_cast<unsigned char>(noise[first]))) ++first;
  EXPECT_LE(first, nul);
  EXPECT_THAT(run.errors[0].message(),
              HasSubstr("the first at offset " + std::to_string(first) + ")"));
  EXPECT_THAT(run.errors[1].message(), HasSubstr("binary data ("));
  EXPECT_THAT(run.errors[1].message(), HasSubstr("control characters in 4096 bytes"));
}

TEST(IngestTextTest, RejectsInvalidUtf8WithTheOffsetOfTheBadByte) {
  std::string text;
  for (int i = 0; i < 205; ++i) text += "Caf\xC3\xA9 ";  // valid multibyte, 6 bytes each
  text += "abcd";
  ASSERT_EQ(text.size(), 1234u);
  text += "\xFF and more text\n";
  TempDir dir;
  const auto path = dir.Write("bad.txt", "\xEF\xBB\xBF" + text);
  Outcome run = Ingest({path});
  EXPECT_TRUE(run.pages.empty());
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), path);
  // Offsets are into the file as stored, BOM included.
  EXPECT_EQ(run.errors[0].message(), "not UTF-8 text: invalid byte 0xff at offset 1237");
}

TEST(IngestHtmlTest, KeepsBytesAndAcceptsLegacyCharsetsButNotManyNuls) {
  TempDir dir;
  const std::string latin1 = "<html><meta charset=\"iso-8859-1\"><p>Caf\xE9</p></html>\r\n";
  const auto good = dir.Write("cafe.HTM", latin1);
  std::string nuls = "<p>";
  for (int i = 0; i < 10; ++i) nuls += std::string("a\0b", 3);  // 10 NULs in 37 bytes
  const auto binary = dir.Write("nul.html", nuls + "</p>");
  const auto empty = dir.Write("empty.xhtml", "  \n");
  Outcome run = Ingest({good, binary, empty});
  ASSERT_EQ(run.pages.size(), 1u);
  EXPECT_EQ(run.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(run.pages[0].content, latin1);  // CRLF and all: extract decodes
  ASSERT_EQ(run.errors.size(), 2u);
  EXPECT_EQ(run.errors[0].message(),
            "binary data (10 NUL bytes in 37 bytes, the first at offset 4)");
  EXPECT_EQ(run.errors[1].message(), "empty file (only whitespace)");
}

// A stray NUL (a broken crawler, a truncated write) is dropped, not a reason
// to refuse the page: issue 11.
TEST(IngestNulTest, AStrayNulIsDroppedNotRefused) {
  TempDir dir;
  const std::string html = "<html><body><p>Flood waters rose overnight.</p></body></html>";
  const std::string text = "Flood waters rose overnight in the valley.\n";
  const auto h =
      dir.Write("one-nul.html", html.substr(0, 20) + std::string(1, '\0') + html.substr(20));
  const auto t =
      dir.Write("one-nul.txt", text.substr(0, 10) + std::string(1, '\0') + text.substr(10));
  Outcome run = Ingest({h, t});
  EXPECT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 2u);
  EXPECT_EQ(run.pages[0].content, html);
  EXPECT_EQ(run.pages[1].content, text);
}

// Found by ingest_stream_fuzzer: one NUL byte, once dropped, left an empty
// page that ingest handed on.
TEST(IngestNulTest, APageOfOnlyNulsAndBlanksIsEmpty) {
  TempDir dir;
  const auto t = dir.Write("nul.txt", std::string(1, '\0'));
  const auto h = dir.Write("nul.html", std::string("\0 \n\0", 4));
  Outcome run = Ingest({t, h});
  EXPECT_TRUE(run.pages.empty());
  ASSERT_EQ(run.errors.size(), 2u);
  for (const auto& e : run.errors) {
    EXPECT_EQ(e.code(), Status::Code::kBadInput) << e.ToString();
    EXPECT_NE(e.ToString().find("empty"), std::string::npos) << e.ToString();
  }
}

std::string Utf16(std::string_view ascii, bool little) {
  std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) out += little ? std::string{c, '\0'} : std::string{'\0', c};
  return out;
}

// UTF-16 with a BOM was refused as "binary data": issue 11.
TEST(IngestUtf16Test, HtmlWithBomIsKeptForExtractAndTextIsDecoded) {
  TempDir dir;
  const std::string html =
      "<html><head><title>Flood</title></head><body><p>Waters rose.</p></body></html>";
  const std::string text = "Waters rose overnight.\r\nRoads closed.";
  const auto le = dir.Write("le.html", Utf16(html, true));
  const auto be = dir.Write("be.html", Utf16(html, false));
  const auto txt = dir.Write("le.txt", Utf16(text, true));
  Outcome run = Ingest({le, be, txt});
  EXPECT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 3u);
  EXPECT_EQ(run.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(run.pages[0].content, Utf16(html, true));  // untouched: extract decodes
  EXPECT_EQ(run.pages[1].content, Utf16(html, false));
  EXPECT_EQ(run.pages[2].format, PageFormat::kText);
  EXPECT_EQ(run.pages[2].content, "Waters rose overnight.\nRoads closed.");

  Outcome piped = IngestStream(Utf16(html, false));
  ASSERT_EQ(piped.pages.size(), 1u) << (piped.errors.empty() ? "" : piped.errors[0].ToString());
  EXPECT_EQ(piped.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(SniffStream(Utf16(text, true)), StreamKind::kText);
}

TEST(IngestSizeTest, RejectsFilesOverMaxPageBytes) {
  TempDir dir;
  IngestOptions options;
  options.max_page_bytes = 100;
  const auto big = dir.Write("big.txt", std::string(101, 'a'));
  const auto fits = dir.Write("fits.txt", std::string(100, 'a'));
  Outcome run = Ingest({big, fits}, options);
  ASSERT_EQ(run.pages.size(), 1u);
  EXPECT_EQ(run.pages[0].locator, fits);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), big);
  EXPECT_THAT(run.errors[0].message(), HasSubstr("larger than max_page_bytes (100)"));

  Outcome stream = IngestStream(std::string(500, 'b'), options);
  EXPECT_TRUE(stream.pages.empty());
  ASSERT_EQ(stream.errors.size(), 1u);
  EXPECT_THAT(stream.errors[0].message(), HasSubstr("max_page_bytes"));
}

TEST(IngestOptionsTest, ForcedFormatOverridesExtension) {
  TempDir dir;
  IngestOptions options;
  options.format = PageFormat::kText;
  Outcome run = Ingest({dir.Write("page.html", "<p>plain after all</p>")}, options);
  ASSERT_EQ(run.pages.size(), 1u);
  EXPECT_EQ(run.pages[0].format, PageFormat::kText);
}

// ---- JSONL ----

TEST(IngestJsonlTest, ReadsGoodLinesAndReportsBadOnesByLineNumber) {
  const std::string feed =
      "\xEF\xBB\xBF{\"url\":\"https://a.example/1\",\"outlet\":\"Reuters\",\"title\":\"T1\","
      "\"published\":\"2026-02-05\",\"author\":\"Jane Doe\",\"text\":\"Body one.\\r\\nMore.\"}\n"
      "\n"                                                              // 2: blank, skipped
      "{\"url\": \"https://a.example/3\", \"text\": \"unterminated}\n"  // 3: bad JSON
      "[1, 2, 3]\n"                                                     // 4: not an object
      "{\"url\":\"https://a.example/5\",\"title\":\"no body\"}\n"       // 5: no text/html
      "{\"title\":7,\"text\":\"x\"}\n"                                  // 6: wrong type
      "{\"author\":[\"A. One\",\"B. Two\"],\"outlet\":null,\"html\":\"<p>Two</p>\"}\r\n"  // 7
      "{\"author\":[\"A. One\",3],\"text\":\"x\"}\n"  // 8: bad author array
      "{\"text\":\"   \",\"html\":\"\"}\n"            // 9: both blank
      "{\"text\":\"last line, no newline\"}";         // 10
  TempDir dir;
  const auto path = dir.Write("feed.jsonl", feed);
  Outcome run = Ingest({path});
  EXPECT_TRUE(run.status.ok());
  EXPECT_THAT(run.Locators(), ElementsAre(path + ":1", path + ":7", path + ":10"));
  EXPECT_THAT(run.ErrorLocators(), ElementsAre(path + ":3", path + ":4", path + ":5", path + ":6",
                                               path + ":8", path + ":9"));
  for (const auto& e : run.errors) EXPECT_EQ(e.code(), Status::Code::kBadInput);
  EXPECT_THAT(run.errors[0].message(), HasSubstr("invalid JSON"));
  EXPECT_EQ(run.errors[1].message(), "expected a JSON object, found array");
  EXPECT_EQ(run.errors[2].message(), "needs a non-empty \"text\" or \"html\" field");
  EXPECT_EQ(run.errors[3].message(), "field \"title\" must be a string, not number");
  EXPECT_THAT(run.errors[4].message(), HasSubstr("\"author\" must hold only strings"));

  const RawPage& p1 = run.pages[0];
  EXPECT_EQ(p1.url, "https://a.example/1");
  EXPECT_EQ(p1.hint_outlet, "Reuters");
  EXPECT_EQ(p1.hint_title, "T1");
  EXPECT_EQ(p1.hint_published, "2026-02-05");
  EXPECT_EQ(p1.hint_author, "Jane Doe");
  EXPECT_EQ(p1.format, PageFormat::kText);
  EXPECT_EQ(p1.content, "Body one.\nMore.");
  const RawPage& p7 = run.pages[1];
  EXPECT_EQ(p7.format, PageFormat::kHtml);
  EXPECT_EQ(p7.content, "<p>Two</p>");
  EXPECT_EQ(p7.hint_author, "A. One, B. Two");
  EXPECT_EQ(p7.hint_outlet, "");
  EXPECT_EQ(run.pages[2].content, "last line, no newline");
}

// A feed line without "url": the page's own canonical address becomes the
// article's URL, so a report can link to it; a line with one keeps its own.
TEST(IngestJsonlTest, APageWithoutUrlTakesItsCanonicalUrl) {
  const std::string html =
      "<html><head><title>Ferry resumes</title><link rel=\\\"canonical\\\" "
      "href=\\\"/news/ferry-resumes\\\"><meta property=\\\"og:url\\\" "
      "content=\\\"https://harbour.example/news/ferry-resumes\\\"></head><body><p>The harbour "
      "ferry resumed its crossings on Tuesday after a week of storms kept it in port.</p>"
      "<p>Its operator said the timetable would be back to normal by the "
      "weekend.</p></body></html>";
  TempDir dir;
  const auto path = dir.Write("feed.jsonl", "{\"html\":\"" + html +
                                                "\"}\n{\"url\":\"https://"
                                                "feeds.example/item/9\",\"html\":\"" +
                                                html + "\"}\n");
  Outcome run = Ingest({path});
  ASSERT_EQ(run.pages.size(), 2u);
  EXPECT_EQ(run.pages[0].url, "");
  auto a = ExtractArticle(run.pages[0]);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  // Without a page URL the relative canonical cannot be resolved: og:url.
  EXPECT_EQ(a->url, "https://harbour.example/news/ferry-resumes");
  EXPECT_EQ(a->field_sources["url"], "canonical_url");
  auto b = ExtractArticle(run.pages[1]);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->url, "https://feeds.example/item/9");
  EXPECT_EQ(b->canonical_url, "https://feeds.example/news/ferry-resumes");
}

TEST(IngestJsonlTest, OverlongLineIsReportedAndTheNextLineStillRead) {
  IngestOptions options;
  options.max_page_bytes = 64;
  const std::string feed = "{\"text\":\"" + std::string(200, 'a') + "\"}\n{\"text\":\"short\"}\n";
  TempDir dir;
  const auto path = dir.Write("f.ndjson", feed);
  Outcome run = Ingest({path}, options);
  EXPECT_THAT(run.Locators(), ElementsAre(path + ":2"));
  EXPECT_THAT(run.ErrorLocators(), ElementsAre(path + ":1"));
}

TEST(IngestJsonlTest, GzippedJsonlIsRead) {
  TempDir dir;
  const auto path = dir.Write(
      "f.jsonl.gz", GzipMember("{\"text\":\"one\"}\n") + GzipMember("{\"text\":\"two\"}\n"));
  Outcome run = Ingest({path});
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  EXPECT_THAT(run.Locators(), ElementsAre(path + ":1", path + ":2"));
}

// ---- WARC ----

struct WarcFixture {
  std::vector<std::string> records;  // uncompressed, one per future gzip member
  std::vector<std::string> urls;     // of the pages expected, in order
  std::vector<std::string> bodies;
  std::vector<size_t> page_records;  // index into records of each expected page
};

WarcFixture MakeWarc() {
  WarcFixture f;
  const std::string html = "<html><body><p>Ceasefire talks resume.</p></body></html>";
  const std::string html2 = "<html><body><p>Talks stall again.</p></body></html>";
  const std::string plain = "Plain text resource.\n";
  f.records.push_back(WarcRecord("warcinfo", "", "application/warc-fields",
                                 "software: test\r\nformat: WARC File Format 1.0\r\n"));
  f.records.push_back(WarcRecord("request", "https://news.example/a",
                                 "application/http; msgtype=request",
                                 "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"));
  f.records.push_back(WarcRecord(
      "response", "https://news.example/a", kHttpType,
      HttpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\nServer: x\r\n", html)));
  f.records.push_back(
      WarcRecord("response", "https://news.example/missing", kHttpType,
                 HttpResponse("404 Not Found", "Content-Type: text/html\r\n", "<p>gone</p>")));
  f.records.push_back(WarcRecord("response", "https://news.example/logo.png", kHttpType,
                                 HttpResponse("200 OK", "Content-Type: image/png\r\n",
                                              std::string("\x89PNG\r\n\x1a\n\0\0", 10))));
  // As wget stores it: chunked transfer coding over gzip content coding.
  const std::string gz = GzipMember(html2);
  std::string chunked;
  chunked += "a\r\n" + gz.substr(0, 10) + "\r\n";
  char size_hex[16];
  std::snprintf(size_hex, sizeof size_hex, "%zx", gz.size() - 10);
  chunked += std::string(size_hex) + "\r\n" + gz.substr(10) + "\r\n0\r\n\r\n";
  f.records.push_back(
      WarcRecord("response", "<https://news.example/b>", kHttpType,
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
                 "Content-Encoding: gzip\r\n\r\n" +
                     chunked));
  f.records.push_back(WarcRecord("metadata", "https://news.example/b", "application/warc-fields",
                                 "fetchTimeMs: 12\r\n"));
  f.records.push_back(
      WarcRecord("resource", "file:///notes/c.txt", "text/plain; charset=utf-8", plain));
  f.urls = {"https://news.example/a", "https://news.example/b", "file:///notes/c.txt"};
  f.bodies = {html, html2, plain};
  f.page_records = {2, 5, 7};
  return f;
}

// The header value is quoted in the message, which goes to a terminal.
TEST(IngestWarcTest, AnUnsupportedContentEncodingIsNamedWithoutItsEscapes) {
  std::mt19937 rng(3);
  std::string packed(512, '\0');
  for (char& c : packed) c = static_cast<char>(rng());
  const std::string record = WarcRecord(
      "response", "https://news.example/z", kHttpType,
      HttpResponse("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\x1b]0;owned\x07\r\n",
                   packed));
  TempDir dir;
  Outcome run = Ingest({dir.Write("z.warc", record)});
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].message(), "unsupported Content-Encoding: br");
}

TEST(IngestWarcTest, MultiMemberGzipYieldsExactlyTheResponsePayloads) {
  const WarcFixture f = MakeWarc();
  std::string file;
  std::vector<size_t> member_offsets;
  for (const auto& r : f.records) {
    member_offsets.push_back(file.size());
    file += GzipMember(r);
  }
  TempDir dir;
  const auto path = dir.Write("crawl.warc.gz", file);
  Outcome run = Ingest({path});
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(run.pages[i].url, f.urls[i]);
    EXPECT_EQ(run.pages[i].content, f.bodies[i]);
    EXPECT_EQ(run.pages[i].locator, path + "@" + std::to_string(member_offsets[f.page_records[i]]));
  }
  EXPECT_EQ(run.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(run.pages[2].format, PageFormat::kText);
  EXPECT_EQ(run.stats.skipped_records, 5u);  // warcinfo, request, 404, png, metadata
  EXPECT_EQ(run.pages[0].hint_charset, "utf-8") << "the HTTP charset travels to extract";
  EXPECT_EQ(run.pages[1].hint_charset, "") << "no charset declared";
}

TEST(IngestWarcTest, UncompressedWarcUsesRecordOffsets) {
  const WarcFixture f = MakeWarc();
  std::string file;
  std::vector<size_t> offsets;
  for (const auto& r : f.records) {
    offsets.push_back(file.size());
    file += r;
  }
  TempDir dir;
  const auto path = dir.Write("crawl.warc", file);
  Outcome run = Ingest({path});
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(run.pages[i].content, f.bodies[i]);
    EXPECT_EQ(run.pages[i].locator, path + "@" + std::to_string(offsets[f.page_records[i]]));
  }

  // The same archive whole-file gzipped: one member, so offsets say where in it.
  const auto gz = dir.Write("whole.warc.gz", GzipMember(file));
  Outcome whole = Ingest({gz});
  ASSERT_TRUE(whole.errors.empty()) << whole.errors[0].ToString();
  ASSERT_EQ(whole.pages.size(), 3u);
  EXPECT_EQ(whole.pages[1].locator, gz + "@0+" + std::to_string(offsets[f.page_records[1]]));
}

TEST(IngestWarcTest, MalformedRecordIsReportedAndReadingResumesAtTheNextRecord) {
  const WarcFixture f = MakeWarc();
  std::string broken = f.records[2];
  broken.replace(broken.find("Content-Length: "), 16, "Content-Length: x");
  const std::string file = broken + f.records[5];
  TempDir dir;
  const auto path = dir.Write("broken.warc", file);
  Outcome run = Ingest({path});
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), path + "@0");
  EXPECT_THAT(run.errors[0].message(), HasSubstr("Content-Length"));
  ASSERT_EQ(run.pages.size(), 1u);
  EXPECT_EQ(run.pages[0].url, "https://news.example/b");
  EXPECT_EQ(run.pages[0].locator, path + "@" + std::to_string(broken.size()));
}

TEST(IngestWarcTest, TruncatedRecordAndTruncatedGzipStopWithAnError) {
  const WarcFixture f = MakeWarc();
  const std::string first = f.records[2];
  const std::string cut = f.records[5].substr(0, f.records[5].size() - 40);
  TempDir dir;
  const auto plain = dir.Write("cut.warc", first + cut);
  Outcome run = Ingest({plain});
  ASSERT_EQ(run.pages.size(), 1u);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), plain + "@" + std::to_string(first.size()));
  EXPECT_THAT(run.errors[0].message(), HasSubstr("truncated record"));

  const std::string m1 = GzipMember(first);
  const std::string m2 = GzipMember(f.records[5]);
  const auto gz = dir.Write("cut.warc.gz", m1 + m2.substr(0, m2.size() / 2));
  Outcome gzrun = Ingest({gz});
  ASSERT_EQ(gzrun.pages.size(), 1u);
  ASSERT_EQ(gzrun.errors.size(), 1u);
  EXPECT_EQ(gzrun.errors[0].locator(), gz + "@" + std::to_string(m1.size()));
  EXPECT_THAT(gzrun.errors[0].message(), HasSubstr("truncated gzip data"));
}

TEST(IngestWarcTest, NotAWarcAtAllIsOneError) {
  TempDir dir;
  const auto path = dir.Write("fake.warc", "hello\nworld\n");
  Outcome run = Ingest({path});
  EXPECT_TRUE(run.pages.empty());
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), path + "@0");
}

// ---- directories and sources ----

TEST(IngestDirTest, WalksRecursivelyInByteOrderSkippingHiddenAndUnknown) {
  Outcome run = Ingest({kCorpus});
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  std::vector<std::string> rel;
  for (const auto& l : run.Locators()) rel.push_back(l.substr(kCorpus.size() + 1));
  EXPECT_THAT(rel, ElementsAre("2026-02-05_straits-times.txt", "B.txt", "a/page.html",
                               "a/z/feed.jsonl:1", "a/z/feed.jsonl:2", "a-b.txt", "b.htm"));
  EXPECT_EQ(run.stats.skipped_files, 2u);  // .hidden.txt, notes.md
  EXPECT_EQ(run.stats.files, 6u);
  EXPECT_EQ(run.stats.pages, 7u);
  EXPECT_EQ(run.pages[0].hint_outlet, "Straits Times");
  EXPECT_EQ(run.pages[0].hint_published, "2026-02-05");
  EXPECT_EQ(run.pages[3].hint_author, "Jane Doe, John Roe");

  // Same corpus, same order, same ids: re-ingesting is deterministic.
  Outcome again = Ingest({kCorpus});
  ASSERT_EQ(again.pages.size(), run.pages.size());
  for (size_t i = 0; i < run.pages.size(); ++i) {
    EXPECT_EQ(PageId(again.pages[i]), PageId(run.pages[i]));
  }
}

TEST(IngestDirTest, MissingPathsAreReturnedButOtherSourcesStillRead) {
  const std::string good = kCorpus + "/b.htm";
  Outcome run = Ingest({"/no/such/first.txt", good, "/no/such/second"});
  EXPECT_FALSE(run.status.ok());
  EXPECT_EQ(run.status.code(), Status::Code::kIoError);
  EXPECT_EQ(run.status.locator(), "/no/such/first.txt");
  EXPECT_THAT(run.status.message(), HasSubstr("no such file"));
  EXPECT_THAT(run.status.message(), HasSubstr("/no/such/second"));
  EXPECT_THAT(run.Locators(), ElementsAre(good));
  EXPECT_TRUE(run.errors.empty());
}

TEST(IngestDirTest, ExplicitFileOfUnknownExtensionIsSniffed) {
  TempDir dir;
  Outcome run = Ingest({dir.Write("page.dat", "  <html><p>x</p></html>"),
                        dir.Write("feed.log", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")});
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 3u);
  EXPECT_EQ(run.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(run.pages[2].locator, dir.path() + "/feed.log:2");
}

// ---- file-name hints ----

TEST(IngestHintsTest, ParsesOnlyTheExactConvention) {
  auto h = ParseFileNameHints("2026-02-05_straits-times.txt");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->published, "2026-02-05");
  EXPECT_EQ(h->outlet, "Straits Times");
  EXPECT_EQ(ParseFileNameHints("2026-02-05_financial-news.html")->outlet, "Financial News");
  EXPECT_EQ(ParseFileNameHints("2025-12-31_bbc.htm")->outlet, "Bbc");
  EXPECT_FALSE(ParseFileNameHints("2026-02-30_straits-times.txt"));  // no such day
  EXPECT_FALSE(ParseFileNameHints("2026-2-05_straits-times.txt"));
  EXPECT_FALSE(ParseFileNameHints("2026-02-05-straits-times.txt"));
  EXPECT_FALSE(ParseFileNameHints("2026-02-05_.txt"));
  EXPECT_FALSE(ParseFileNameHints("2026-02-05_straits--times.txt"));
  EXPECT_FALSE(ParseFileNameHints("2026-02-05_straits times.txt"));
  EXPECT_FALSE(ParseFileNameHints("2026-02-05_straits-times"));
  EXPECT_FALSE(ParseFileNameHints("x2026-02-05_straits-times.txt"));
  EXPECT_EQ(OutletFromSlug("the-new-york-times"), "The New York Times");
  EXPECT_EQ(OutletFromSlug("abc7"), "Abc7");
}

TEST(IngestHintsTest, ContainersTakeNoNameHints) {
  TempDir dir;
  Outcome run = Ingest({dir.Write("2026-02-05_wire.jsonl", "{\"text\":\"a\"}\n")});
  ASSERT_EQ(run.pages.size(), 1u);
  EXPECT_EQ(run.pages[0].hint_outlet, "");
  EXPECT_EQ(run.pages[0].hint_published, "");
}

// ---- stdin ----

TEST(IngestStdinTest, SniffsEachKind) {
  EXPECT_EQ(SniffStream("\xEF\xBB\xBF\n  <!doctype html><p>x"), StreamKind::kHtml);
  EXPECT_EQ(SniffStream("\n\n{\"text\": \"a\"}\r\n{\"text\": \"b\"}\n"), StreamKind::kJsonl);
  EXPECT_EQ(SniffStream("{not json} but prose\n"), StreamKind::kText);
  EXPECT_EQ(SniffStream("[1,2]\n"), StreamKind::kText);  // JSON, but not an object
  EXPECT_EQ(SniffStream("{\"text\": \"a very long li", /*complete=*/false), StreamKind::kJsonl);
  EXPECT_EQ(SniffStream("{\"text\": \"a very long li", /*complete=*/true), StreamKind::kText);
  EXPECT_EQ(SniffStream("WARC/1.0\r\nWARC-Type: warcinfo\r\n"), StreamKind::kWarc);
  EXPECT_EQ(SniffStream("\x1f\x8b\x08\x00"), StreamKind::kGzip);
  EXPECT_EQ(SniffStream("KYIV (Reuters) - Talks resumed.\n"), StreamKind::kText);
  EXPECT_EQ(SniffStream(""), StreamKind::kText);
}

TEST(IngestStdinTest, ReadsSniffedStreams) {
  Outcome html = IngestStream("<p>x</p>");
  ASSERT_EQ(html.pages.size(), 1u);
  EXPECT_EQ(html.pages[0].format, PageFormat::kHtml);
  EXPECT_EQ(html.pages[0].locator, "<stdin>");

  Outcome jsonl = IngestStream("{\"text\":\"a\"}\nnot json\n{\"text\":\"b\"}\n");
  EXPECT_THAT(jsonl.Locators(), ElementsAre("<stdin>:1", "<stdin>:3"));
  EXPECT_THAT(jsonl.ErrorLocators(), ElementsAre("<stdin>:2"));

  Outcome text = IngestStream("Plain\r\ntext");
  ASSERT_EQ(text.pages.size(), 1u);
  EXPECT_EQ(text.pages[0].content, "Plain\ntext");

  Outcome empty = IngestStream("");
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].message(), "empty input");

  const WarcFixture f = MakeWarc();
  std::string gz;
  for (const auto& r : f.records) gz += GzipMember(r);
  Outcome warc = IngestStream(gz);
  ASSERT_TRUE(warc.errors.empty()) << warc.errors[0].ToString();
  ASSERT_EQ(warc.pages.size(), 3u);
  EXPECT_EQ(warc.pages[0].url, f.urls[0]);
  EXPECT_THAT(warc.pages[0].locator, HasSubstr("<stdin>@"));
}

// ---- identity ----

TEST(PageIdTest, ContentIdentityIncludingUrlAndOutlet) {
  RawPage a;
  a.url = "https://wire.example/x";
  a.hint_outlet = "AP";
  a.content = "Identical wire copy.";
  a.locator = "feed.jsonl:1";
  RawPage b = a;
  b.locator = "other.jsonl:9";  // where it was found does not change what it is
  EXPECT_EQ(PageId(a), PageId(b));
  EXPECT_EQ(PageId(a), ContentHash(a.url + '\0' + a.hint_outlet + '\0' + a.content));
  b.hint_outlet = "Reuters";  // same wire text carried by another outlet
  EXPECT_NE(PageId(a), PageId(b));
  // The separator keeps field boundaries: ("ab","c") differs from ("a","bc").
  RawPage c, d;
  c.url = "ab";
  c.hint_outlet = "c";
  d.url = "a";
  d.hint_outlet = "bc";
  EXPECT_NE(PageId(c), PageId(d));
}

}  // namespace
}  // namespace newsfuse

namespace newsfuse {
namespace {

// ---- issue 13: gzipped pages in folders, skip reasons, JSONL dates ----

TEST(IngestDirTest, GzippedPagesInAFolderAreReadAndSkippedFilesSayWhy) {
  TempDir dir;
  const std::string text = "The valley council opened a new footbridge on Sunday.\n";
  const std::string html =
      "<html><head><title>Footbridge</title></head><body><p>Opened.</p>"
      "</body></html>";
  dir.Write("in/a.txt.gz", GzipMember(text));
  dir.Write("in/b.html.gz", GzipMember(html));
  dir.Write("in/c.HTM.GZ", GzipMember(html + " "));
  dir.Write("in/d.pdf", "%PDF-1.4");
  dir.Write("in/e.PDF", "%PDF-1.4");
  dir.Write("in/f.gz", GzipMember(text));
  dir.Write("in/README", "notes");
  dir.Write("in/.cache", "x");
  Outcome run = Ingest({dir.path() + "/in"});
  ASSERT_TRUE(run.status.ok()) << run.status.ToString();
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 3u);
  EXPECT_EQ(run.pages[0].format, PageFormat::kText);
  EXPECT_EQ(run.pages[0].content, text);
  EXPECT_EQ(run.pages[1].format, PageFormat::kHtml);
  EXPECT_EQ(run.pages[1].content, html);
  EXPECT_EQ(run.pages[2].format, PageFormat::kHtml);
  EXPECT_EQ(run.stats.skipped_files, 5u);
  EXPECT_EQ(run.stats.skipped_why,
            (std::map<std::string, size_t>{{"hidden", 1},
                                           {"unknown type (no extension)", 1},
                                           {"unknown type .gz", 1},
                                           {"unknown type .pdf", 2}}));
}

TEST(IngestDirTest, ACorruptGzippedPageIsOneErrorNamingTheFile) {
  TempDir dir;
  std::string broken = GzipMember("A page about the harbour and its new pier, long enough.\n");
  broken.resize(broken.size() / 2);
  const std::string path = dir.Write("in/bad.txt.gz", broken);
  dir.Write("in/good.txt", "The pier opened.\n");
  Outcome run = Ingest({dir.path() + "/in"});
  ASSERT_EQ(run.pages.size(), 1u);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), path);
}

TEST(IngestJsonlTest, OtherNamesOfThePublicationDateAreRead) {
  Outcome run = IngestStream(
      "{\"text\":\"one\",\"pubDate\":\"Tue, 03 Mar 2026 10:00:00 GMT\"}\n"
      "{\"text\":\"two\",\"published_at\":\"2026-03-04T08:00:00Z\"}\n"
      "{\"text\":\"three\",\"date\":\"2026-03-05\"}\n"
      "{\"text\":\"four\",\"published\":\"2026-03-06\",\"date\":\"1999-01-01\"}\n"
      "{\"text\":\"five\",\"date\":null,\"pubDate\":\"2026-03-07\"}\n");
  ASSERT_TRUE(run.errors.empty()) << run.errors[0].ToString();
  ASSERT_EQ(run.pages.size(), 5u);
  EXPECT_EQ(run.pages[0].hint_published, "Tue, 03 Mar 2026 10:00:00 GMT");
  EXPECT_EQ(run.pages[1].hint_published, "2026-03-04T08:00:00Z");
  EXPECT_EQ(run.pages[2].hint_published, "2026-03-05");
  EXPECT_EQ(run.pages[3].hint_published, "2026-03-06") << "\"published\" comes first";
  EXPECT_EQ(run.pages[4].hint_published, "2026-03-07");
  EXPECT_TRUE(run.stats.ignored_fields.empty());
}

TEST(IngestJsonlTest, UnknownFieldsAreCountedAndAWrongDateTypeIsAnError) {
  Outcome run = IngestStream(
      "{\"text\":\"one\",\"category\":\"local\",\"tags\":[\"a\"]}\n"
      "{\"text\":\"two\",\"category\":\"sport\"}\n"
      "{\"text\":\"three\",\"pubDate\":20260303}\n");
  ASSERT_EQ(run.pages.size(), 2u);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].locator(), "<stdin>:3");
  EXPECT_THAT(run.errors[0].message(), HasSubstr("\"pubDate\" must be a string"));
  EXPECT_EQ(run.stats.ignored_fields,
            (std::map<std::string, size_t>{{"category", 2}, {"tags", 1}}));

  // A new name on every line is tallied within bounds.
  std::string many;
  for (int i = 0; i < 100; ++i) {
    many += "{\"text\":\"t\",\"f" + std::to_string(i) + "\":1}\n";
  }
  Outcome wide = IngestStream(many);
  EXPECT_EQ(wide.pages.size(), 100u);
  EXPECT_LE(wide.stats.ignored_fields.size(), 33u);
  EXPECT_EQ(wide.stats.ignored_fields.at("(other fields)"), 100u - 32u);
}

}  // namespace
}  // namespace newsfuse
