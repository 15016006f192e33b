// SPDX-License-Identifier: Apache-2.0
// The scan loop shared by `vigie scan` and `vigie report` (scan_runner.h).
#include "scan_runner.h"

#include <absl/container/flat_hash_map.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "utf16.h"

namespace vigie::cli {
namespace {

constexpr size_t kReadChunk = 1 << 20;
// With more than one job, a file that the main thread scans (a file of
// more than kHeldBytes, or any file when there are not several to share
// out) is cut into parts that the threads scan together when it is larger
// than kSplitBytes. Files of up to kHeldBytes among several are scanned
// whole, a file per thread.
constexpr uint64_t kHeldBytes = uint64_t{1} << 20;
constexpr uint64_t kSplitBytes = uint64_t{256} << 10;
// Parts of kPartBytes or more when the file allows one per thread at least
// (each part matches 64 KiB before it and passes over the text before that,
// at gigabytes per second), and of kMaxPartBytes at most (a part's findings
// are held until its turn, ten to twenty megabytes of them in a record per
// row export: blocks that the heap keeps for the next part, see main).
constexpr uint64_t kPartBytes = uint64_t{1} << 20;
constexpr uint64_t kMaxPartBytes = uint64_t{2} << 20;
// A file cut into parts is read into memory first; a larger one is
// streamed by one thread, in bounded memory.
constexpr uint64_t kMaxSplitBytes = uint64_t{1} << 30;

// Findings of one line kept before those of one value are merged.
constexpr size_t kCompactLine = 1024;

// Holds a reporter's calls for one input, to be replayed in input order
// when inputs are scanned by several threads.
class HeldReport : public Reporter {
 public:
  explicit HeldReport(bool wants_text) : wants_text_(wants_text) {}
  bool WantsText() const override { return wants_text_; }
  void Text(std::string_view path, std::string_view text) override {
    path_ = path;
    calls_.push_back({Call::kText, {}, {}, std::string(text)});
  }
  void Findings(std::string_view path, const std::vector<Finding>& findings) override {
    path_ = path;
    calls_.push_back({Call::kFindings, findings, {}, {}});
  }
  void FileDone(std::string_view path, const FileReport& file) override {
    path_ = path;
    calls_.push_back({Call::kFileDone, {}, file, {}});
  }
  void Error(std::string_view path, std::string_view message) override {
    path_ = path;
    calls_.push_back({Call::kError, {}, {}, std::string(message)});
  }
  void Skipped(std::string_view path, std::string_view why) override {
    path_ = path;
    calls_.push_back({Call::kSkipped, {}, {}, std::string(why)});
  }
  void Summary(const Totals&) override {}

  void Replay(Reporter& to) const {
    for (const Call& c : calls_) {
      switch (c.type) {
        case Call::kFindings:
          to.Findings(path_, c.findings);
          break;
        case Call::kFileDone:
          to.FileDone(path_, c.file);
          break;
        case Call::kError:
          to.Error(path_, c.message);
          break;
        case Call::kSkipped:
          to.Skipped(path_, c.message);
          break;
        case Call::kText:
          to.Text(path_, c.message);
          break;
      }
    }
  }

 private:
  struct Call {
    enum Type { kFindings, kFileDone, kError, kSkipped, kText } type;
    // The error, the reason for skipping, or the text.
    std::vector<Finding> findings;
    FileReport file;
    std::string message;
  };
  bool wants_text_;
  std::string path_;
  std::vector<Call> calls_;
};

void AddTotals(Totals& to, const Totals& from) {
  to.files += from.files;
  to.files_with_findings += from.files_with_findings;
  to.bytes += from.bytes;
  to.errors += from.errors;
  to.skipped += from.skipped;
  to.findings += from.findings;
  to.files_revealing_health += from.files_revealing_health;
  for (const auto& [kind, n] : from.by_kind) to.by_kind[kind] += n;
  for (const auto& [kind, category] : from.category_of_kind) to.category_of_kind[kind] = category;
}

class Runner {
 public:
  Runner(const Scanner& scanner, const RunOptions& options, Reporter& reporter)
      : scanner_(scanner),
        call_(options.call),
        min_score_(options.min_score),
        scan_binary_(options.scan_binary),
        out_(options.out),
        progress_(options.progress),
        reporter_(reporter),
        wants_text_(reporter.WantsText()),
        jobs_(options.jobs) {}

