// The process's resident memory, for the soak runs that fail when it grows (Linux /proc).
#pragma once
#include <fstream>

namespace platform {

// Resident set size in KiB; 0 when /proc is not there.
inline long ResidentKiB() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * 4;
}

}  // namespace platform
