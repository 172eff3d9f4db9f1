#!/usr/bin/env bash
# The one entry point, on any machine with Go:
#   ./build.sh                 build the site from content/ into public/
#   ./build.sh test            run every test: format, vet, Go tests (with -race), and
#                              axe-core, keyboard and html-validate in Chromium (Node, npm)
#   ./build.sh serve [flags]   serve the site at http://127.0.0.1:1313/ and reload on every save
#   ./build.sh build [flags]   build with opengov build's flags (see -h)
set -euo pipefail
cd "$(dirname "$0")"

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
	search_deps
	go run ./cmd/opengov build "$@"
	;;
serve)
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
	;;
-h | --help | help)
	sed -n '2,7p' "$0" | sed 's/^# //'
	;;
*)
	echo "build.sh: unknown command '$cmd'" >&2
	sed -n '2,7p' "$0" | sed 's/^# //' >&2
	exit 2
	;;
esac
