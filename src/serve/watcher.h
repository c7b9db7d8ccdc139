// `newsfuse serve --watch DIR`: files dropped into a folder are ingested as
// they arrive (inotify), as `newsfuse ingest DIR` would read them.
//
// A file is taken only once it is complete: when the process writing it
// closes it (IN_CLOSE_WRITE) or when it is renamed into the folder
// (IN_MOVED_TO, how careful writers publish a file), never on a creation or
// a partial write. A folder moved in is read as `ingest` reads a folder.
// The watcher only says which paths arrived; what is done with them (and
// every error of that) belongs to the callback, so a bad file can never stop
// the watching.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfuse::serve {

// What `newsfuse ingest DIR` reads in a folder: not hidden (".name", where
// writers keep a file until they rename it in) and of a known type (.txt
// .text .html .htm .xhtml .jsonl .ndjson .warc, each also .gz). A partial
// download ("x.html.part") or an editor's backup ("x.txt~") is passed over.
bool IsWatchedName(std::string_view name);

class DirWatcher {
 public:
  // Called on the watcher's thread, one path at a time, for each file (of a
  // watched name) or folder that arrives; then also for each one already in
  // the folder when watching starts, and again for every entry when the
  // kernel's event queue overflowed (events were lost). A file unchanged
  // (same size and modification time) since it was last given is not given
  // again, so each finished file is ingested and counted once.
  using OnArrival = std::function<void(const std::string& path)>;
  // Called with a line to log when the folder itself goes away or the
  // queue overflows.
  using OnNotice = std::function<void(const std::string& line)>;

  // kUsage when `dir` is not a folder; kIoError when it cannot be watched.
  static Result<std::unique_ptr<DirWatcher>> Start(const std::string& dir, OnArrival on_arrival,
                                                   OnNotice on_notice);
  // Stops the thread, after the callback running (if any) returns.
  ~DirWatcher();
  DirWatcher(const DirWatcher&) = delete;
  DirWatcher& operator=(const DirWatcher&) = delete;

 private:
  struct Impl;
  explicit DirWatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsfuse::serve