  // One input: a file, standard input ("-"), or an error found while
  // listing the inputs.
  void ScanInput(const Input& input) {
    if (!input.error.empty()) {
      Fail(input.path, input.error);
    } else if (input.path == "-") {
      ScanFd(STDIN_FILENO, "-");
    } else {
      ScanFile(input.path, input.size);
    }
  }

  // Tells the progress callback the bytes of the files done and `into`
  // bytes of the current one.
  void Progress(uint64_t into) {
    if (progress_) progress_(totals_.bytes + into);
  }

  const Totals& totals() const { return totals_; }
  Totals& totals() { return totals_; }
  Reporter& reporter() { return reporter_; }

  // True once the report cannot be written; `errno` is then kept, for the
  // message.
  bool OutputFailed() {
    if (out_ == nullptr || !out_->fail()) return false;
    if (output_errno_ == 0) output_errno_ = errno != 0 ? errno : EIO;
    return true;
  }
  int output_errno() const { return output_errno_; }

 private:
  void Fail(std::string_view path, std::string_view message) {
    ++totals_.errors;
    reporter_.Error(path, message);
  }

  void Skip(std::string_view path, std::string_view why) {
    ++totals_.skipped;
    reporter_.Skipped(path, why);
  }

  void ScanFile(const std::string& path, uint64_t size) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      Fail(path, std::strerror(errno));
      return;
    }
    // Parts are cut from text; binary and UTF-16 files are read whole.
    if (jobs_ > 1 && size > kSplitBytes && size <= kMaxSplitBytes && HeadIsText(fd)) {
      ScanSplit(fd, path, size);
    } else {
      ScanFd(fd, path);
    }
    ::close(fd);
  }

