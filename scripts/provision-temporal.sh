#!/usr/bin/env bash
# Provisions the Temporal CLI (which embeds the dev server) when `temporal` is not on PATH:
# builds it from its Go module into .tools/bin (git-ignored) and reuses that build afterwards.
# Prints the path of the binary to use as its last line.
set -euo pipefail

VERSION=v1.5.1 # newest tag `go install` accepts; later ones carry a replace directive
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.tools/bin"

if command -v temporal >/dev/null 2>&1; then
  command -v temporal
  exit 0
fi
if [ -x "$BIN_DIR/temporal" ]; then
  echo "$BIN_DIR/temporal"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  for candidate in /usr/local/go/bin/go "$HOME/go/bin/go"; do
    if [ -x "$candidate" ]; then PATH="$(dirname "$candidate"):$PATH"; break; fi
  done
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: the Temporal CLI is not on PATH and Go (>= 1.25) is missing, so it cannot be built." >&2
  echo "       Install Go, or install the Temporal CLI, or set TEMPORAL_ADDRESS to an existing cluster." >&2
  exit 1
fi
echo "Building the Temporal CLI $VERSION with $(go version) into $BIN_DIR (first run only; takes a few minutes)..." >&2
mkdir -p "$BIN_DIR"
LOG="$ROOT/.tools/temporal-build.log"
if ! GOBIN="$BIN_DIR" CGO_ENABLED=0 go install -v "github.com/temporalio/cli/cmd/temporal@$VERSION" 2>&1 \
  | tee "$LOG" | awk '{ n++; if (n % 50 == 0) { printf "  ... %d packages compiled (%s)\n", n, $0; fflush() } }' >&2; then
  echo "error: building the Temporal CLI failed; the last lines of $LOG:" >&2
  tail -n 30 "$LOG" >&2
  exit 1
fi
if [ ! -x "$BIN_DIR/temporal" ]; then
  echo "error: go install finished but $BIN_DIR/temporal is missing" >&2
  exit 1
fi
echo "Temporal CLI ready: $("$BIN_DIR/temporal" --version)" >&2
echo "$BIN_DIR/temporal"
