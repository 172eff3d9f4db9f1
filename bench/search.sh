#!/usr/bin/env bash
# The search's budgets on a generated site (issue 13):
#
#   bench/search.sh          5,000 good practices per language (10,000 in all)
#   bench/search.sh 1000     another size
#
# Environment: RUNS (builds, default 3), BENCH_DIR (work folder, default
# /tmp/opengov-search-bench).
#
# It generates the site (bench/gen, plus the shipped search pages), builds
# it RUNS times with opengov, each into a fresh folder, and prints the
# medians of the whole build's wall time and of the indexing's (opengov
# build prints both), so the time indexing adds and its share, and the
# build's CPU time where /usr/bin/time exists. Then
# bench/search-transfer.mjs serves the last build gzip-compressed, as a
# static host would, and measures in Chromium the bytes the search page
# transfers before the first query and for a typical query.
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${1:-5000}
runs=${RUNS:-3}
work=${BENCH_DIR:-/tmp/opengov-search-bench}
rm -rf "$work"
mkdir -p "$work/bin"

npm ci --prefix internal/search --no-audit --no-fund >/dev/null
npm ci --prefix testdata/browser --no-audit --no-fund >/dev/null
go build -o "$work/bin/opengov" ./cmd/opengov
go run ./bench/gen -pages "$pages" -out "$work/src"
cp content/search.*.md "$work/src/content/"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { # Go's durations, "4m12.345s", "1.509s" or "812ms" -> seconds
	awk '{v=$1; m=0; if (v ~ /ms$/) {sub(/ms$/,"",v); print v/1000; next}
		if (v ~ /m/) {split(v, p, "m"); m=p[1]; v=p[2]} sub(/s$/,"",v); print m*60+v}'
}

: >"$work/total"
: >"$work/index"
: >"$work/cpu"
for i in $(seq 1 "$runs"); do
	out="$work/out-$i"
	if [ -x /usr/bin/time ]; then
		log=$(/usr/bin/time -f '%U %S' -o "$work/cpu-$i" "$work/bin/opengov" build --source "$work/src" --out "$out")
		awk '{print $1 + $2}' "$work/cpu-$i" >>"$work/cpu"
	else
		log=$("$work/bin/opengov" build --source "$work/src" --out "$out")
	fi
	echo "$log" | sed 's/^/  /'
	echo "$log" | sed -n 's/^built .* in \(.*\)$/\1/p' | seconds >>"$work/total"
	echo "$log" | sed -n 's/^indexed .* in \(.*\)$/\1/p' | seconds >>"$work/index"
done
total=$(median <"$work/total")
index=$(median <"$work/index")
html=$(find "$work/out-$runs" -name '*.html' | wc -l)
echo
echo "pages per language: $pages; HTML files: $html; runs: $runs; $(nproc) cores"
echo "median build: ${total}s, of which indexing: ${index}s ($(awk -v a="$index" -v b="$total" 'BEGIN {printf "%.0f", 100*a/b}')%)"
[ -s "$work/cpu" ] && echo "median CPU (user+system, opengov, node and Pagefind): $(median <"$work/cpu")s"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"
echo "index size: $(du -sh "$work/out-$runs/pagefind" | cut -f1) in $(find "$work/out-$runs/pagefind" -type f | wc -l) files"
echo
node bench/search-transfer.mjs "$work/out-$runs"