  void ScanFd(int fd, const std::string& path) {
    // One buffer per thread, not per file: files are often small.
    thread_local std::vector<char> buffer(kReadChunk);
    file_ = FileState{};
    // The first bytes decide how the file is read (binary, UTF-16, text).
    size_t head = 0;
    bool at_end = false;
    std::string read_error;
    while (head < kProbeBytes && !at_end && read_error.empty()) {
      ssize_t n = ::read(fd, buffer.data() + head, buffer.size() - head);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) read_error = ReadError(head);
      at_end = n == 0;
      head += static_cast<size_t>(std::max<ssize_t>(n, 0));
    }
    Encoding encoding = Sniff({buffer.data(), head});
    if (encoding == Encoding::kBinary && !scan_binary_) {
      Skip(path, "binary file (a NUL byte in its first 8 KiB); --binary scans it");
      return;
    }
    Stream stream = scanner_.OpenStream(call_);
    if (stream.status() != ErrorCode::kOk) {
      Fail(path, "not scanned: Hyperscan could not allocate a stream");
      return;
    }
    std::optional<Utf16Decoder> utf16;
    if (encoding == Encoding::kUtf16Le || encoding == Encoding::kUtf16Be) utf16.emplace(encoding);
    uint64_t file_bytes = 0;
    // UTF-16 goes to the scanner as UTF-8; findings come back with offsets
    // into the file's own bytes.
    auto report = [&](std::vector<Finding> findings) {
      if (utf16) {
        for (Finding& f : findings) {
          f.begin = utf16->FileOffset(f.begin);
          f.end = utf16->FileOffset(f.end);
        }
      }
      Report(path, std::move(findings));
    };
    auto feed = [&](std::string_view bytes) {
      file_bytes += bytes.size();
      std::string_view text = utf16 ? utf16->Decode(bytes) : bytes;
      CountLines(text);
      if (wants_text_) reporter_.Text(path, text);
      report(stream.Write(text));
      Progress(file_bytes);
    };
    auto finish = [&] {
      if (utf16) {
        std::string_view rest = utf16->Finish();
        CountLines(rest);
        if (wants_text_) reporter_.Text(path, rest);
        report(stream.Write(rest));
      }
      report(stream.Finish());
    };
    feed({buffer.data(), head});
    while (!at_end && read_error.empty() && !OutputFailed()) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) read_error = ReadError(file_bytes);  // before errno changes
      at_end = n == 0;
      if (n > 0) feed({buffer.data(), static_cast<size_t>(n)});
    }
    finish();
    if (!read_error.empty()) {
      // What was read is still reported; the error says the file is partial.
      Fail(path, read_error);
      return;
    }
    FinishFile(path, file_bytes);
  }

  // A large file, read whole and cut into parts where lines begin; the
  // parts are scanned by jobs_ threads and reported in order, so that the
  // findings are those of ScanFd, found sooner.
  void ScanSplit(int fd, const std::string& path, uint64_t size) {
    std::string text;
    text.reserve(size);
    file_ = FileState{};
    std::string read_error;
    for (;;) {
      size_t at = text.size();
      text.resize(at + kReadChunk);
      ssize_t n = ::read(fd, text.data() + at, kReadChunk);
      text.resize(at + static_cast<size_t>(std::max<ssize_t>(n, 0)));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        read_error = ReadError(text.size());
        break;
      }
      if (n == 0) break;
    }
    CountLines(text);
    // One part per thread at least and several when the file is large, so
    // that none waits long for the last one (sizes: see kPartBytes).
    size_t part_bytes =
        std::clamp<size_t>(text.size() / (size_t{8} * jobs_), kPartBytes, kMaxPartBytes);
    size_t parts = std::min<size_t>(std::max<size_t>(text.size() / part_bytes, jobs_),
                                    std::max<size_t>(1, text.size() / kSplitBytes));
    std::vector<size_t> cuts{0};
    for (size_t k = 1; k < parts; ++k) {
      size_t at = text.find('\n', std::max(cuts.back(), text.size() / parts * k));
      if (at == std::string::npos) break;
      cuts.push_back(at + 1);
    }
    cuts.push_back(text.size());
    ScanParts(path, text, cuts);
    if (!read_error.empty()) {
      Fail(path, read_error);  // what was read is reported; the file is partial
      return;
    }
    FinishFile(path, text.size());
  }

  // Scans the parts [cuts[k], cuts[k + 1]) of `text` with jobs_ threads,
  // at most jobs_ parts ahead of the one being reported.
  void ScanParts(const std::string& path, std::string_view text, const std::vector<size_t>& cuts) {
    const size_t parts = cuts.size() - 1;
    const size_t window = jobs_;
    std::vector<std::optional<Result<std::vector<Finding>>>> results(parts);
    std::mutex mu;
    std::condition_variable changed;
    size_t next = 0;      // the next part for a thread to take
    size_t reported = 0;  // parts reported so far
    bool stop = false;    // the report cannot be written: no more parts
    auto work = [&] {
      for (;;) {
        size_t k;
        {
          std::unique_lock<std::mutex> lock(mu);
          changed.wait(lock, [&] { return stop || next == parts || next < reported + window; });
          if (stop || next == parts) return;
          k = next++;
        }
        auto found = scanner_.ScanPart(text, cuts[k], cuts[k + 1], call_);
        std::lock_guard<std::mutex> lock(mu);
        results[k] = std::move(found);
        changed.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < std::min<size_t>(jobs_, parts); ++j) threads.emplace_back(work);
    // A reporter that reads the text does so while the threads scan it.
    if (wants_text_) reporter_.Text(path, text);
    bool failed = false;
    for (size_t k = 0; k < parts && !OutputFailed(); ++k) {
      std::optional<Result<std::vector<Finding>>> found;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return results[k].has_value(); });
        found = std::move(results[k]);
        results[k].reset();
        reported = k + 1;
        changed.notify_all();
      }
      if (found->ok()) {
        Report(path, std::move(found->value()));
        Progress(cuts[k + 1]);
      } else if (!failed) {
        failed = true;
        Fail(path, "not scanned in full: " + found->error());
      }
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      changed.notify_all();
    }
    for (std::thread& t : threads) t.join();
  }

  // Whether the first bytes of file `fd` are text that is neither binary
  // nor UTF-16 (read where they are, without moving the file's offset).
  static bool HeadIsText(int fd) {
    char head[kProbeBytes];
    ssize_t n = ::pread(fd, head, sizeof head, 0);
    return n >= 0 && Sniff({head, static_cast<size_t>(n)}) == Encoding::kUtf8;
  }

  // Why a read failed (errno), after `bytes` bytes were read.
  static std::string ReadError(uint64_t bytes) {
    return "read error after " + std::to_string(bytes) + " bytes: " + std::strerror(errno);
  }

  void CountLines(std::string_view bytes) {
    if (bytes.empty()) return;
    // memchr from line break to line break: lines are tens of bytes long,
    // and memchr reads them many bytes a step.
    const char* end = bytes.data() + bytes.size();
    for (const char* at = bytes.data(); at < end; ++at) {
      at = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at)));
      if (at == nullptr) break;
      ++file_.report.lines;
    }
    file_.last_byte = bytes.back();
  }

  // The file's report, once its findings are reported.
  void FinishFile(const std::string& path, uint64_t bytes) {
    FileReport& report = file_.report;
    CloseLine();
    report.bytes = bytes;
    if (report.bytes > 0 && file_.last_byte != '\n') ++report.lines;  // an unterminated last line
    std::vector<Finding> distinct;
    for (auto& [key, f] : file_.best) distinct.push_back(std::move(f));
    report.health = AssessHealth(distinct);
    // A line that reveals health data on its own makes the file reveal it.
    if (report.health_lines > 0 && !report.health.reveals_health) {
      report.health.reveals_health = true;
      report.health.score = std::max(report.health.score, file_.best_line);
    }
    ++totals_.files;
    totals_.bytes += report.bytes;
    Progress(0);
    if (report.findings > 0) ++totals_.files_with_findings;
    if (report.health.reveals_health) ++totals_.files_revealing_health;
    reporter_.FileDone(path, report);
  }

  void Report(const std::string& path, std::vector<Finding> findings) {
    // Health findings weigh whatever their score; only those at min_score
    // or more are reported (the findings come down to the health floor).
    for (const Finding& f : findings) {
      if (f.category == Category::kHealth) Weigh(f);
    }
    std::vector<Finding>& reported = findings;
    std::erase_if(reported, [&](const Finding& f) { return f.score < min_score_; });
    if (reported.empty()) return;
    file_.report.findings += reported.size();
    totals_.findings += reported.size();
    for (const Finding& f : reported) ++KindCount(f);
    reporter_.Findings(path, reported);
  }

  // The count of f's kind in the totals, found by hashing: the totals'
  // sorted map (whose nodes stay where they are) compares strings at every
  // level, for every finding.
  uint64_t& KindCount(const Finding& f) {
    if (auto it = kind_counts_.find(f.kind); it != kind_counts_.end()) return *it->second;
    auto [count, first] = totals_.by_kind.try_emplace(f.kind, 0);
    if (first) totals_.category_of_kind[f.kind] = std::string(CategoryName(f.category));
    kind_counts_.emplace(count->first, &count->second);
    return count->second;
  }

  // A health finding, reported or not, as evidence for the verdicts.
  // Everyday words found without context weigh within their line only: a
  // whole manual holds many, which together say nothing of anyone's health.
  void Weigh(const Finding& f) {
    // The file's verdict needs each distinct value once, at its best.
    if (f.score >= min_score_) {
      auto [it, inserted] = file_.best.try_emplace(f.kind + '\0' + f.value, f);
      if (!inserted && f.score > it->second.score) it->second = f;
    }
    // Findings come in text order: a line is judged when the next begins.
    if (f.line != file_.line) CloseLine();
    file_.line = f.line;
    file_.line_findings.push_back(f);
    if (file_.line_findings.size() >= file_.compact_at) CompactLine();
  }

  // A line's verdict counts each value once, at its best score
  // (HealthScore): a line with many findings (a text without line breaks
  // repeating one term) keeps one finding per value, so that memory is
  // bounded by the distinct values, not by the line's length.
  void CompactLine() {
    std::vector<Finding>& line = file_.line_findings;
    std::stable_sort(line.begin(), line.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.kind, a.value) < std::tie(b.kind, b.value);
    });
    size_t kept = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (kept > 0 && line[kept - 1].kind == line[i].kind &&
          line[kept - 1].value == line[i].value) {
        if (line[i].score > line[kept - 1].score) line[kept - 1] = std::move(line[i]);
      } else {
        if (kept != i) line[kept] = std::move(line[i]);
        ++kept;
      }
    }
    line.resize(kept);
    file_.compact_at = std::max(kCompactLine, 2 * kept);
  }

  void CloseLine() {
    if (!file_.line_findings.empty()) {
      double line = HealthScore(file_.line_findings);
      if (line >= kHealthThreshold) {
        ++file_.report.health_lines;
        file_.best_line = std::max(file_.best_line, line);
      }
    }
    file_.line_findings.clear();
    file_.compact_at = kCompactLine;
  }

  // What a file's health verdicts need while it is read: its distinct
  // health values, and the findings of the current line.
  struct FileState {
    FileReport report;
    std::map<std::string, Finding> best;
    uint64_t line = 0;
    std::vector<Finding> line_findings;
    size_t compact_at = kCompactLine;  // CompactLine when line_findings reach it
    double best_line = 0;              // the best score of a line that reveals health
    char last_byte = '\n';
  };

  const Scanner& scanner_;
  CallOptions call_;
  double min_score_;
  bool scan_binary_;
  const std::ostream* out_;
  std::function<void(uint64_t)> progress_;
  int output_errno_ = 0;
  Reporter& reporter_;
  bool wants_text_;
  unsigned jobs_;
  Totals totals_;
  absl::flat_hash_map<std::string_view, uint64_t*> kind_counts_;  // into totals_.by_kind
  FileState file_;
};

