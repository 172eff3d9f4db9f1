#!/usr/bin/env bash
# Compares full builds of opengov and Hugo on the same generated content.
#
#   bench/run.sh                  sizes 1000, 5000 and 10000 good practices per
#                                 language (2,000, 10,000 and 20,000 pages)
#   bench/run.sh 1000 2000 5000   other sizes
#
# Environment: RUNS (builds per tool and size, default 5), BENCH_DIR (work
# folder, default /tmp/opengov-bench), QUIET_MAX (seconds to wait for an
# idle CPU before each build, default 10; 0 turns the wait off), HUGO (the
# current Hugo, default $(go env GOPATH)/bin/hugo, installed with go install
# when missing), HUGO_DEBIAN (Debian's Hugo 0.111, default /usr/bin/hugo,
# installed with apt-get when missing; HUGO_DEBIAN=none leaves it out).
#
# The tools are opengov (opengov build --search=false: the site without
# its search index, like for like with Hugo, which indexes nothing),
# "hugo" (the current Hugo, HUGO_VERSION, built
# through the Go module proxy: Hugo 0.166 and later need Go 1.27) and
# "hugo-deb" (Debian's). Both Hugos build the same Hugo twin of the site
# (bench/gensite/hugo.go, bench/hugo/layouts), which paginates its lists
# as opengov does (pagination.pagerSize, and paginate for Hugo 0.111).
# Unless SEARCH=0, "og+search" is opengov's whole build, Pagefind's index
# included, timed the same way: its row, and the row "search indexing"
# beside it (its medians less opengov's), show what the indexing adds,
# apart from the comparison with Hugo.
#
# For each size it generates the site twice from the same seed (bench/gen
# and bench/gen -hugo), then builds it RUNS times with each tool, taking
# turns, each time into a fresh empty folder made before the clock starts.
# Hugo runs with --minify; opengov always minifies. /usr/bin/time -v
# measures wall time, user+system CPU and peak RSS. It prints the medians,
# the opengov/Hugo ratios, and how each tool grows from the smallest size
# to the largest (a ratio equal to the size ratio is linear growth).
#
# Nothing is deleted while builds are timed, nor in the minutes before:
# when ext4 makes a file it passes over the inodes freed in the last one to
# six minutes (recently_deleted in fs/ext4/ialloc.c), so a build that
# follows the deletion of another build's 10,000 files spends seconds of
# system time in that search, more the more was deleted. Each build writes
# into a folder of its own (about 3 GB in all for 5 runs at 5,000 pages);
# what an earlier run of the script left is moved aside at the start and
# deleted at the end with this run's folders, and a run that starts within
# six minutes of such a deletion waits them out first.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000)
runs=${RUNS:-5}
work=${BENCH_DIR:-/tmp/opengov-bench}
quiet_max=${QUIET_MAX:-10}

apt_install() {
	if [ -z "${apt_updated:-}" ]; then
		apt-get update -qq
		apt_updated=1
	fi
	# Without recommends: Hugo's would put an old Go first on PATH.
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
[ -x /usr/bin/time ] || apt_install time
hugo_version_wanted=${HUGO_VERSION:-v0.165.0}
hugo_current=${HUGO:-$(go env GOPATH)/bin/hugo}
if [ ! -x "$hugo_current" ]; then
	echo "installing Hugo $hugo_version_wanted with go install (about 4 minutes)"
	CGO_ENABLED=0 GOBIN=$(dirname "$hugo_current") go install "github.com/gohugoio/hugo@$hugo_version_wanted"
fi
hugo_debian=${HUGO_DEBIAN:-/usr/bin/hugo}
tools=(opengov hugo)
if [ "${SEARCH:-1}" != 0 ]; then
	npm ci --prefix internal/search --no-audit --no-fund >/dev/null
	tools+=(og+search)
fi
if [ "$hugo_debian" != none ]; then
	[ -x "$hugo_debian" ] || apt_install hugo
	tools+=(hugo-deb)
fi

# recent_delete_wait is how long after deleting many files the builds wait
# (see above); RECENT_DELETE_WAIT=0 turns the wait off.
recent_delete_wait=${RECENT_DELETE_WAIT:-360}
trash="$work/trash"
mkdir -p "$work/bin" "$work/results" "$trash"
# Moving is a rename: it frees no inode.
for old in "$work/src" "$work/out" "$work"/hugo-cache*; do
	[ -e "$old" ] && mv "$old" "$trash/$(basename "$old").$$"
done
if [ -f "$work/deleted-at" ]; then
	wait_s=$(($(cat "$work/deleted-at") + recent_delete_wait - $(date +%s)))
	if [ "$wait_s" -gt 0 ]; then
		echo "waiting ${wait_s}s: an earlier run deleted its builds less than ${recent_delete_wait}s ago"
		sleep "$wait_s"
	fi
fi
echo "building opengov and the generator"
go build -o "$work/bin/opengov" ./cmd/opengov
go build -o "$work/bin/gen" ./bench/gen
opengov_version=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo +dirty)
hugo_version=$("$hugo_current" version | awk '{print $2}')
[ "$hugo_debian" = none ] || hugo_version="$hugo_version, hugo-deb $("$hugo_debian" version | awk '{print $2}')"
results="$work/results/$(date +%Y%m%d-%H%M%S).tsv"
printf 'size\ttool\trun\twall_s\tcpu_s\trss_mb\tidle_pct\tfiles\tout_mb\tlargest_html_kb\n' >"$results"

