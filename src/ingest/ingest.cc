#include "ingest/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/hash.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "ingest/byte_stream.h"
#include "ingest/formats.h"

namespace newsfuse {
namespace ingest_internal {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

namespace {

// CRLF and lone CR (classic Mac) both become LF, so offsets computed by later
// stages do not depend on the platform that wrote the file.
void NormaliseNewlines(std::string* s) {
  if (s->find('\r') == std::string::npos) return;
  size_t w = 0;
  for (size_t r = 0; r < s->size(); ++r) {
    const char c = (*s)[r];
    if (c == '\r') {
      (*s)[w++] = '\n';
      if (r + 1 < s->size() && (*s)[r + 1] == '\n') ++r;
    } else {
      (*s)[w++] = c;
    }
  }
  s->resize(w);
}

// What the binary test found, for the message: "binary data (40 NUL bytes in
// 4096 bytes, the first at offset 12)".
template <typename Counted>
std::string BinaryReason(std::string_view bytes, std::string_view kind, Counted counted) {
  size_t count = 0, first = std::string_view::npos;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (!counted(static_cast<unsigned char>(bytes[i]))) continue;
    if (count++ == 0) first = i;
  }
  return "binary data (" + std::to_string(count) + " " + std::string(kind) + " in " +
         std::to_string(bytes.size()) + " bytes, the first at offset " + std::to_string(first) +
         ")";
}

}  // namespace

std::optional<std::string> PreparePage(PageFormat format, std::string_view what,
                                       std::string* content) {
  if (const auto utf16 = SniffUtf16(*content)) {
    // UTF-16 is text with a NUL beside every ASCII character, not binary.
    // HTML keeps its bytes (extract decodes, as for any charset); plain text
    // is converted here, since kText content must be UTF-8.
    if (format == PageFormat::kHtml) return std::nullopt;
    *content = Utf16ToUtf8(std::string_view(*content).substr(utf16->bom_bytes), utf16->order);
  }
  const std::string_view bytes = *content;
  const bool bom = bytes.starts_with(kBom);
  if (Trim(bom ? bytes.substr(kBom.size()) : bytes).empty()) {
    return "empty " + std::string(what) + (bytes.empty() ? "" : " (only whitespace)");
  }
  // A few stray NULs (a broken crawler, a truncated write) do not make a page
  // binary; many do. HTML counts only NULs: its legacy charsets are
  // legitimate and some use other control bytes.
  const size_t nuls = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
  if (format == PageFormat::kHtml) {
    if (TooManyControlBytes(nuls, bytes.size())) {
      return BinaryReason(bytes, "NUL bytes", [](unsigned char c) { return c == 0; });
    }
  } else if (LooksBinary(bytes)) {
    return BinaryReason(bytes, "control characters", IsControlByte);
  } else if (const auto bad = FirstInvalidUtf8(bytes)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(bytes[*bad]));
    return "not UTF-8 text: invalid byte " + std::string(hex) + " at offset " +
           std::to_string(*bad);
  }
  // NUL is U+0000 in UTF-8 and in every ASCII-compatible charset, so
  // dropping it is safe before decoding; later stages and C APIs never see it.
  if (nuls > 0) {
    std::erase(*content, '\0');
    // A page of only NULs (and blanks) is as empty as a blank one.
    const std::string_view rest = *content;
    if (Trim(rest.starts_with(kBom) ? rest.substr(kBom.size()) : rest).empty()) {
      return "empty " + std::string(what) + " (only NUL bytes and whitespace)";
    }
  }
  if (format == PageFormat::kHtml) return std::nullopt;
  if (content->starts_with(kBom)) content->erase(0, kBom.size());
  NormaliseNewlines(content);
  return std::nullopt;
}

