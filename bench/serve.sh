#!/usr/bin/env bash
# Measures the watch mode on a generated site of 2,000 pages (1,000 per
# language): save-to-reload latency over 100 saves (p50, p95) and the live
# heap across 200 consecutive rebuilds.
#   bench/serve.sh [count]    repeat each benchmark count times (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-3}
go test -run '^$' -bench 'SaveToReload' -benchtime 100x -count "$count" ./bench/latency/
go test -run '^$' -bench 'RebuildMemory' -benchtime 1x -count 1 ./bench/latency/
