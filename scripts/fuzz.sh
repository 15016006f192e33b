#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan) and fuzzes
# each for SECONDS (default 60), two at a time, from its seed corpus
# (fuzz/corpus/NAME) and what earlier runs found (build/fuzz/corpus/NAME).
# Prints, per target, the executions, executions per second, coverage
# (edges and features) and crashes; logs and crashing inputs stay in
# build/fuzz/. Not part of the test command (it needs clang and time); the
# test command replays every seed corpus.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scanner stream deserialize validators address person layout)
if ! command -v clang++-14 >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
fi
CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVIGIE_SANITIZE=ON -DVIGIE_BUILD_FUZZERS=ON -DVIGIE_BUILD_TESTS=OFF -DVIGIE_BUILD_PYTHON=OFF \
  -DVIGIE_BUILD_BENCHMARKS=OFF -DVIGIE_BUILD_EXAMPLES=OFF -DVIGIE_BUILD_TOOLS=OFF >/dev/null
mapfile -t binaries < <(printf 'vigie_%s_fuzzer\n' "${targets[@]}")
cmake --build build/fuzz -j2 --target "${binaries[@]}"

# The longest input worth trying, per target.
max_len() {
  case "$1" in
    deserialize) echo 32768 ;;
    address) echo 128 ;;
    validators | person) echo 256 ;;
    *) echo 4096 ;;
  esac
}

mkdir -p build/fuzz/logs build/fuzz/artifacts
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The scanners load their compiled detectors from a cache of their own.
export VIGIE_CACHE_DIR="$PWD/build/fuzz/cache"
run() {
  local t=$1 seeds=fuzz/corpus/$1
  [ "$t" = stream ] && seeds=fuzz/corpus/scanner
  mkdir -p "build/fuzz/corpus/$t"
  "build/fuzz/fuzz/vigie_${t}_fuzzer" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
    -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$t-" \
    "build/fuzz/corpus/$t" "$seeds" >"build/fuzz/logs/$t.log" 2>&1 || true
}
# The compiled detectors, once, before two targets would compile them at once.
echo | "build/fuzz/fuzz/vigie_scanner_fuzzer" -runs=1 >/dev/null 2>&1 || true
running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait

printf "%-12s %12s %10s %8s %8s %8s\n" target executions exec/s edges features crashes
for t in "${targets[@]}"; do
  log=build/fuzz/logs/$t.log
  runs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$log" | grep -oE "[0-9]+$" || echo 0)
  rate=$(grep -oE "stat::average_exec_per_sec: +[0-9]+" "$log" | grep -oE "[0-9]+$" || echo 0)
  cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+" "$log" | tail -1 || true)
  edges=$(sed -E 's/cov: ([0-9]+).*/\1/' <<<"$cov")
  features=$(sed -E 's/.*ft: ([0-9]+)/\1/' <<<"$cov")
  crashes=$(find build/fuzz/artifacts -name "$t-*" | wc -l)
  printf "%-12s %12s %10s %8s %8s %8s\n" "$t" "$runs" "$rate" "${edges:-0}" "${features:-0}" \
    "$crashes"
done
