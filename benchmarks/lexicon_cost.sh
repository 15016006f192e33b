#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The cost of the large health lexicons, measured in one run: the same
# benchmarks built with the curated list only (build/curated) and with
# every lexicon (build/release), run one after the other, twice each.
#   benchmarks/lexicon_cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh release --target vigie_benchmarks >/dev/null
cmake -S . -B build/curated -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DVIGIE_FULL_HEALTH_LEXICONS=OFF -DVIGIE_BUILD_TESTS=OFF -DVIGIE_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build/curated -j2 --target vigie_benchmarks >/dev/null
filter='BM_Scan/FrenchProse|BM_ScanSmallRecords|BM_CompileBuiltins|BM_LoadSerialized'
for round in 1 2; do
  for flavour in curated release; do
    echo "== $flavour (round $round)"
    "build/$flavour/benchmarks/vigie_benchmarks" --benchmark_filter="$filter" 2>/dev/null | grep '^BM_'
  done
done
