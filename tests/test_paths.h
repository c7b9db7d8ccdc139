// Where the tests find the repository, ../shared and the built CLI.
//
// The paths are defined in a file CMake writes into each build tree
// (tests/CMakeLists.txt), not passed as -D macros: a path in the compile
// command makes every checkout's test objects differ, so ccache could share
// none of them between worktrees. Every test target includes this header
// first (-include), so the names below read as they did when they were
// macros holding string literals.
#pragma once

namespace newsfuse::test_paths {
extern const char kSourceDir[];  // the repository root (tests/data, examples/)
extern const char kSharedDir[];  // ../shared beside it; may not exist
extern const char kCli[];        // the `newsfuse` binary of this build
}  // namespace newsfuse::test_paths

#define NEWSFUSE_SOURCE_DIR (::newsfuse::test_paths::kSourceDir)
#define NEWSFUSE_SHARED_DIR (::newsfuse::test_paths::kSharedDir)
#define NEWSFUSE_CLI (::newsfuse::test_paths::kCli)