namespace {

namespace fs = std::filesystem;

enum class FileKind { kUnknown, kText, kHtml, kTextGz, kHtmlGz, kJsonl, kJsonlGz, kWarc, kWarcGz };

FileKind KindForName(std::string_view file_name) {
  const std::string name = AsciiLower(file_name);
  auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
  if (ends(".warc.gz")) return FileKind::kWarcGz;
  if (ends(".warc")) return FileKind::kWarc;
  if (ends(".jsonl.gz") || ends(".ndjson.gz")) return FileKind::kJsonlGz;
  if (ends(".jsonl") || ends(".ndjson")) return FileKind::kJsonl;
  if (ends(".txt.gz") || ends(".text.gz")) return FileKind::kTextGz;
  if (ends(".html.gz") || ends(".htm.gz") || ends(".xhtml.gz")) return FileKind::kHtmlGz;
  if (ends(".txt") || ends(".text")) return FileKind::kText;
  if (ends(".html") || ends(".htm") || ends(".xhtml")) return FileKind::kHtml;
  return FileKind::kUnknown;
}

// Enough to see past a BOM and blank lines to the first line of almost any
// JSONL file; SniffStream copes with a first line longer than this.
constexpr size_t kSniffBytes = 64 << 10;

void ReadSinglePage(ByteSource& src, const std::string& name, PageFormat format,
                    const std::optional<FileNameHints>& hints, std::string_view what,
                    const Emitter& emit) {
  const size_t max = emit.options.max_page_bytes;
  std::string content;
  if (!ReadAtMost(src, max, &content)) {
    emit.Error(
        Status::BadInput(name, "larger than max_page_bytes (" + std::to_string(max) + " bytes)"));
    return;
  }
  if (!src.error().empty()) {
    emit.Error(Status::IoError(name, src.error()));
    return;
  }
  if (auto bad = PreparePage(format, what, &content)) {
    emit.Error(Status::BadInput(name, *bad));
    return;
  }
  RawPage page;
  page.locator = name;
  page.format = format;
  page.content = std::move(content);
  if (hints) {
    page.hint_published = hints->published;
    page.hint_outlet = hints->outlet;
  }
  emit.Page(std::move(page));
}

void ReadSniffed(BufferedReader& in, const std::string& name,
                 const std::optional<FileNameHints>& hints, std::string_view what, bool allow_gzip,
                 const Emitter& emit) {
  if (emit.options.format != PageFormat::kAuto) {
    ReadSinglePage(in, name, emit.options.format, hints, what, emit);
    return;
  }
  const std::string_view head = in.Peek(kSniffBytes);
  switch (SniffStream(head, head.size() < kSniffBytes)) {
    case StreamKind::kGzip: {
      if (!allow_gzip) {
        emit.Error(Status::BadInput(name, "gzip data inside gzip data is not supported"));
        return;
      }
      GzipSource gzip(in);
      BufferedReader inner(gzip);
      const std::string_view inner_head = inner.Peek(kSniffBytes);
      if (SniffStream(inner_head, inner_head.size() < kSniffBytes) == StreamKind::kWarc) {
        ReadWarc(inner, &gzip, name, emit);
      } else {
        ReadSniffed(inner, name, hints, what, false, emit);
      }
      return;
    }
    case StreamKind::kWarc:
      ReadWarc(in, nullptr, name, emit);
      return;
    case StreamKind::kJsonl:
      ReadJsonl(in, name, emit);
      return;
    case StreamKind::kHtml:
      ReadSinglePage(in, name, PageFormat::kHtml, hints, what, emit);
      return;
    case StreamKind::kText:
      ReadSinglePage(in, name, PageFormat::kText, hints, what, emit);
      return;
  }
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads one file. Returns non-ok only when the file cannot be opened; every
// other problem goes to the emitter.
Status ReadFile(const fs::path& path, const std::string& locator, FileKind kind,
                const Emitter& emit) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return Status::IoError(locator, std::string("cannot open: ") + std::strerror(errno));
  ++emit.stats.files;
  FileSource src(file.get(), &emit.stats.bytes_read);
  const size_t max = emit.options.max_page_bytes;

  const PageFormat forced = emit.options.format;
  if (kind == FileKind::kText || kind == FileKind::kHtml ||
      (kind == FileKind::kUnknown && forced != PageFormat::kAuto)) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    // Checked before reading so a 10 GB file costs a stat, not 10 GB of I/O;
    // ReadAtMost bounds pipes and files that grow meanwhile.
    if (!ec && size > max) {
      emit.Error(Status::BadInput(locator, "file is " + std::to_string(size) +
                                               " bytes, larger than max_page_bytes (" +
                                               std::to_string(max) + ")"));
      return Status::Ok();
    }
    PageFormat format = forced;
    if (format == PageFormat::kAuto) {
      format = kind == FileKind::kText ? PageFormat::kText : PageFormat::kHtml;
    }
    ReadSinglePage(src, locator, format, ParseFileNameHints(path.filename().string()), "file",
                   emit);
    return Status::Ok();
  }
  switch (kind) {
    case FileKind::kTextGz:
    case FileKind::kHtmlGz: {
      PageFormat format = forced;
      if (format == PageFormat::kAuto) {
        format = kind == FileKind::kTextGz ? PageFormat::kText : PageFormat::kHtml;
      }
      GzipSource gzip(src);
      ReadSinglePage(gzip, locator, format, ParseFileNameHints(path.filename().string()), "file",
                     emit);
      break;
    }
    case FileKind::kJsonl: {
      BufferedReader in(src);
      ReadJsonl(in, locator, emit);
      break;
    }
    case FileKind::kJsonlGz: {
      GzipSource gzip(src);
      BufferedReader in(gzip);
      ReadJsonl(in, locator, emit);
      break;
    }
    case FileKind::kWarc: {
      BufferedReader in(src);
      ReadWarc(in, nullptr, locator, emit);
      break;
    }
    case FileKind::kWarcGz: {
      GzipSource gzip(src);
      BufferedReader in(gzip);
      ReadWarc(in, &gzip, locator, emit);
      break;
    }
    default: {
      BufferedReader in(src);
      ReadSniffed(in, locator, ParseFileNameHints(path.filename().string()), "file", true, emit);
      break;
    }
  }
  return Status::Ok();
}

