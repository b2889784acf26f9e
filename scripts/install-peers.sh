#!/usr/bin/env bash
# Installs the peers `npm run bench` compares Klaxon with, for the bench only (.ci/run never needs
# them), into bench/.peers/ (git-ignored), nothing system-wide:
#   - ElastAlert 2 from PyPI, in a Python venv (bench/.peers/venv). Its newest release for the
#     machine's Python is taken (2.19.0 on Python 3.11; later ones need 3.12). pytz is added because
#     elastalert2 2.19.0 imports it without declaring it.
#   - Debian's fail2ban package (fail2ban-regex and its filters), unpacked with dpkg -x rather than
#     installed, so no fail2ban service is set up or started (bench/.peers/fail2ban).
# Needs python3 with venv (Debian: python3-venv) and apt-get. Run again to refresh.
set -euo pipefail
cd "$(dirname "$0")/.."
peers=bench/.peers
mkdir -p "$peers"

echo "== ElastAlert 2 into $peers/venv"
python3 -m venv "$peers/venv"
"$peers/venv/bin/pip" install --quiet --disable-pip-version-check elastalert2 pytz
"$peers/venv/bin/python" -c 'import importlib.metadata as m; print("elastalert2", m.version("elastalert2"))'

echo "== Debian's fail2ban, unpacked into $peers/fail2ban"
download=$(mktemp -d)
trap 'rm -rf "$download"' EXIT
if ! (cd "$download" && apt-get download fail2ban); then
  apt-get update
  (cd "$download" && apt-get download fail2ban)
fi
rm -rf "$peers/fail2ban"
dpkg -x "$download"/fail2ban_*.deb "$peers/fail2ban"
PYTHONPATH="$peers/fail2ban/usr/lib/python3/dist-packages" python3 "$peers/fail2ban/usr/bin/fail2ban-regex" --version
