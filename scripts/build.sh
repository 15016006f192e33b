#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures and builds one flavour of vigie under build/NAME.
#   scripts/build.sh release   optimized, warnings as errors
#   scripts/build.sh asan      AddressSanitizer + UndefinedBehaviorSanitizer
#   scripts/build.sh tsan      ThreadSanitizer
# Arguments after the flavour go to `cmake --build` (--target NAME...).
set -euo pipefail
cd "$(dirname "$0")/.."
flavour="${1:-release}"
shift || true
case "$flavour" in
  release)
    args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DVIGIE_WERROR=ON) ;;
  asan)
    args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" -DVIGIE_SANITIZE=ON
          -DVIGIE_WERROR=ON -DVIGIE_BUILD_BENCHMARKS=OFF -DVIGIE_BUILD_EXAMPLES=OFF) ;;
  tsan)
    args=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" -DVIGIE_SANITIZE=thread
          -DVIGIE_WERROR=ON -DVIGIE_BUILD_BENCHMARKS=OFF -DVIGIE_BUILD_EXAMPLES=OFF) ;;
  *)
    echo "build: unknown flavour $flavour (release, asan or tsan)" >&2; exit 2 ;;
esac
cmake -S . -B "build/$flavour" -G Ninja "${args[@]}" >/dev/null
cmake --build "build/$flavour" -j2 "$@"
