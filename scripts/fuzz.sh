#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets with clang (ASan + UBSan) and fuzzes each for
# a while. Not part of the test command: it needs clang and time.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! command -v clang++-14 >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
fi
CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DVIGIE_SANITIZE=ON -DVIGIE_BUILD_FUZZERS=ON -DVIGIE_BUILD_TESTS=OFF \
  -DVIGIE_BUILD_BENCHMARKS=OFF -DVIGIE_BUILD_EXAMPLES=OFF -DVIGIE_BUILD_TOOLS=OFF >/dev/null
cmake --build build/fuzz -j2 --target vigie_scanner_fuzzer
mkdir -p build/fuzz/corpus
build/fuzz/vigie_scanner_fuzzer -max_total_time="$seconds" -max_len=4096 -artifact_prefix=build/fuzz/ \
  build/fuzz/corpus tests/data/fuzz_seeds examples/data
