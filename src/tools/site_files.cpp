// Writing only what changed; see site_files.h.
#include "tools/site_files.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <string_view>
#include <vector>

namespace tools {

namespace fs = std::filesystem;

WriteResult WriteIfChanged(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == bytes.size()) {
    std::ifstream in(path, std::ios::binary);
    std::string old(bytes.size(), '\0');
    if (in.read(old.data(), static_cast<std::streamsize>(old.size())) && old == bytes) return WriteResult::Same;
  }
  fs::create_directories(path.parent_path(), ec);
  const fs::path tmp = path.string() + ".new";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) return WriteResult::Failed;
  fs::rename(tmp, path, ec);
  return ec ? WriteResult::Failed : WriteResult::Written;
}

namespace {

// Whether `path`'s .gz and .br copies are there and newer than it (cmake/precompress.py's test).
bool CopiesFresh(const fs::path& path) {
  std::error_code ec;
  const auto time = fs::last_write_time(path, ec);
  for (const char* ext : {".gz", ".br"}) {
    const auto copy = fs::last_write_time(path.string() + ext, ec);
    if (ec || copy <= time) return false;
  }
  return true;
}

constexpr size_t kQueued = 256;

}  // namespace

SiteWriter::SiteWriter() : m_thread([this] { Run(); }) {}

SiteWriter::~SiteWriter() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_changed.notify_all();
  m_thread.join();
}

void SiteWriter::Write(fs::path path, std::string bytes, bool namedByHash) {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_queue.size() < kQueued; });
  m_queue.push_back({std::move(path), std::move(bytes), namedByHash});
  if (m_queue.size() == 1) m_changed.notify_all();  // the writer may be waiting for work
}

std::string SiteWriter::Wait() {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_queue.empty() && !m_busy; });
  return m_problem;
}

void SiteWriter::Run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_changed.wait(lock, [&] { return m_stop || !m_queue.empty(); });
    if (m_queue.empty()) return;  // stopped
    // All that waits, at once: the caller is woken once per batch, not once per file.
    std::deque<File> batch;
    batch.swap(m_queue);
    m_busy = true;
    m_changed.notify_all();  // room in the queue
    lock.unlock();
    PublishCounts counts;
    std::vector<fs::path> compress;
    std::string problem;
    for (File& f : batch) {
      std::error_code ec;
      const bool known = f.namedByHash && fs::is_regular_file(f.path, ec) && fs::file_size(f.path, ec) == f.bytes.size();
      const WriteResult r = known ? WriteResult::Same : WriteIfChanged(f.path, f.bytes);
      ++(r == WriteResult::Same ? counts.unchanged : counts.written);
      if (r == WriteResult::Failed && problem.empty()) problem = "cannot write " + f.path.string();
      if (r == WriteResult::Written || (r == WriteResult::Same && !CopiesFresh(f.path))) compress.push_back(std::move(f.path));
    }
    lock.lock();
    m_counts.written += counts.written;
    m_counts.unchanged += counts.unchanged;
    if (m_problem.empty()) m_problem = problem;
    m_toCompress.insert(m_toCompress.end(), std::make_move_iterator(compress.begin()), std::make_move_iterator(compress.end()));
    m_busy = false;
    m_changed.notify_all();
  }
}

std::string CopyKeepingTime(const fs::path& from, const fs::path& to, size_t* copied) {
  std::error_code ec;
  const auto time = fs::last_write_time(from, ec);
  const auto size = fs::file_size(from, ec);
  if (ec) return "cannot read " + from.string() + ": " + ec.message();
  std::error_code none;
  const auto seconds = [](fs::file_time_type t) { return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count(); };
  if (fs::exists(to, none) && fs::file_size(to, none) == size && !none && seconds(fs::last_write_time(to, none)) == seconds(time))
    return "";  // copied by an earlier publish
  fs::create_directories(to.parent_path(), ec);
  if (!ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::last_write_time(to, time, ec);
  if (ec) return "cannot copy " + from.string() + " to " + to.string() + ": " + ec.message();
  if (copied) ++*copied;
  return "";
}

size_t RemoveOthers(const fs::path& dir, const std::unordered_set<std::string>& keep) {
  std::error_code ec;
  std::vector<fs::path> gone;
  std::set<fs::path> emptied;  // folders something was removed from: perhaps empty now
  std::string base = dir.native();  // "dir/" + a file's name below it
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  const size_t prefix = base.size() + 1;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec)) continue;
    const std::string& p = it->path().native();
    std::string_view plain = std::string_view(p).substr(std::min(prefix, p.size()));
    if (plain.size() > 3 && (plain.compare(plain.size() - 3, 3, ".gz") == 0 || plain.compare(plain.size() - 3, 3, ".br") == 0))
      plain.remove_suffix(3);  // a copy: it goes with its file
    if (!keep.count(std::string(plain))) gone.push_back(it->path());
  }
  for (const fs::path& p : gone) {
    fs::remove(p, ec);
    for (fs::path f = p.parent_path(); f.native().size() > base.size(); f = f.parent_path()) emptied.insert(f);
  }
  for (auto f = emptied.rbegin(); f != emptied.rend(); ++f)  // deepest first
    if (fs::is_empty(*f, ec)) fs::remove(*f, ec);
  return gone.size();
}

}  // namespace tools
