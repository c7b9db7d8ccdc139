# Adds the fuzz targets to a build of the root project without editing the
# root CMakeLists.txt: scripts/fuzz.sh passes this file as
# CMAKE_PROJECT_INCLUDE, and the deferred call runs once the root has defined
# every stage library. Unneeded once the root adds fuzz/ under NEWSFUSE_FUZZ.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL newsfuse_fuzz_targets)
