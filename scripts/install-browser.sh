#!/usr/bin/env bash
# Install Debian's Chromium for the browser (e2e) tests, once.
#
# Playwright cannot download its own browsers on these machines, so the tests launch the system
# Chromium at /usr/bin/chromium. This script is idempotent: it does nothing when Chromium is there.
# It needs root (CI runs it as root); without root it tries sudo, and fails loudly if neither works.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

. "$(dirname "$0")/root-apt.sh"
root_or_sudo "install-browser.sh: /usr/bin/chromium is missing and this is not root; install the 'chromium' package"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
