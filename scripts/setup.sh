#!/usr/bin/env bash
# Installs what guanxi needs on a fresh machine: npm packages, the embedded Neo4j (Maven Central
# artifacts), and with --test Debian's Chromium and a CJK font for the browser test, and networkx
# (with scipy) for the analytics and export tests.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

with_browser=0
[ "${1:-}" = "--test" ] && with_browser=1

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* (apt-get)"
    if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    say "please install: $* (or see README: docker compose / NEO4J_URI)"; return 1
  fi
}

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then say "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"; exit 1; fi

if [ -z "${NEO4J_URI:-}" ]; then
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
fi

if [ "$with_browser" = 1 ]; then
  [ -x /usr/bin/chromium ] || apt_install chromium
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || apt_install fonts-noto-cjk
  # networkx reads the exports back (tests/integration/readers/) and checks the analytics
  # (tests/networkx/metrics.py; its PageRank needs scipy), from PyPI: Debian's python3-networkx
  # (2.8) reads neither GEXF 1.3 nor node-link JSON's "edges" key.
  if ! python3 -c 'import networkx, scipy, sys; sys.exit(tuple(map(int, networkx.__version__.split(".")[:2])) < (3, 4))' 2>/dev/null; then
    command -v python3 >/dev/null || apt_install python3
    python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
    say "installing networkx and scipy (pip)"
    # Debian 12's pip refuses --user installs beside apt's packages (PEP 668) unless told.
    python3 -m pip install --user --quiet --disable-pip-version-check networkx==3.6.1 scipy==1.15.3 2>/dev/null ||
      python3 -m pip install --user --quiet --disable-pip-version-check --break-system-packages networkx==3.6.1 scipy==1.15.3
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ -z "${NEO4J_URI:-}" ]; then
  say "preparing the embedded Neo4j (first time: Maven downloads about 150 MB)"
  node server/bin/guanxi.js neo4j build
fi
say "ready"
