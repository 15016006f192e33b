#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what vigie needs to build and test on Debian 12, as root or
# through sudo. Quick when everything is already there.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libabsl-dev libicu-dev libssl-dev nlohmann-json3-dev libcli11-dev libphonenumber-dev
  libtomlplusplus-dev
  libgtest-dev libbenchmark-dev
  clang-format clang-tidy
  python3 python3-venv python3-pip
  openjdk-17-jre-headless
  # The tests render `vigie report`'s HTML in a headless browser and
  # validate its JSON against the schema.
  chromium fonts-dejavu-core python3-jsonschema
)
# Intel's Hyperscan on x86-64 (Debian's Vectorscan 5.4.9 falls in the range
# of a known x86 correctness regression); Vectorscan elsewhere.
if [ "$(dpkg --print-architecture)" = amd64 ]; then
  packages+=(libhyperscan-dev)
else
  packages+=(libvectorscan-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
# pytest: any python3 that has it will do; Debian's package otherwise.
if ! python3 -m pytest --version >/dev/null 2>&1; then
  missing+=(python3-pytest)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
