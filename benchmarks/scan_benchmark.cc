// SPDX-License-Identifier: Apache-2.0
// Throughput of the whole pipeline (bytes to findings) on generated French
// prose and on a generated lab export, plus compile and load times; and on
// the inputs of benchmarks/make_inputs.py (a leak-shaped export, clinical
// notes, messages, JSON records, French manual pages) found in
// $VIGIE_BENCH_INPUTS (default build/bench-inputs), one benchmark per file.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.h"
#include "detect/builtin.h"
#include "scan/engine.h"
#include "vigie/vigie.h"

namespace {

constexpr size_t kCorpusBytes = 16 << 20;

// The detectors compiled once per machine (vigie's cache), as a user's
// program gets them.
const vigie::Scanner& SharedScanner() {
  static const vigie::Scanner scanner =
      vigie::Scanner::Create(vigie::ScanOptions{}, vigie::CacheOptions{}).value();
  return scanner;
}

// One Scan() of a whole generated text.
void BM_Scan(benchmark::State& state, const std::string* text) {
  const auto& scanner = SharedScanner();
  size_t findings = 0;
  for (auto _ : state) {
    auto f = scanner.Scan(*text);
    findings = f.size();
    benchmark::DoNotOptimize(f);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->size()));
  state.counters["findings"] =
      benchmark::Counter(static_cast<double>(findings), benchmark::Counter::kAvgThreads);
}
const std::string kProse = vigie::testing::FrenchProse(kCorpusBytes);
const std::string kLabExport = vigie::testing::LabExport(kCorpusBytes);
BENCHMARK_CAPTURE(BM_Scan, FrenchProse, &kProse)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scan, LabExport, &kLabExport)->Unit(benchmark::kMillisecond);

// Hostile shapes of text, 4 MB each, against the prose above: what each
// costs per MB (README's table). Every word capitalized is the name
// finder's worst case; a line without end, the line verdicts'.
std::string Repeated(std::string_view block, size_t bytes) {
  std::string out;
  out.reserve(bytes + block.size());
  while (out.size() < bytes) out += block;
  out.resize(bytes);
  return out;
}
constexpr size_t kHostileBytes = 4 << 20;
const std::string kDigits = Repeated("0123456789", kHostileBytes);
const std::string kCapitalized = Repeated(
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon ", kHostileBytes);
const std::string kEmptyCells =
    "nom;prenom;\"telephone;nir\n" + Repeated(std::string(100, ';') + "\"\n", kHostileBytes);
const std::string kOneTerm = Repeated("diab\xc3\xa8te ", kHostileBytes);
const std::string kProse4 = kProse.substr(0, kHostileBytes);
BENCHMARK_CAPTURE(BM_Scan, HostileProse, &kProse4)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scan, HostileDigitsLine, &kDigits)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scan, HostileCapitalizedWords, &kCapitalized)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scan, HostileEmptyCellsCsv, &kEmptyCells)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Scan, HostileOneTermRepeated, &kOneTerm)->Unit(benchmark::kMillisecond);

void BM_StreamFrenchProse(benchmark::State& state) {
  const std::string& text = kProse;
  const auto& scanner = SharedScanner();
  const auto chunk = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    vigie::Stream stream = scanner.OpenStream();
    size_t n = 0;
    for (size_t at = 0; at < text.size(); at += chunk) {
      n += stream.Write(std::string_view(text).substr(at, chunk)).size();
    }
    n += stream.Finish().size();
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_StreamFrenchProse)->Arg(4096)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

void BM_ScanSmallRecords(benchmark::State& state) {
  // One Scan() call per ~100-byte record: the fixed cost of a call.
  static const std::string text = vigie::testing::LabExport(1 << 20);
  std::vector<std::string_view> records;
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    if (nl == std::string::npos) break;
    records.push_back(std::string_view(text).substr(at, nl + 1 - at));
    at = nl + 1;
  }
  const auto& scanner = SharedScanner();
  for (auto _ : state) {
    size_t n = 0;
    for (auto r : records) n += scanner.Scan(r).size();
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
// On one thread, and on two sharing the scanner (wall time: records of
// both threads per second).
BENCHMARK(BM_ScanSmallRecords)->ThreadRange(1, 2)->UseRealTime()->Unit(benchmark::kMillisecond);

// A 110-byte record that holds no personal data.
const std::string kCallRecord =
    "Commande 4471 expediee le matin, colis remis au transporteur, livraison prevue sous trois "
    "jours ouvres.\n";

void BM_ScanCallCost(benchmark::State& state) {
  // One Scan() per call: what a call costs beyond finding anything.
  const auto& scanner = SharedScanner();
  for (auto _ : state) benchmark::DoNotOptimize(scanner.Scan(kCallRecord));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kCallRecord.size()));
}
BENCHMARK(BM_ScanCallCost)->ThreadRange(1, 2)->UseRealTime();

void BM_CompileBuiltins(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(vigie::Scanner::Create());
}
BENCHMARK(BM_CompileBuiltins)->Unit(benchmark::kMillisecond);