# idle_pct prints the share of idle CPU time over one second.
idle_pct() {
	local a b
	read -r -a a < <(grep '^cpu ' /proc/stat)
	sleep 1
	read -r -a b < <(grep '^cpu ' /proc/stat)
	local total=0 i
	for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
	local idle=$((b[4] + b[5] - a[4] - a[5]))
	echo $((total > 0 ? 100 * idle / total : 100))
}

# wait_quiet waits, up to quiet_max seconds, for a mostly idle machine, so
# that other processes disturb the timing less; it prints the last idle
# share it saw.
wait_quiet() {
	local waited=0 idle
	idle=$(idle_pct)
	while [ "$idle" -lt 85 ] && [ "$waited" -lt "$quiet_max" ]; do
		idle=$(idle_pct)
		waited=$((waited + 1))
	done
	echo "$idle"
}

# measure SIZE TOOL RUN: one timed build into a fresh, empty folder.
measure() {
	local size=$1 tool=$2 run=$3
	local srcdir=$tool
	case $tool in opengov | og+search) srcdir=opengov ;; *) srcdir=hugo ;; esac
	local src="$work/src/$size/$srcdir" out="$work/out/$size-$tool-$run" cache="$work/hugo-cache/$size-$tool-$run"
	local tfile="$work/results/last.time"
	# Hugo's resources/ holds its minified CSS from the last build: a handful
	# of files, deleted so that Hugo too builds everything.
	rm -rf "$src/resources" "$src/.hugo_build.lock"
	mkdir -p "$out" "$cache"
	sync
	local idle
	idle=$(wait_quiet)
	local cmd
	case $tool in
	opengov) cmd=("$work/bin/opengov" build --search=false --source "$src" --out "$out") ;;
	og+search) cmd=("$work/bin/opengov" build --source "$src" --out "$out") ;;
	hugo) cmd=("$hugo_current" --minify --quiet --source "$src" --destination "$out" --cacheDir "$cache") ;;
	hugo-deb) cmd=("$hugo_debian" --minify --quiet --source "$src" --destination "$out" --cacheDir "$cache") ;;
	esac
	if ! /usr/bin/time -v -o "$tfile" "${cmd[@]}" >"$work/results/last.log" 2>&1; then
		echo "$tool failed on size $size:" >&2
		tail -20 "$work/results/last.log" >&2
		exit 1
	fi
	local wall cpu rss files
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$tfile")
	cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$tfile")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$tfile")
	files=$(find "$out" -type f | wc -l)
	# The output's size and its largest HTML page (uncompressed), read after
	# the clock stopped.
	local out_mb largest_kb
	out_mb=$(find "$out" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')
	largest_kb=$(find "$out" -type f -name '*.html' -printf '%s\n' | sort -n | tail -1 | awk '{printf "%.1f", $1 / 1e3}')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$run" "$wall" "$cpu" "$rss" "$idle" "$files" "$out_mb" "$largest_kb" >>"$results"
	printf '  %-7s run %d: wall %6.2fs  cpu %6.2fs  rss %5d MB  (%d files, cpu idle before: %d%%)\n' "$tool" "$run" "$wall" "$cpu" "$rss" "$files" "$idle"
}

