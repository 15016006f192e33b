#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every test: install what is missing, check the licence files, build
# (optimized and with ASan+UBSan), run the unit tests in both builds (the examples in the first), the
# command-line tests against both programs, the install tree linked by a
# project outside the tree (CMake, pkg-config, add_subdirectory), the Conan
# recipe, the differential tests against python-stdnum and phonenumbers,
# the Python package's tests and its Spark example, the format check and
# clang-tidy. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

# A sanitizer's report fails the run with its own status, never one that a
# test could take for "findings" (1) or "error" (2), and stops at the first.
export ASAN_OPTIONS="halt_on_error=1:exitcode=66:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=66:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:exitcode=66"

passed=0
failed=0
add() { passed=$((passed + $1)); failed=$((failed + $2)); last_passed=$1; }
# Passed tests that repeat, in another build, a test counted already (the
# unit and CLI tests under the sanitizers).
repeated=0
# A suite that could not run (its build failed) counts as one failure.
not_run() { echo "$1: not run ($2)"; add 0 1; }
# Seconds since the previous step ended, printed after each step's counts.
mark=$SECONDS
lap() { lap_s=$((SECONDS - mark)); mark=$SECONDS; }
log_dir=build/test-logs
mkdir -p "$log_dir"

# ctest's "N% tests passed, M tests failed out of T"; arguments after the
# build directory go to ctest. A test that did not run (skipped, disabled)
# is a failure.
ctest_suite() {
  local name=$1 dir=$2 log="$log_dir/$1.log"
  shift 2
  ctest --test-dir "$dir" -j2 --output-on-failure "$@" >"$log" 2>&1
  local line total bad skipped
  line=$(grep -E "tests passed, [0-9]+ tests? failed out of [0-9]+" "$log" | tail -1)
  if [ -z "$line" ]; then
    echo "$name: no test summary (see $log)"; tail -20 "$log"; add 0 1; return
  fi
  bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
  skipped=$(grep -cE "\((Skipped|Disabled|Not Run)\)" "$log" || true)
  bad=$((bad + skipped))
  lap; echo "$name: $((total - bad)) passed, $bad failed (${lap_s}s)"
  [ "$bad" -eq 0 ] || grep -E "\(Failed\)|\*\*\*" "$log" | head -20
  add $((total - bad)) "$bad"
}

