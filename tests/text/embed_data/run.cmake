# Test of cmake/embed_data.cmake itself, run as
#   cmake -DNEWSFUSE_EMBED=<embed_data.cmake> -DFIXTURES=<this dir> -DWORK=<scratch dir>
#         -DCXX=<C++ compiler> -P run.cmake
# A good file configures, builds and embeds exactly its text (check.cc reads
# the file at run time and compares); a bad line fails the configure with
# the file and line number in the message.
foreach(var NEWSFUSE_EMBED FIXTURES WORK CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: -D${var}= is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK})

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${FIXTURES}/good -B ${WORK}/good -DNEWSFUSE_EMBED=${NEWSFUSE_EMBED}
          -DCMAKE_CXX_COMPILER=${CXX}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "good file: configure failed (${rc}):\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/good
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "good file: build failed (${rc}):\n${out}")
endif()
execute_process(COMMAND ${WORK}/good/check ${FIXTURES}/good/words.txt
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "good file: embedded text is not the file's (${rc}):\n${out}")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${FIXTURES}/bad -B ${WORK}/bad -DNEWSFUSE_EMBED=${NEWSFUSE_EMBED}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "bad line: configure succeeded, expected a configure error")
endif()
string(FIND "${out}" "bad/words.txt:3: \"two words\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "bad line: the error does not name bad/words.txt:3:\n${out}")
endif()
if(EXISTS ${WORK}/bad/bad_data.inc)
  message(FATAL_ERROR "bad line: bad_data.inc was written anyway")
endif()
message(STATUS "embed_data: good file embedded whole, bad line named as bad/words.txt:3")