void Walk(const fs::path& dir, const Emitter& emit) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    emit.Error(Status::IoError(dir.string(), "cannot list directory: " + ec.message()));
    if (entries.empty()) return;
  }
  // Byte-wise on the native name: locale-independent, so every machine ingests
  // a corpus in the same order and page order never depends on the host.
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().filename().native() < b.path().filename().native();
  });
  auto skip = [&](const std::string& why) {
    ++emit.stats.skipped_files;
    ++emit.stats.skipped_why[why];
  };
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with('.')) {
      skip("hidden");
      continue;
    }
    std::error_code sec;
    if (entry.is_directory(sec)) {
      if (entry.is_symlink(sec)) {
        skip("a symlink to a directory");
      } else {
        Walk(entry.path(), emit);
      }
      continue;
    }
    const FileKind kind = KindForName(name);
    if (!entry.is_regular_file(sec)) {
      skip("not a regular file");
      continue;
    }
    if (kind == FileKind::kUnknown) {
      const std::string ext = AsciiLower(entry.path().extension().string());
      skip(ext.empty() ? "unknown type (no extension)" : "unknown type " + ext);
      continue;
    }
    if (Status s = ReadFile(entry.path(), entry.path().string(), kind, emit); !s.ok()) {
      emit.Error(s);
    }
  }
}

// What Walk would read under `dir`, with its filters; false on an error.
bool WalkBytes(const fs::path& dir, uint64_t* total) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with('.')) continue;
    std::error_code sec;
    if (it->is_directory(sec)) {
      if (!it->is_symlink(sec) && !WalkBytes(it->path(), total)) return false;
      continue;
    }
    if (!it->is_regular_file(sec) || KindForName(name) == FileKind::kUnknown) continue;
    const auto size = it->file_size(sec);
    if (sec) return false;
    *total += size;
  }
  return !ec;
}

}  // namespace
}  // namespace ingest_internal

using namespace ingest_internal;

std::optional<uint64_t> SourceBytes(const std::vector<std::string>& sources) {
  uint64_t total = 0;
  for (const std::string& source : sources) {
    if (source == "-") return std::nullopt;
    std::error_code ec;
    const fs::path path(source);
    if (fs::is_directory(path, ec)) {
      if (!WalkBytes(path, &total)) return std::nullopt;
      continue;
    }
    const auto size = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    total += size;
  }
  return total;
}

StreamKind SniffStream(std::string_view head, bool complete) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return StreamKind::kGzip;
  }
  std::string_view s = head;
  if (const auto utf16 = SniffUtf16(head)) {
    // Only HTML or text come in UTF-16: enough of the head to see the first '<'.
    const std::string decoded = Utf16ToUtf8(head.substr(utf16->bom_bytes, 512), utf16->order);
    const size_t first = decoded.find_first_not_of(" \t\r\n\f\v");
    return first != std::string::npos && decoded[first] == '<' ? StreamKind::kHtml
                                                               : StreamKind::kText;
  }
  if (s.starts_with(kBom)) s.remove_prefix(kBom.size());
  const size_t first = s.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return StreamKind::kText;
  s.remove_prefix(first);
  if (s.starts_with("WARC/1.")) return StreamKind::kWarc;
  if (s.starts_with('<')) return StreamKind::kHtml;
  if (!s.starts_with('{')) return StreamKind::kText;
  const size_t nl = s.find('\n');
  if (nl == std::string_view::npos && !complete) return StreamKind::kJsonl;
  std::string_view line = s.substr(0, nl);
  if (line.ends_with('\r')) line.remove_suffix(1);
  // accept() validates without building a DOM; with the leading '{' checked,
  // valid means "a JSON object".
  return nlohmann::json::accept(line) ? StreamKind::kJsonl : StreamKind::kText;
}