# pytest's closing line: "3 failed, 14 passed in 1.2s". Arguments after
# the Python interpreter go to pytest.
pytest_suite() {
  local name=$1 bin=$2 tests=$3 python=${4:-python3} log="$log_dir/$1.log"
  shift $(($# < 4 ? $# : 4))
  VIGIE_BIN="$bin" "$python" -m pytest -q -p no:cacheprovider "$tests" "$@" >"$log" 2>&1
  local rc=$? line p f e
  line=$(tail -1 "$log")
  p=$(grep -oE "[0-9]+ passed" <<<"$line" | grep -oE "[0-9]+" || echo 0)
  f=$(grep -oE "[0-9]+ failed" <<<"$line" | grep -oE "[0-9]+" || echo 0)
  e=$(grep -oE "[0-9]+ errors?" <<<"$line" | grep -oE "[0-9]+" || echo 0)
  s=0  # a test that did not run is no pass
  for n in $(grep -oE "[0-9]+ (skipped|deselected|xfailed|xpassed)" <<<"$line" | grep -oE "^[0-9]+"); do
    s=$((s + n))
  done
  f=$((f + e + s))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  lap; echo "$name: $p passed, $f failed (${lap_s}s)"
  [ "$f" -eq 0 ] || grep -E "^(FAILED|ERROR|E )" "$log" | head -20
  add "$p" "$f"
}

# Arguments after the flavour go to `cmake --build` (--target NAME...).
build_flavour() {
  local flavour=$1 log="$log_dir/build-$1.log"
  if ! scripts/build.sh "$@" >"$log" 2>&1; then
    echo "build $flavour: FAILED (its suites below are not run)"
    grep -E "error|Error" "$log" | head -30; add 0 1; return 1
  fi
  lap; echo "build $flavour: done (${lap_s}s)"
}

# A virtual environment build/venv-NAME with PACKAGES from PyPI (what is
# already there is not fetched again); pip's output in $log_dir/pip-NAME.log.
venv_install() {
  local name=$1 venv=build/venv-$1
  shift
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
  "$venv/bin/pip" install -q "$@" >"$log_dir/pip-$name.log" 2>&1
}

# The licence: LICENSE, NOTICE, an SPDX identifier in every source file, the
# data's licence texts, the package metadata.
pytest_suite licence "" tests/install/test_licence.py

if build_flavour release; then
  ctest_suite unit-release build/release
  pytest_suite cli-release "$PWD/build/release/tools/vigie/vigie" tests/cli
  # The findings on the golden inputs (sample, generated exports, QUAERO)
  # equal the recorded ones.
  pytest_suite golden "$PWD/build/release/tools/vigie/vigie" tests/golden
  # C++ users: the release build installed into a fresh prefix and linked by
  # a project outside the tree (find_package, pkg-config, add_subdirectory).
  VIGIE_BUILD_DIR="$PWD/build/release" pytest_suite install "" tests/install/test_install.py
  # The reference implementations, pinned: their verdicts are the test.
  if venv_install reference python-stdnum==2.2 phonenumbers==9.0.43 pytest; then
    pytest_suite differential "$PWD/build/release/tools/vigie/vigie" tests/differential \
      build/venv-reference/bin/python
  else
    echo "differential: could not install the reference packages"; tail -5 "$log_dir/pip-reference.log"
    add 0 1
  fi
else
  for suite in unit-release cli-release golden install differential; do
    not_run "$suite" "build failed"
  done
fi
# The Conan recipe: `conan create` offline, Debian's packages standing in
# for ConanCenter's ([platform_requires] in conan/profiles/debian12); Conan
# from PyPI, pinned, with its cache (CONAN_HOME) under build/.
if venv_install conan conan==2.34.0; then
  CONAN_HOME="$PWD/build/conan-home" VIGIE_CONAN="$PWD/build/venv-conan/bin/conan" \
    pytest_suite conan "" tests/install/test_conan.py
else
  echo "conan: could not install Conan from PyPI"; tail -5 "$log_dir/pip-conan.log"; add 0 1
fi

# The Python package, built by pip from the repository root (scikit-build-core
# and nanobind from PyPI; the build directory is kept under build/python, so a
# second run only relinks) into a virtual environment of its own, with
# PySpark for the Spark example (run in local mode on Debian's Java).
if venv_install python ".[test,spark]"; then
  pytest_suite python "" bindings/python/tests build/venv-python/bin/python
  pytest_suite spark "" examples/spark build/venv-python/bin/python
else
  echo "python: the package did not build"; grep -E "error|Error" "$log_dir/pip-python.log" | head -20
  add 0 1
fi

# The unit and command-line tests in a sanitizer build FLAVOUR (arguments
# after it go to the build): all but the comparison of the built-in
# patterns with std::regex (pattern semantics, not memory: run in the
# optimized build; std::regex under ASan takes seven minutes), and all
# but the hostile inputs, which measure the optimized program's memory
# and run once, in cli-release. Their passes repeat tests counted already.
sanitizer_suites() {
  local flavour=$1
  # The reference regex engine is slow under sanitizers and checks no memory
  # of vigie's; the fuzz corpora run on one thread, so the ASan build
  # replays them and the TSan build does not.
  local skip='^DifferentialTest\.HyperscanAgreesWithStdRegex'
  [ "$flavour" = tsan ] && skip="$skip|^fuzz_replay_"
  if build_flavour "$@"; then
    ctest_suite "unit-$flavour" "build/$flavour" -E "$skip"
    repeated=$((repeated + last_passed))
    pytest_suite "cli-$flavour" "$PWD/build/$flavour/tools/vigie/vigie" tests/cli python3 \
      --ignore=tests/cli/test_hostile_input.py
    repeated=$((repeated + last_passed))
  else
    not_run "unit-$flavour" "build failed"; not_run "cli-$flavour" "build failed"
  fi
}

# AddressSanitizer and UndefinedBehaviorSanitizer.
sanitizer_suites asan

# ThreadSanitizer: the unit tests (a Scanner shared by eight threads,
# streams and parts in parallel) and the command line (-j: files and parts
# of a file scanned by threads).
sanitizer_suites tsan --target vigie_unit_tests vigie_cli

# Formatting: clang-format's Google-based style, checked, never rewritten here.
mapfile -t sources < <(git ls-files '*.cc' '*.h' 2>/dev/null || find include lib tools tests benchmarks examples -name '*.cc' -o -name '*.h')
if clang-format --dry-run --Werror "${sources[@]}" >"$log_dir/format.log" 2>&1; then
  lap; echo "format: 1 passed, 0 failed (${lap_s}s)"; add 1 0
else
  echo "format: 0 passed, 1 failed"; head -20 "$log_dir/format.log"; add 0 1
fi

# Static analysis: clang-tidy (.clang-tidy) over the library and the program,
# with the release build's compile commands; any warning fails.
if [ -f build/release/compile_commands.json ]; then
  if git ls-files 'lib/*.cc' 'tools/*.cc' | xargs -P2 -n4 clang-tidy -p build/release --quiet \
      >"$log_dir/tidy.log" 2>&1; then
    lap; echo "clang-tidy: 1 passed, 0 failed (${lap_s}s)"; add 1 0
  else
    echo "clang-tidy: 0 passed, 1 failed"; grep -E "error:|warning:" "$log_dir/tidy.log" | head -20; add 0 1
  fi
else
  not_run clang-tidy "no compile_commands.json in build/release"
fi

echo "($repeated of the passed tests repeat a test in another build: the unit and command-line tests under ASan and TSan)"
echo "$passed passed, $failed failed in ${SECONDS}s"
[ "$failed" -eq 0 ]
