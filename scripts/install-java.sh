#!/usr/bin/env bash
# Make sure a Java runtime 17 or newer is on PATH for the Spark engine (tests/spark, --engine spark).
#
# Idempotent: does nothing when `java -version` already reports 17+. Otherwise installs Debian's
# openjdk-17-jre-headless (falling back to the default-jre-headless package where 17 is not offered).
# Needs root (CI runs as root); without root it tries sudo, and fails loudly if neither works.
set -euo pipefail

java_major() {
    command -v java >/dev/null 2>&1 || { echo 0; return; }
    # `java -version` prints e.g.: openjdk version "17.0.15" 2025-04-15 (or "1.8.0_402" for Java 8)
    local v
    v=$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
    case "$v" in
        1.*) echo "${v#1.}" | cut -d. -f1 ;;
        "") echo 0 ;;
        *) echo "$v" | cut -d. -f1 | cut -d- -f1 ;;
    esac
}

if [ "$(java_major)" -ge 17 ]; then
    exit 0
fi

. "$(dirname "$0")/root-apt.sh"
root_or_sudo "install-java.sh: Java 17+ is missing and this is not root; install openjdk-17-jre-headless"
$SUDO apt-get update -qq
# The JRE's post-install step needs this folder on slim images.
$SUDO mkdir -p /usr/share/man/man1
if ! $SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null 2>&1; then
    $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if [ "$(java_major)" -lt 17 ]; then
    echo "install-java.sh: installed Java is older than 17: $(java -version 2>&1 | head -n1)" >&2
    exit 1
fi
java -version 2>&1 | head -n1
