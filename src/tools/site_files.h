// Writing a published site's files so that publishing again is quick: a file is written only
// when its bytes changed (whole or not at all: a temporary file renamed), so that an unchanged
// one keeps its time and its compressed copies are not made again; the files written (and those
// whose copies are older than they are) are listed for cmake/precompress.py; and the files of an
// earlier publication that this one no longer has are removed.
#pragma once
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace tools {

enum class WriteResult { Same, Written, Failed };

// `bytes` into `path` (its folders made), unless it holds them already.
WriteResult WriteIfChanged(const std::filesystem::path& path, const std::string& bytes);

// Copies `from` to `to` (its folders made) unless a file of its size and time (to the second) is
// there; the copy keeps its original's time. Returns "" or what failed; counts a copy made in
// `copied`.
std::string CopyKeepingTime(const std::filesystem::path& from, const std::filesystem::path& to, size_t* copied = nullptr);

// Removes every file under `dir` that is not in `keep` (paths as written, below `dir`), with
// the .gz and .br copies of those it removes and of none it keeps, and the folders left empty.
// Returns how many files it removed.
size_t RemoveOthers(const std::filesystem::path& dir, const std::unordered_set<std::string>& keep);

// What a publication did to a site's files.
struct PublishCounts {
  size_t written = 0, unchanged = 0, removed = 0;
};

// Writes files with WriteIfChanged on a thread of its own, in the order given, while the caller
// makes the next ones (reading and comparing the old bytes costs about what making a page does).
class SiteWriter {
 public:
  SiteWriter();
  ~SiteWriter();
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  // Queues a file; at most a few hundred wait (the caller waits for room). `namedByHash`: the
  // file's name says its bytes (a content part), so one of that name and size is the same file
  // and is not read to compare.
  void Write(std::filesystem::path path, std::string bytes, bool namedByHash = false);
  // Waits until every queued file is written; returns "" or the first that could not be.
  std::string Wait();
  void Removed(size_t files) { m_counts.removed += files; }
  void Copied(size_t files) { m_counts.written += files; }  // written by a copy of their own

  // After Wait(): the counts, and the files written or whose .gz/.br copies are missing or older.
  const PublishCounts& Counts() const { return m_counts; }
  const std::vector<std::filesystem::path>& ToCompress() const { return m_toCompress; }

 private:
  void Run();

  std::mutex m_mutex;
  std::condition_variable m_changed;
  struct File {
    std::filesystem::path path;
    std::string bytes;
    bool namedByHash = false;
  };
  std::deque<File> m_queue;
  bool m_busy = false, m_stop = false;
  std::string m_problem;
  PublishCounts m_counts;
  std::vector<std::filesystem::path> m_toCompress;
  std::thread m_thread;  // last: started once the rest is made
};

}  // namespace tools
