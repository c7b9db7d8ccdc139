# The fuzz targets, as a function so both fuzz/CMakeLists.txt and
# inject.cmake (a deferred call, where add_subdirectory is not allowed) can
# define them.
function(newsfuse_fuzz_targets)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(STATUS "fuzz/: skipped (libFuzzer needs clang, not ${CMAKE_CXX_COMPILER_ID})")
    return()
  endif()
  foreach(target extract_html_fuzzer extract_text_fuzzer)
    add_executable(${target} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/${target}.cc)
    target_link_libraries(${target} PRIVATE newsfuse_extract)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  endforeach()
endfunction()
