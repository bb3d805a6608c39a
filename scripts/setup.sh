#!/usr/bin/env bash
# Installs what vexil needs from Debian 12's packages (only what is missing) and builds it in build/.
# Sourced or run by the other scripts; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(build-essential cmake pkg-config groff-base zsh fish zlib1g-dev libdeflate-dev libqpdf-dev libcairo2-dev librsvg2-dev librsvg2-bin libpango1.0-dev libtomlplusplus-dev
          libcli11-dev liblcms2-dev catch2 poppler-utils qpdf ghostscript libgs-common fonts-dejavu-core fonts-noto-core chromium clang-format
          clang-14 libclang-rt-14-dev llvm-14) # the last three: scripts/fuzz.sh and asan.sh (libFuzzer, sanitizers, llvm-symbolizer)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "vexil: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build="${VEXIL_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVEXIL_WERROR="${VEXIL_WERROR:-ON}" >/dev/null
cmake --build "$build" -j"$(nproc)"
