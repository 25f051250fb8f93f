// Helpers for the doctest suites: reading files of the repository and the shared test corpora.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string SourceFile(const std::string& relative) { return ReadFile(std::string(MODV_SOURCE_DIR) + "/" + relative); }
