// Internal to ingest: the byte plumbing under the format readers.
//
// Every container is read through a ByteSource chain, e.g.
//   FileSource ─► GzipSource ─► BufferedReader ─► ReadWarc
// so memory stays bounded by one buffer per stage whatever the file size, and
// stdin, files and compressed data share one code path.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsfuse::ingest_internal {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `n` bytes into `buf`. 0 means the data ended; error() says whether
  // it ended cleanly.
  virtual size_t Read(char* buf, size_t n) = 0;
  // Empty while all is well; otherwise why reading stopped early.
  virtual const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

class FileSource : public ByteSource {
 public:
  // `bytes_read`, when given, is advanced by every read: the raw bytes taken
  // from the file, which a progress line compares with the file sizes.
  explicit FileSource(std::FILE* file, uint64_t* bytes_read = nullptr)
      : file_(file), bytes_read_(bytes_read) {}
  size_t Read(char* buf, size_t n) override;

 private:
  std::FILE* file_;
  uint64_t* bytes_read_;
};

class IstreamSource : public ByteSource {
 public:
  explicit IstreamSource(std::istream& in) : in_(in) {}
  size_t Read(char* buf, size_t n) override;

 private:
  std::istream& in_;
};

// Inflates gzip data, including multi-member files (one member per record, as
// Common Crawl writes them), and remembers where each member starts so a
// record can be located by the compressed offset that CDX indices and HTTP
// range requests use.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(ByteSource& in);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  size_t Read(char* buf, size_t n) override;

  // For an uncompressed offset that has already been read: the compressed
  // offset of the member it lies in, and its distance from that member's
  // first byte. Calls must come with non-decreasing offsets (older members
  // are forgotten to keep memory bounded).
  std::pair<uint64_t, uint64_t> Locate(uint64_t uncompressed_offset);

 private:
  struct Member {
    uint64_t uncompressed_start;
    uint64_t compressed_start;
  };
  bool Refill();
  uint64_t Consumed() const { return fed_ - zs_.avail_in; }

  ByteSource& in_;
  z_stream zs_{};
  std::vector<unsigned char> inbuf_;
  bool in_eof_ = false;
  bool member_done_ = false;
  bool finished_ = false;
  uint64_t fed_ = 0;
  uint64_t out_total_ = 0;
  std::deque<Member> members_;
};

// Buffered reads with lines, exact counts and look-ahead on any ByteSource.
// It is itself a ByteSource so sniffed data can be handed on (e.g. to a
// GzipSource) without losing the bytes already peeked at.
class BufferedReader : public ByteSource {
 public:
  explicit BufferedReader(ByteSource& src, size_t chunk = 1 << 16);

  size_t Read(char* buf, size_t n) override;
  const std::string& error() const override { return src_.error(); }

  // Up to `n` bytes from the current position, without consuming them.
  std::string_view Peek(size_t n);
  // True if nothing more can be read.
  bool AtEnd();

  enum class Line { kOk, kTooLong, kEnd };
  // The next line into `*line`, without its '\n'. A line longer than `max`
  // is consumed whole but not stored (kTooLong), so a hostile input cannot
  // make us buffer it.
  Line ReadLine(std::string* line, size_t max);
  // Appends up to `n` bytes to `*out`; returns how many (fewer only at the end).
  size_t ReadN(size_t n, std::string* out);
  // Discards up to `n` bytes; returns how many.
  uint64_t Skip(uint64_t n);
  // Bytes consumed so far.
  uint64_t offset() const { return offset_; }

 private:
  bool Fill();  // makes at least one byte available; false at the end
  void Consume(size_t n) {
    pos_ += n;
    offset_ += n;
  }

  ByteSource& src_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  uint64_t offset_ = 0;
};

// Reads until the end or until more than `limit` bytes arrived (then returns
// false with `*out` holding limit + 1 bytes), so an oversized input costs at
// most limit + 1 bytes of memory.
bool ReadAtMost(ByteSource& src, size_t limit, std::string* out);

// Inflates a whole gzip, zlib or raw deflate buffer (HTTP Content-Encoding).
// False, with the reason in `*why`, if the data is not valid or inflates to
// more than `limit` bytes (a compression bomb must not exhaust memory).
bool InflateBuffer(std::string_view in, size_t limit, std::string* out, std::string* why);

}  // namespace newsfuse::ingest_internal
