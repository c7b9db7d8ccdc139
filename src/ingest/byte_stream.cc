#include "ingest/byte_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsfuse::ingest_internal {

size_t FileSource::Read(char* buf, size_t n) {
  const size_t got = std::fread(buf, 1, n, file_);
  if (got == 0 && std::ferror(file_) && error_.empty()) {
    error_ = std::string("read error: ") + std::strerror(errno);
  }
  if (bytes_read_) *bytes_read_ += got;
  return got;
}

size_t IstreamSource::Read(char* buf, size_t n) {
  in_.read(buf, static_cast<std::streamsize>(n));
  const auto got = static_cast<size_t>(in_.gcount());
  if (got == 0 && in_.bad() && error_.empty()) error_ = "read error";
  return got;
}

// ---- GzipSource ----

GzipSource::GzipSource(ByteSource& in) : in_(in), inbuf_(1 << 16) {
  // 16 + MAX_WBITS: gzip framing only. A zlib or raw stream is not what a
  // .gz file holds, and accepting it would hide a mislabelled file.
  if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
    error_ = "cannot initialise zlib";
    finished_ = true;
  }
  members_.push_back({0, 0});
}

GzipSource::~GzipSource() { inflateEnd(&zs_); }

bool GzipSource::Refill() {
  const size_t got = in_.Read(reinterpret_cast<char*>(inbuf_.data()), inbuf_.size());
  if (got == 0) {
    in_eof_ = true;
    if (!in_.error().empty() && error_.empty()) error_ = in_.error();
    return false;
  }
  zs_.next_in = inbuf_.data();
  zs_.avail_in = static_cast<uInt>(got);
  fed_ += got;
  return true;
}

size_t GzipSource::Read(char* buf, size_t n) {
  if (finished_ || n == 0) return 0;
  for (;;) {
    if (member_done_) {
      // Another member may follow; only more input can tell.
      if (zs_.avail_in == 0 && !Refill()) {
        finished_ = true;
        return 0;
      }
      inflateReset(&zs_);
      member_done_ = false;
      members_.push_back({out_total_, Consumed()});
    }
    if (zs_.avail_in == 0 && !in_eof_) Refill();
    if (fed_ == 0) {  // an empty file is not a broken one; the caller reports emptiness
      finished_ = true;
      return 0;
    }
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt before = zs_.avail_out;
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    const size_t got = before - zs_.avail_out;
    out_total_ += got;
    if (rc == Z_STREAM_END) {
      member_done_ = true;
      if (got > 0) return got;
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      finished_ = true;
      error_ = "corrupt gzip data near compressed offset " + std::to_string(Consumed()) +
               (zs_.msg ? std::string(" (") + zs_.msg + ")" : std::string());
      return got;
    }
    if (got > 0) return got;
    if (zs_.avail_in == 0 && in_eof_) {
      finished_ = true;
      if (error_.empty()) {
        error_ = "truncated gzip data: the file ends inside the member at compressed offset " +
                 std::to_string(members_.back().compressed_start);
      }
      return 0;
    }
  }
}

std::pair<uint64_t, uint64_t> GzipSource::Locate(uint64_t uncompressed_offset) {
  while (members_.size() >= 2 && members_[1].uncompressed_start <= uncompressed_offset) {
    members_.pop_front();
  }
  const Member& m = members_.front();
  return {m.compressed_start, uncompressed_offset - m.uncompressed_start};
}

// ---- BufferedReader ----

BufferedReader::BufferedReader(ByteSource& src, size_t chunk) : src_(src), buf_(chunk) {}

bool BufferedReader::Fill() {
  if (pos_ < end_) return true;
  if (eof_) return false;
  pos_ = end_ = 0;
  end_ = src_.Read(buf_.data(), buf_.size());
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

bool BufferedReader::AtEnd() { return !Fill(); }

size_t BufferedReader::Read(char* buf, size_t n) {
  if (!Fill()) return 0;
  const size_t take = std::min(n, end_ - pos_);
  std::memcpy(buf, buf_.data() + pos_, take);
  Consume(take);
  return take;
}

std::string_view BufferedReader::Peek(size_t n) {
  if (end_ - pos_ < n && !eof_) {
    if (pos_ > 0) {
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    }
    if (buf_.size() < n) buf_.resize(n);
    while (end_ < n) {
      const size_t got = src_.Read(buf_.data() + end_, buf_.size() - end_);
      if (got == 0) {
        eof_ = true;
        break;
      }
      end_ += got;
    }
  }
  return std::string_view(buf_.data() + pos_, std::min(n, end_ - pos_));
}

BufferedReader::Line BufferedReader::ReadLine(std::string* line, size_t max) {
  line->clear();
  bool any = false;
  bool too_long = false;
  while (Fill()) {
    any = true;
    const char* start = buf_.data() + pos_;
    const size_t avail = end_ - pos_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    const size_t take = nl ? static_cast<size_t>(nl - start) : avail;
    if (!too_long) {
      if (line->size() + take > max) {
        too_long = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    Consume(take);
    if (nl) {
      Consume(1);
      return too_long ? Line::kTooLong : Line::kOk;
    }
  }
  if (!any) return Line::kEnd;
  return too_long ? Line::kTooLong : Line::kOk;
}

size_t BufferedReader::ReadN(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n && Fill()) {
    const size_t take = std::min(n - done, end_ - pos_);
    out->append(buf_.data() + pos_, take);
    Consume(take);
    done += take;
  }
  return done;
}

uint64_t BufferedReader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n && Fill()) {
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - pos_));
    Consume(take);
    done += take;
  }
  return done;
}

// ---- whole-buffer helpers ----

bool ReadAtMost(ByteSource& src, size_t limit, std::string* out) {
  out->clear();
  char chunk[1 << 16];
  for (;;) {
    const size_t got = src.Read(chunk, sizeof chunk);
    if (got == 0) return true;
    const size_t room = limit + 1 - out->size();
    out->append(chunk, std::min(got, room));
    if (out->size() > limit) return false;
  }
}

namespace {

// window_bits selects the framing; see zlib.h for inflateInit2.
bool InflateWith(int window_bits, std::string_view in, size_t limit, std::string* out,
                 std::string* why) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) {
    *why = "cannot initialise zlib";
    return false;
  }
  out->clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char chunk[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    const size_t got = sizeof chunk - zs.avail_out;
    if (out->size() + got > limit) {
      inflateEnd(&zs);
      *why = "decoded payload is larger than max_page_bytes (" + std::to_string(limit) + ")";
      return false;
    }
    out->append(chunk, got);
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // input ended mid-stream
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    *why = zs.msg ? zs.msg : "truncated compressed data";
    return false;
  }
  return true;
}

}  // namespace

bool InflateBuffer(std::string_view in, size_t limit, std::string* out, std::string* why) {
  // Servers label raw deflate as "deflate" as often as zlib-wrapped data, so
  // auto-detected gzip/zlib is tried first and raw deflate second.
  if (InflateWith(32 + MAX_WBITS, in, limit, out, why)) return true;
  if (why->find("max_page_bytes") != std::string::npos) return false;
  std::string why_raw;
  if (InflateWith(-MAX_WBITS, in, limit, out, &why_raw)) return true;
  return false;
}

}  // namespace newsfuse::ingest_internal