for size in "${sizes[@]}"; do
	echo "size $size good practices per language: generating"
	"$work/bin/gen" -pages "$size" -out "$work/src/$size/opengov"
	# One Hugo twin for both Hugos; each build gets its own cache folder.
	"$work/bin/gen" -pages "$size" -hugo -out "$work/src/$size/hugo"
	for run in $(seq 1 "$runs"); do
		# Take turns, so that a slow phase of the machine hits every tool.
		order=("${tools[@]}")
		if [ $((run % 2)) -eq 0 ]; then
			order=()
			for ((i = ${#tools[@]} - 1; i >= 0; i--)); do order+=("${tools[i]}"); done
		fi
		for tool in "${order[@]}"; do
			measure "$size" "$tool" "$run"
		done
	done
done
echo "deleting the builds"
rm -rf "$work/out" "$work/src" "$work/hugo-cache" "$trash"
sync
date +%s >"$work/deleted-at"

# median SIZE TOOL COLUMN
median() {
	awk -F'\t' -v s="$1" -v t="$2" -v c="$3" 'NR > 1 && $1 == s && $2 == t {print $c}' "$results" |
		sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }

echo
echo "opengov $opengov_version, Hugo $hugo_version, $(nproc) CPUs; medians of $runs builds; results in $results"
printf '%-10s %-16s %9s %9s %10s %7s %9s %11s\n' "pages/lang" "tool" "wall s" "cpu s" "RSS MB" "files" "out MB" "largest KB"
for size in "${sizes[@]}"; do
	for tool in "${tools[@]}"; do
		printf '%-10s %-16s %9.2f %9.2f %10.0f %7.0f %9.1f %11.1f\n' "$size" "$tool" "$(median "$size" "$tool" 4)" "$(median "$size" "$tool" 5)" "$(median "$size" "$tool" 6)" "$(median "$size" "$tool" 8)" "$(median "$size" "$tool" 9)" "$(median "$size" "$tool" 10)"
	done
	if [[ " ${tools[*]} " == *" og+search "* ]]; then
		# The indexing's own row: what og+search takes more than opengov (its
		# peak RSS is that of the largest process, opengov or Node, so no
		# difference is given).
		minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }
		printf '%-10s %-16s %9s %9s %10s\n' "$size" "search indexing" \
			"$(minus "$(median "$size" og+search 4)" "$(median "$size" opengov 4)")" \
			"$(minus "$(median "$size" og+search 5)" "$(median "$size" opengov 5)")" "-"
	fi
	for peer in "${tools[@]:1}"; do
		[ "$peer" != og+search ] || continue
		printf '%-10s %-16s %9s %9s %10s\n' "$size" "opengov/$peer" \
			"$(ratio "$(median "$size" opengov 4)" "$(median "$size" "$peer" 4)")" \
			"$(ratio "$(median "$size" opengov 5)" "$(median "$size" "$peer" 5)")" \
			"$(ratio "$(median "$size" opengov 6)" "$(median "$size" "$peer" 6)")"
	done
done
# Growth from each size to the next, and from the smallest to the largest.
growth() {
	local small=$1 large=$2 tool
	echo
	echo "growth from $small to $large pages/lang (linear would be x$(ratio "$large" "$small")):"
	for tool in "${tools[@]}"; do
		printf '  %-8s wall x%s  cpu x%s  RSS x%s\n' "$tool" \
			"$(ratio "$(median "$large" "$tool" 4)" "$(median "$small" "$tool" 4)")" \
			"$(ratio "$(median "$large" "$tool" 5)" "$(median "$small" "$tool" 5)")" \
			"$(ratio "$(median "$large" "$tool" 6)" "$(median "$small" "$tool" 6)")"
	done
}
for ((i = 1; i < ${#sizes[@]}; i++)); do
	growth "${sizes[i - 1]}" "${sizes[i]}"
done
[ ${#sizes[@]} -lt 3 ] || growth "${sizes[0]}" "${sizes[${#sizes[@]} - 1]}"