// Scans `inputs` and reports them, in their order, through `runner`.
// With more than one job, files of up to kHeldBytes are scanned ahead by
// worker threads, each into a report held until its turn (at most a
// window of them at a time); larger files and standard input are scanned
// by `runner` when their turn comes (a large file in parts, by `jobs`
// threads), their findings reported as they are found.
void ScanAll(const Scanner& scanner, const RunOptions& options, const std::vector<Input>& inputs,
             Runner& runner) {
  const unsigned jobs = options.jobs;
  std::vector<size_t> held;  // indices of the inputs that workers scan
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    if (jobs > 1 && in.error.empty() && in.path != "-" && in.size <= kHeldBytes) held.push_back(i);
  }
  if (held.size() < 2) {
    for (const Input& input : inputs) {
      if (runner.OutputFailed()) return;
      runner.ScanInput(input);
    }
    return;
  }
  struct Slot {
    explicit Slot(bool wants_text) : report(wants_text) {}
    HeldReport report;
    Totals totals;
    bool done = false;
  };
  std::vector<std::unique_ptr<Slot>> slots(inputs.size());
  for (size_t i : held) slots[i] = std::make_unique<Slot>(runner.reporter().WantsText());
  const size_t window = size_t{4} * jobs;
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0;     // the next of `held` for a worker to take
  size_t emitted = 0;  // inputs reported so far
  auto work = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return next == held.size() || held[next] < emitted + window; });
        if (next == held.size()) return;
        i = held[next++];
      }
      Slot& slot = *slots[i];
      RunOptions one = options;
      one.jobs = 1;
      one.out = nullptr;  // it reports into `slot.report`; the main thread writes
      one.progress = nullptr;
      Runner worker(scanner, one, slot.report);
      worker.ScanInput(inputs[i]);
      std::lock_guard<std::mutex> lock(mu);
      slot.totals = worker.totals();
      slot.done = true;
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < std::min<size_t>(jobs, held.size()); ++j) workers.emplace_back(work);
  for (size_t i = 0; i < inputs.size() && !runner.OutputFailed(); ++i) {
    if (slots[i]) {
      std::unique_ptr<Slot> slot;
      {
        std::unique_lock<std::mutex> lock(mu);
        changed.wait(lock, [&] { return slots[i]->done; });
        slot = std::move(slots[i]);
      }
      slot->report.Replay(runner.reporter());
      AddTotals(runner.totals(), slot->totals);
      runner.Progress(0);
    } else {
      runner.ScanInput(inputs[i]);
    }
    std::lock_guard<std::mutex> lock(mu);
    emitted = i + 1;
    changed.notify_all();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    next = held.size();  // when the report stopped early: no more to take
    changed.notify_all();
  }
  for (std::thread& t : workers) t.join();
}

}  // namespace

