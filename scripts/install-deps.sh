#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages ClozeScope needs to build and test, skipping those present.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config libutf8proc-dev libsentencepiece-dev libonig-dev
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools
    qt6-translations-l10n fonts-noto-cjk xvfb xauth poppler-utils
    nlohmann-json3-dev libcli11-dev libtorch-dev libopenblas0-openmp
    desktop-file-utils appstream man-db python3-venv
)

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
