# Sourced by the install-*.sh scripts: sets SUDO so that apt-get runs as root (CI runs as root; otherwise
# sudo when there is one), or exits with the message given as $1 naming what to install by hand.
root_or_sudo() {
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO="sudo"
        else
            echo "$1" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
}
