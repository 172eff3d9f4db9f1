#!/usr/bin/env bash
# The one entry point, on any machine with Go:
#   ./build.sh                 build the site from content/ into public/
#   ./build.sh test            run every test: format, vet, Go tests (with -race),
#                              axe-core, keyboard and html-validate in Chromium, and the
#                              open data checks (DCAT-AP, feeds, JSON-LD) (Node, npm)
#   ./build.sh serve [flags]   serve the site at http://127.0.0.1:1313/ and reload on every save
#   ./build.sh build [flags]   build with opengov build's flags (see -h)
#   ./build.sh fuzz [seconds]  run every Go fuzz target for that long each (default 10)
set -euo pipefail
cd "$(dirname "$0")"

# The browser CMS's Decap package (internal/cms/package-lock.json), which a
# build copies into /admin/: installed with npm ci when missing or older
# than the lockfile. Without npm, opengov says what to run.
cms_package() {
	if [ ! -f internal/cms/node_modules/.package-lock.json ] || [ internal/cms/package-lock.json -nt internal/cms/node_modules/.package-lock.json ]; then
		if command -v npm >/dev/null 2>&1; then
			(cd internal/cms && npm ci --no-audit --no-fund)
		fi
	fi
}

cmd=${1:-build}
[ $# -gt 0 ] && shift

# Search: the build runs Pagefind (internal/search, pinned by its
# package-lock.json); install it when it is missing or the lockfile changed.
# Without npm, opengov build itself says how to install Node.js.
search_deps() {
	local dir=internal/search
	if command -v npm >/dev/null 2>&1 &&
		{ [ ! -f $dir/node_modules/.package-lock.json ] || [ $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]; }; then
		npm ci --prefix $dir --no-audit --no-fund >&2
	fi
}

case "$cmd" in
build)
	cms_package
	search_deps
	go run ./cmd/opengov build "$@"
	;;
serve)
	cms_package
	search_deps
	go run ./cmd/opengov serve "$@"
	;;
test)
	unformatted=$(gofmt -l cmd internal)
	if [ -n "$unformatted" ]; then
		echo "gofmt would change:" >&2
		echo "$unformatted" >&2
		exit 1
	fi
	go vet ./...
	cms_package
	search_deps
	go test -race -count=1 ./...
	# The built site in a browser and a validator (testdata/browser): axe-core
	# and keyboard tests in Chromium, html-validate on every page. In CI
	# (CI set) they never skip; elsewhere a missing tool skips them loudly.
	chromium=${CHROMIUM:-/usr/bin/chromium}
	if ! command -v npm >/dev/null 2>&1; then
		if [ -n "${CI:-}" ]; then
			echo "build.sh: npm is missing, so the browser and HTML tests cannot run" >&2
			exit 1
		fi
		echo "******** SKIPPED: browser and HTML-validator tests: install Node.js 20.19+ with npm ********" >&2
	elif [ ! -x "$chromium" ]; then
		if [ -n "${CI:-}" ]; then
			echo "build.sh: $chromium is missing, so the browser tests cannot run (apt-get install chromium)" >&2
			exit 1
		fi
		echo "******** SKIPPED: browser tests: $chromium is missing (apt-get install chromium, or set CHROMIUM) ********" >&2
		(cd testdata/browser && npm ci --no-audit --no-fund && npm run test:html)
	else
		(cd testdata/browser && npm ci --no-audit --no-fund && CHROMIUM="$chromium" npm test)
	fi
	# The open data (testdata/opendata): the DCAT-AP catalog with an RDF
	# parser and a SHACL validator, the Atom feeds with a feed parser, and
	# every page's schema.org JSON-LD with a JSON-LD processor. Node only.
	if command -v npm >/dev/null 2>&1; then
		(cd testdata/opendata && npm ci --no-audit --no-fund && npm test)
	elif [ -n "${CI:-}" ]; then
		echo "build.sh: npm is missing, so the open data tests cannot run" >&2
		exit 1
	else
		echo "******** SKIPPED: open data tests: install Node.js 20.19+ with npm ********" >&2
	fi
	;;
fuzz)
	# Every func FuzzX in a _test.go file, found anew each time. What a
	# target finds is written to testdata/fuzz/FuzzX/ in its package, where
	# plain go test replays it.
	seconds=${1:-10}
	targets=$(grep -rl --include='*_test.go' '^func Fuzz' cmd internal | sort)
	[ -n "$targets" ] || { echo "build.sh: no fuzz targets found" >&2; exit 1; }
	failed=""
	for file in $targets; do
		for name in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
			echo "== $name ($(dirname "$file"), ${seconds}s)"
			go test -run '^$' -fuzz "^$name\$" -fuzztime "${seconds}s" "./$(dirname "$file")" || failed="$failed $name"
		done
	done
	if [ -n "$failed" ]; then
		echo "build.sh: fuzzing found failures in:$failed (see testdata/fuzz/ in their packages)" >&2
		exit 1
	fi
	;;
-h | --help | help)
	sed -n '2,8p' "$0" | sed 's/^# //'
	;;
*)
	echo "build.sh: unknown command '$cmd'" >&2
	sed -n '2,8p' "$0" | sed 's/^# //' >&2
	exit 2
	;;
esac