std::optional<FileNameHints> ParseFileNameHints(std::string_view file_name) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_alnum = [&](char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  const size_t dot = file_name.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view stem = file_name.substr(0, dot);
  const std::string_view ext = file_name.substr(dot + 1);
  if (ext.empty() || ext.back() == '.' ||
      !std::all_of(ext.begin(), ext.end(), [&](char c) { return is_alnum(c) || c == '.'; })) {
    return std::nullopt;
  }
  if (stem.size() < 12 || stem[4] != '-' || stem[7] != '-' || stem[10] != '_') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(stem[i])) return std::nullopt;
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (stem[i] - '0');
    return v;
  };
  if (!IsValidDate(num(0, 4), num(5, 2), num(8, 2))) return std::nullopt;
  const std::string_view slug = stem.substr(11);
  if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string_view::npos ||
      !std::all_of(slug.begin(), slug.end(), [&](char c) { return is_alnum(c) || c == '-'; })) {
    return std::nullopt;
  }
  return FileNameHints{std::string(stem.substr(0, 10)), OutletFromSlug(slug)};
}

std::string OutletFromSlug(std::string_view slug) {
  std::string out;
  bool word_start = true;
  for (char c : slug) {
    if (c == '-') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      word_start = true;
      continue;
    }
    if (word_start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out += c;
    word_start = false;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string PageId(const RawPage& page) {
  std::string key;
  key.reserve(page.url.size() + page.hint_outlet.size() + page.content.size() + 2);
  key += page.url;
  key += '\0';
  key += page.hint_outlet;
  key += '\0';
  key += page.content;
  return ContentHash(key);
}

void ReadStream(std::istream& in, const std::string& name, const IngestOptions& options,
                const PageCallback& on_page, const PageErrorCallback& on_error,
                IngestStats* stats) {
  IngestStats local;
  const Emitter emit{options, on_page, on_error, stats ? *stats : local};
  ++emit.stats.files;
  IstreamSource src(in);
  BufferedReader reader(src);
  ReadSniffed(reader, name, std::nullopt, "input", true, emit);
}

Status ReadSources(const std::vector<std::string>& sources, const IngestOptions& options,
                   const PageCallback& on_page, const PageErrorCallback& on_error) {
  return ReadSources(sources, options, on_page, on_error, nullptr);
}

Status ReadSources(const std::vector<std::string>& sources, const IngestOptions& options,
                   const PageCallback& on_page, const PageErrorCallback& on_error,
                   IngestStats* stats) {
  IngestStats local;
  const Emitter emit{options, on_page, on_error, stats ? *stats : local};
  std::vector<Status> unopened;
  for (const std::string& source : sources) {
    if (source == "-") {
      ++emit.stats.files;
      FileSource src(stdin, &emit.stats.bytes_read);
      BufferedReader reader(src);
      ReadSniffed(reader, "<stdin>", std::nullopt, "input", true, emit);
      continue;
    }
    const fs::path path(source);
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found) {
      unopened.push_back(Status::IoError(source, "no such file or directory"));
    } else if (ec) {
      unopened.push_back(Status::IoError(source, "cannot open: " + ec.message()));
    } else if (fs::is_directory(st)) {
      Walk(path, emit);
    } else if (Status s = ReadFile(path, source, KindForName(path.filename().string()), emit);
               !s.ok()) {
      unopened.push_back(std::move(s));
    }
  }
  if (unopened.empty()) return Status::Ok();
  std::string message = unopened.front().message();
  for (size_t i = 1; i < unopened.size(); ++i) {
    message += (i == 1 ? "; also could not open: " : ", ") + unopened[i].locator();
  }
  return Status::IoError(unopened.front().locator(), message);
}

}  // namespace newsfuse