void BM_LoadSerialized(benchmark::State& state) {
  const std::string bytes = SharedScanner().Serialize();
  for (auto _ : state) benchmark::DoNotOptimize(vigie::Scanner::Deserialize(bytes, {}));
  state.counters["database_bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_LoadSerialized)->Unit(benchmark::kMillisecond);

// Each iteration scans `text` through a stream of `db` opened and closed
// for it, Hyperscan only, with a callback that counts the matches.
void ScanStreams(benchmark::State& state, hs_database_t* db, hs_scratch_t* scratch,
                 const std::string& text) {
  size_t matches = 0;
  for (auto _ : state) {
    hs_stream_t* stream = nullptr;
    hs_open_stream(db, 0, &stream);
    hs_scan_stream(
        stream, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
        [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
          ++*static_cast<size_t*>(ctx);
          return 0;
        },
        &matches);
    hs_close_stream(stream, scratch, nullptr, nullptr);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["matches"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
}

// Each stream database on its own: the ceiling of each pattern shape.
void BM_Database(benchmark::State& state, const std::string* text_ptr) {
  auto engine = vigie::internal::Engine::Build(
                    vigie::internal::AssembleDetectors(vigie::ScanOptions{}).value(),
                    vigie::ScanOptions{}, nullptr)
                    .value();
  auto role = static_cast<vigie::internal::DbRole>(state.range(0));
  hs_database_t* db = engine->database(role);
  hs_scratch_t* scratch = engine->AcquireScratch();
  ScanStreams(state, db, scratch, *text_ptr);
  engine->ReleaseScratch(scratch);
  state.SetLabel(role == vigie::internal::kLiteralDb    ? "literal"
                 : role == vigie::internal::kDigitLedDb ? "digit-led"
                                                        : "other");
}
BENCHMARK_CAPTURE(BM_Database, FrenchProse, &kProse)
    ->DenseRange(0, 2)
    ->Unit(benchmark::kMillisecond);

// The same on one 110-byte record: Hyperscan's share of what a call costs
// (BM_ScanCallCost).
BENCHMARK_CAPTURE(BM_Database, CallRecord, &kCallRecord)->DenseRange(0, 2);

// One redaction of a whole text by a policy: every finding acted on
// (default: masks and tags; surrogates for every kind that has one, the
// health terms tagged), the text rewritten around them. Compared with
// BM_ScanFile on one thread, the same text.
void BM_Redact(benchmark::State& state, const std::string* text, vigie::RedactAction action) {
  vigie::RedactionPolicy policy = vigie::RedactionPolicy::Default();
  if (action != vigie::RedactAction::kMask) {
    policy.identity.action = policy.contact.action = policy.financial.action = action;
    policy.key = "a benchmark key of sixteen bytes";
  }
  auto redactor = vigie::Redactor::Create(SharedScanner(), policy);
  if (!redactor.ok()) {
    state.SkipWithError(redactor.error().c_str());
    return;
  }
  vigie::RedactionReport report;
  for (auto _ : state) {
    auto out = redactor->Redact(*text, &report);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text->size()));
  state.counters["findings"] = static_cast<double>(report.findings);
}

// The patterns of one built-in detector compiled alone (stream mode, as
// the engine compiles them), Hyperscan only: what each detector's regexes
// cost before any confirmation, and how many ends they report.
void BM_DetectorPatterns(benchmark::State& state, const std::string* text,
                         const vigie::internal::DetectorDef* detector) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags, ids;
  for (const vigie::internal::PatternDef& p : detector->patterns) {
    expressions.push_back(p.regex.c_str());
    flags.push_back(p.caseless ? HS_FLAG_CASELESS : 0);
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(expressions.size()), HS_MODE_STREAM, nullptr, &db,
                       &error) != HS_SUCCESS) {
    state.SkipWithError(error ? error->message : "compile failed");
    hs_free_compile_error(error);
    return;
  }
  hs_scratch_t* scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  ScanStreams(state, db, scratch, *text);
  hs_free_scratch(scratch);
  hs_free_database(db);
}

// One Scan() of a whole file on one and two threads, each stream database
// alone on it, and each detector's patterns alone.
void RegisterInputFiles() {
  const char* dir = std::getenv("VIGIE_BENCH_INPUTS");
  std::filesystem::path inputs = dir ? dir : "build/bench-inputs";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(inputs, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto* text = new std::string(bytes.str());  // lives as long as the benchmarks
    std::string name = entry.path().filename().string();
    benchmark::RegisterBenchmark(("BM_ScanFile/" + name).c_str(), BM_Scan, text)
        ->ThreadRange(1, 2)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    for (auto action : {vigie::RedactAction::kMask, vigie::RedactAction::kSurrogate}) {
      benchmark::RegisterBenchmark(
          ("BM_RedactFile/" + name + "/" + std::string(vigie::RedactActionName(action))).c_str(),
          BM_Redact, text, action)
          ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark(("BM_Database/" + name).c_str(), BM_Database, text)
        ->DenseRange(0, 2)
        ->Unit(benchmark::kMillisecond);
    static const auto* const detectors =
        new std::vector<vigie::internal::DetectorDef>(vigie::detect::BuiltinDetectors());
    for (const vigie::internal::DetectorDef& d : *detectors) {
      if (d.patterns.empty()) continue;
      benchmark::RegisterBenchmark(("BM_DetectorPatterns/" + name + "/" + d.kind).c_str(),
                                   BM_DetectorPatterns, text, &d)
          ->Unit(benchmark::kMillisecond);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  RegisterInputFiles();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