void AddScanFlags(CLI::App& app, ScanFlags& flags) {
  app.add_option("paths", flags.paths, "Files or directories; '-' or none reads standard input");
  app.add_option("--kinds", flags.kinds,
                 "Only these kinds, comma-separated (FR_NIR,PHONE_NUMBER,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--min-score", flags.min_score, "Drop findings scoring below this")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  AddLayoutOptions(app, flags.layout, flags.delimiter);
  app.add_option("--database", flags.database,
                 "Load the compiled detectors from this file, or compile and save them there "
                 "(loading takes milliseconds, compiling seconds)");
  app.add_option("-j,--jobs", flags.jobs,
                 "Threads scanning files, and parts of a large file, at once (default: one per "
                 "core); reports are those of -j 1, in the same order")
      ->check(CLI::Range(1, 1024));
  app.add_flag("--binary", flags.binary,
               "Scan binary files too (skipped otherwise: a NUL byte in the first 8 KiB, "
               "without a UTF-16 byte-order mark)");
  app.add_flag("--no-cache", flags.no_cache,
               "Compile the detectors for this run instead of loading them from the cache "
               "($VIGIE_CACHE_DIR, $XDG_CACHE_HOME/vigie or ~/.cache/vigie)");
}

std::optional<ScanSetup> SetUpScan(const ScanFlags& flags) {
  ScanOptions options;
  options.kinds = flags.kinds;
  auto scanner = OpenScanner(options, flags.database, flags.no_cache);
  if (!scanner.ok()) {
    std::cerr << "vigie: " << scanner.error() << "\n";
    return std::nullopt;
  }
  RunOptions run;
  run.call = LayoutCall(flags.layout, flags.delimiter);
  run.call.min_score = std::min(flags.min_score, kHealthEvidenceFloor);
  run.min_score = flags.min_score;
  run.scan_binary = flags.binary;
  run.jobs = flags.jobs > 0 ? static_cast<unsigned>(flags.jobs)
                            : std::max(1u, std::thread::hardware_concurrency());
  InputList inputs;
  for (const std::string& path : flags.paths) inputs.Add(path);
  if (flags.paths.empty()) inputs.Add("-");
  return ScanSetup{std::move(scanner.value()), run, std::move(inputs.inputs())};
}

bool ReaderGone(int fd) {
  pollfd p{fd, 0, 0};
  return ::poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

RunResult ScanInputs(const Scanner& scanner, const RunOptions& options,
                     const std::vector<Input>& inputs, Reporter& reporter) {
  Runner runner(scanner, options, reporter);
  ScanAll(scanner, options, inputs, runner);
  RunResult result;
  result.totals = runner.totals();
  result.output_failed = runner.OutputFailed();
  result.output_errno = runner.output_errno();
  return result;
}

}  // namespace vigie::cli
