#!/usr/bin/env bash
# The browsers the end-to-end tests run on, all from Debian's packages:
# - the newest chromium and firefox-esr Debian serves, installed as system packages when missing;
# - every other version of each that Debian serves and the manifest still supports, unpacked (not
#   installed) into .cache/browsers/<package>-<version>/, where scripts/e2e.mjs finds it and runs
#   that browser's suite again. Debian's stable and security archives each hold one version, so
#   a machine gets both builds of each browser wherever the two differ, whichever is installed;
# - for every Firefox build, the Dutch and French language packs of exactly its version (Debian's
#   firefox-esr-l10n-* packages hold Mozilla's langpack .xpi), unpacked into
#   .cache/langpacks/<version>/: Debian's firefox-esr ships none, and a Firefox test asking for Dutch
#   would otherwise run the English interface (test/e2e/harness/firefox.ts puts them in its profile).
# Needs root for apt-get (as CI and the developers' machines have it). Prints what it set up.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=.cache/browsers
mkdir -p "$cache"
apt_updated=
apt_update() { [ -n "$apt_updated" ] || { apt-get update -qq; apt_updated=1; }; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing browsers for the end-to-end tests: ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The manifest's floor for Firefox; Chromium's (minimum_chrome_version) is below anything Debian serves.
firefox_floor=$(node -p 'require("./manifest.json").browser_specific_settings.gecko.strict_min_version.split(".")[0]')

installed_version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null; }

# Versions of $1 in the archive whose major version is at least $2, but for the installed one.
other_versions() {
  local pkg=$1 floor=$2 installed
  installed=$(installed_version "$pkg")
  apt-cache madison "$pkg" | awk -F'|' '{gsub(/ /, "", $2); print $2}' | sort -uV |
    while read -r version; do
      if [ "${version%%.*}" -ge "$floor" ] && [ "$version" != "$installed" ]; then echo "$version"; fi
    done
}

# Unpacks $1 (and companion packages $3…) at version $2 into the cache, once.
unpack() {
  local pkg=$1 version=$2 dir="$cache/$1-${2%%-*}"
  shift 2
  [ -x "$dir/ok" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir/debs"
  (cd "$dir/debs" && apt-get download -qq "$pkg=$version" "${@/%/=$version}" 2>/dev/null)
  for deb in "$dir"/debs/*.deb; do dpkg-deb -x "$deb" "$dir"; done
  rm -rf "$dir/debs"
  printf '#!/bin/sh\n' >"$dir/ok" && chmod +x "$dir/ok"
}

# The interface languages the Firefox tests run besides English (Firefox's own).
langpack_languages=(nl fr)

# Unpacks the language packs of Firefox ESR $1 (a Debian version) into .cache/langpacks/<version>/, once.
langpacks() {
  local version=$1 dir=".cache/langpacks/${1%%-*}" lang
  [ -x "$dir/ok" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir/debs"
  for lang in "${langpack_languages[@]}"; do
    (cd "$dir/debs" && apt-get download -qq "firefox-esr-l10n-$lang=$version" 2>/dev/null) || {
      echo "No firefox-esr-l10n-$lang=$version in the archive: Firefox $version has no $lang interface to test" >&2
      continue
    }
  done
  for deb in "$dir"/debs/*.deb; do [ -e "$deb" ] && dpkg-deb -x "$deb" "$dir/unpacked"; done
  [ -d "$dir/unpacked" ] && find "$dir/unpacked" -name 'langpack-*.xpi' -exec mv {} "$dir/" \;
  rm -rf "$dir/debs" "$dir/unpacked"
  for lang in "${langpack_languages[@]}"; do [ -e "$dir/langpack-$lang@firefox-esr.mozilla.org.xpi" ] || return 0; done
  printf '#!/bin/sh\n' >"$dir/ok" && chmod +x "$dir/ok"
}

apt_update
for version in $(other_versions firefox-esr "$firefox_floor"); do unpack firefox-esr "$version"; langpacks "$version"; done
langpacks "$(installed_version firefox-esr)"
for version in $(other_versions chromium 0); do unpack chromium "$version" chromium-common; done

echo "Browsers for the end-to-end tests:"
echo "  $(chromium --version 2>/dev/null) (system)"
echo "  $(firefox-esr --version 2>/dev/null) (system)"
for dir in .cache/langpacks/*/; do
  echo "  Firefox $(basename "$dir") language packs: $(cd "$dir" && ls langpack-*.xpi 2>/dev/null | sed 's/langpack-\([a-z-]*\)@.*/\1/' | tr '\n' ' ')"
done
for dir in "$cache"/*/; do
  [ -x "$dir/ok" ] || continue
  for bin in usr/lib/chromium/chromium usr/lib/firefox-esr/firefox-esr; do
    [ -x "$dir$bin" ] && echo "  $("$dir$bin" --version 2>/dev/null) ($dir)"
  done
done
