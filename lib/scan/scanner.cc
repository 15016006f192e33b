// SPDX-License-Identifier: Apache-2.0
// The public Scanner and Stream: thin handles over Engine and StreamState.
#include "vigie/scanner.h"

#include <algorithm>

#include "scan/detector_set.h"
#include "scan/engine.h"
#include "scan/stream_state.h"

namespace vigie {
namespace {

constexpr std::string_view kNoMemory =
    "Hyperscan could not allocate a scratch space or a stream: the text was not scanned";

}  // namespace

Scanner::Scanner(std::shared_ptr<const internal::Engine> engine) : engine_(std::move(engine)) {}

Result<Scanner> Scanner::Create() { return Create(ScanOptions{}); }

Result<Scanner> Scanner::Build(const ScanOptions& options, const std::string_view* serialized,
                               const CacheOptions* cache) {
  auto set = internal::AssembleDetectors(options);
  if (!set.ok()) return Result<Scanner>::ErrorOf(set);
  auto engine = internal::Engine::Build(std::move(set).value(), options, serialized, cache);
  if (!engine.ok()) return Result<Scanner>::ErrorOf(engine);
  return Scanner(std::move(engine).value());
}

Result<Scanner> Scanner::Create(const ScanOptions& options) {
  return Build(options, nullptr, nullptr);
}

Result<Scanner> Scanner::Create(const ScanOptions& options, const CacheOptions& cache) {
  return Build(options, nullptr, &cache);
}

Result<Scanner> Scanner::Deserialize(std::string_view bytes, const ScanOptions& options) {
  return Build(options, &bytes, nullptr);
}

std::vector<Finding> Scanner::Scan(std::string_view text) const {
  return Scan(text, default_call());
}

std::vector<Finding> Scanner::Scan(std::string_view text, const CallOptions& call) const {
  Result<std::vector<Finding>> findings = TryScan(text, call);
  return findings.ok() ? std::move(findings).value() : std::vector<Finding>{};
}

Result<std::vector<Finding>> Scanner::TryScan(std::string_view text) const {
  return TryScan(text, default_call());
}

Result<std::vector<Finding>> Scanner::TryScan(std::string_view text,
                                              const CallOptions& call) const {
  return ScanPart(text, 0, text.size(), call);
}

Result<std::vector<Finding>> Scanner::ScanPart(std::string_view text, size_t from, size_t to,
                                               const CallOptions& call) const {
  internal::StreamState state(engine_, call);
  if (!state.ok())
    return Result<std::vector<Finding>>::Error(ErrorCode::kResourceExhausted, kNoMemory);
  std::vector<Finding> findings = state.ScanPart(text, from, to);
  if (!state.ok())  // a part's streams could not be opened
    return Result<std::vector<Finding>>::Error(ErrorCode::kResourceExhausted, kNoMemory);
  auto by_begin = [](const Finding& a, const Finding& b) { return a.begin < b.begin; };
  if (!std::is_sorted(findings.begin(), findings.end(), by_begin)) {
    std::stable_sort(findings.begin(), findings.end(), by_begin);
  }
  return findings;
}

Stream Scanner::OpenStream() const { return OpenStream(default_call()); }

Stream Scanner::OpenStream(const CallOptions& call) const {
  return Stream(std::make_unique<internal::StreamState>(engine_, call));
}

CallOptions Scanner::default_call() const { return engine_->default_call(); }

std::string Scanner::Serialize() const { return engine_->Serialize(); }

std::vector<std::string> Scanner::Kinds() const {
  std::vector<std::string> kinds;
  for (const auto& d : engine_->detectors()) kinds.push_back(d.kind);
  return kinds;
}

Stream::Stream(std::unique_ptr<internal::StreamState> state) : state_(std::move(state)) {}
Stream::Stream(Stream&&) noexcept = default;
Stream& Stream::operator=(Stream&&) noexcept = default;
Stream::~Stream() = default;

std::vector<Finding> Stream::Write(std::string_view chunk) {
  return state_ ? state_->Write(chunk) : std::vector<Finding>{};
}

std::vector<Finding> Stream::Finish() { return state_ ? state_->Finish() : std::vector<Finding>{}; }

uint64_t Stream::bytes_written() const { return state_ ? state_->bytes_written() : 0; }

ErrorCode Stream::status() const {
  return !state_ || state_->ok() ? ErrorCode::kOk : ErrorCode::kResourceExhausted;
}

}  // namespace vigie
