#include "gzip_file.h"

#include <zlib.h>

namespace newsfuse::bench {

bool ReadGzip(const std::filesystem::path& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return n == 0;
}

}  // namespace newsfuse::bench
