package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/opengov-fi/opengov/internal/dev"
)

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opengov serve", flag.ContinueOnError)
	source := fs.String("source", ".", "the site's `folder`")
	port := fs.Int("port", 1313, "the `port` to serve on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; the default serves this machine only")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: opengov serve [flags]\n\nBuilds the site, serves it, and rebuilds and reloads the open browser tabs\non every save. Errors show in the terminal and in the browser; the last good\nbuild keeps being served. Ctrl-C stops.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if ip := net.ParseIP(*bind); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(stderr, "opengov: warning: serving on %s makes the site reachable from other machines\n", *bind)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := dev.Run(ctx, dev.Options{Root: *source, Bind: *bind, Port: *port, Drafts: *drafts, Log: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "opengov: %v\n", err)
		return exitErrors
	}
	return exitOK
}
