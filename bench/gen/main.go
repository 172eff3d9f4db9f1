// Command gen writes a synthetic bilingual site for benchmarks:
//
//	go run ./bench/gen -pages 1000 -out /tmp/site          # opengov layout
//	go run ./bench/gen -pages 1000 -out /tmp/hugo -hugo    # the same content for Hugo
//
// See package bench/gensite for what the site holds.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/opengov-fi/opengov/bench/gensite"
)

func main() {
	pages := flag.Int("pages", 1000, "good practices per language")
	out := flag.String("out", "", "the `folder` to write the site into (created; must not exist or be empty)")
	hugo := flag.Bool("hugo", false, "write the same content as a Hugo site (layouts from bench/hugo)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gen: %s is not empty\n", *out)
		os.Exit(2)
	}
	write := gensite.Write
	if *hugo {
		write = gensite.WriteHugo
	}
	if err := write(*out, *pages); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}
