// Exits 0 when the embedded text equals what argv[1] (words.txt) says:
// whole, listed in the table under its file name, and without its '#' lines.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "dropped_data.inc"
#include "whole_data.inc"

int main(int argc, char** argv) {
  if (argc != 2) return 9;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream read;
  read << in.rdbuf();
  const std::string file = read.str();
  if (file.empty() || file != kWhole) {
    std::cerr << "embedded text differs from the file\n";
    return 1;
  }
  if (sizeof(kTable) / sizeof(kTable[0]) != 1 || std::strcmp(kTable[0].file, "words") != 0 ||
      kTable[0].text != kWhole) {
    std::cerr << "table does not list words -> kWhole\n";
    return 2;
  }
  // The lines that do not start with '#', joined by '\n' (the file's final
  // newline leaves an empty last line, so the text still ends in one).
  std::string dropped;
  bool first = true;
  size_t at = 0;
  for (;;) {
    const size_t nl = file.find('\n', at);
    const std::string line = file.substr(at, nl == std::string::npos ? nl : nl - at);
    if (line.rfind('#', 0) != 0) {
      if (!first) dropped += '\n';
      dropped += line;
      first = false;
    }
    if (nl == std::string::npos) break;
    at = nl + 1;
  }
  if (dropped != kDropped) {
    std::cerr << "DROP kept [" << kDropped << "], expected [" << dropped << "]\n";
    return 3;
  }
  return 0;
}
