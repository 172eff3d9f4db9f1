// Package cms gives the site a browser CMS: it configures Decap CMS
// (npm decap-cms, pinned in this folder's package-lock.json) from the
// content types' front-matter structs, the vocabularies, site.toml and
// the content, writes the /admin/ pages that load Decap from the site's
// own files, and answers Decap's proxy protocol for `opengov serve`, so
// that an editor can edit the files of their own copy in the browser.
package cms

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/output"
)

// Version is the version of decap-cms that package-lock.json pins; the
// completeness test checks that they agree.
const Version = "3.16.3"

// Dir is the CMS's folder in the built site: /admin/.
const Dir = "admin"

// PackageDir is where `npm ci` in internal/cms puts Decap's package, its
// browser files in dist/, below the site's folder.
const PackageDir = "internal/cms/node_modules/decap-cms"

// Files returns the CMS's files of the built site: for each language an
// admin page and its configuration (the default language's at /admin/,
// the others' at /admin/<prefix>/), and Decap's browser files, read from
// its package folder decap, in a folder named by its version, so they may be
// cached for ever. With a nil decap (a build that only checks the site)
// it writes nothing, but still reports a configuration it cannot make.
func Files(decap fs.FS, in Input) ([]output.File, diag.List) {
	out, version, errs := decapFiles(decap)
	if errs != nil {
		return nil, errs
	}
	cfg := in.Site.Config
	for _, l := range cfg.Languages {
		d, err := Generate(in, l.Code)
		if err != nil {
			return nil, diag.List{{Pos: diag.Pos{File: "internal/cms"}, Msg: "cannot configure the CMS: " + err.Error()}}
		}
		conf, err := d.JSON()
		if err != nil {
			return nil, diag.List{{Pos: diag.Pos{File: "internal/cms"}, Msg: err.Error()}}
		}
		dir, up := Dir, ""
		if l.Code != cfg.DefaultLanguage {
			dir, up = path.Join(Dir, l.Prefix), "../"
		}
		title, _ := in.Catalog.For(l.Code).T("cms_admin_title")
		page, err := adminPage(adminData{
			Lang: l.Code, Title: title + " – " + l.Title, Script: up + "decap-cms-" + version + "/decap-cms.js",
			CSP: CSP(backend(cfg)),
		})
		if err != nil {
			return nil, diag.List{{Pos: diag.Pos{File: "internal/cms"}, Msg: err.Error()}}
		}
		out = append(out, output.File{Path: dir + "/index.html", Data: page}, output.File{Path: dir + "/config.yml", Data: conf})
	}
	if decap == nil {
		return nil, nil
	}
	output.Sort(out)
	return out, nil
}

// decapFiles reads Decap's dist files: the script, the chunks it loads
// from beside itself, its WebAssembly and its licence; not source maps.
func decapFiles(fsys fs.FS) ([]output.File, string, diag.List) {
	if fsys == nil {
		return nil, Version, nil
	}
	missing := diag.List{{Pos: diag.Pos{File: PackageDir}, Msg: "the CMS (site.toml [cms] enabled) needs Decap CMS, which is not installed",
		Hint: "run: (cd internal/cms && npm ci)"}}
	pkg, err := fs.ReadFile(fsys, "package.json")
	if err != nil {
		return nil, "", missing
	}
	var meta struct{ Version string }
	if err := json.Unmarshal(pkg, &meta); err != nil || meta.Version == "" {
		return nil, "", missing
	}
	if meta.Version != Version {
		return nil, "", diag.List{{Pos: diag.Pos{File: PackageDir}, Msg: fmt.Sprintf("Decap CMS %s is installed, but package-lock.json pins %s", meta.Version, Version),
			Hint: "run: (cd internal/cms && npm ci)"}}
	}
	entries, err := fs.ReadDir(fsys, "dist")
	if err != nil {
		return nil, "", missing
	}
	dir := Dir + "/decap-cms-" + meta.Version
	var out []output.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(name == "decap-cms.js" || strings.HasSuffix(name, ".decap-cms.js") || strings.HasSuffix(name, ".wasm") || name == "decap-cms.js.LICENSE.txt") {
			continue
		}
		data, err := fs.ReadFile(fsys, "dist/"+name)
		if err != nil {
			return nil, "", diag.List{{Pos: diag.Pos{File: path.Join(PackageDir, name)}, Msg: err.Error(), Hint: "run: (cd internal/cms && npm ci)"}}
		}
		out = append(out, output.File{Path: dir + "/" + name, Data: data})
	}
	if !slices.ContainsFunc(out, func(f output.File) bool { return strings.HasSuffix(f.Path, "/decap-cms.js") }) {
		return nil, "", missing
	}
	return out, meta.Version, nil
}

// apiOrigins are the origins Decap's git-host backends call by default.
var apiOrigins = map[string]string{
	"github":    "https://api.github.com",
	"gitlab":    "https://gitlab.com",
	"bitbucket": "https://api.bitbucket.org",
}

// CSP is the admin pages' Content-Security-Policy. It is the site's
// policy (nothing but the site's own files) relaxed only as Decap needs:
//   - script-src 'unsafe-eval': Decap validates its configuration with
//     ajv, which compiles schemas with new Function;
//     'wasm-unsafe-eval': its Markdown editor loads WebAssembly;
//   - style-src 'unsafe-inline': its React UI (emotion) injects <style>;
//   - img-src data: blob:: it previews images it holds in memory;
//   - connect-src: the local backend is same-origin; a git host's API
//     (api_root, or the host's default) is added;
//   - frame-src 'self' blob:: the preview pane is an iframe.
func CSP(backend map[string]string) string {
	connect := "'self'"
	if o := originOf(backend["api_root"]); o != "" {
		connect += " " + o
	} else if o := apiOrigins[backend["name"]]; o != "" {
		connect += " " + o
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		"connect-src " + connect,
		"frame-src 'self' blob:",
		"worker-src 'self' blob:",
		"base-uri 'self'",
		"form-action 'self'",
		"object-src 'none'",
	}, "; ")
}

func originOf(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || rest == "" {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	return scheme + "://" + host
}

type adminData struct {
	Lang, Title, Script, CSP string
}

var adminTemplate = template.Must(template.New("admin").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="{{.Script}}"></script>
</body>
</html>
`))

func adminPage(d adminData) ([]byte, error) {
	var b strings.Builder
	if err := adminTemplate.Execute(&b, d); err != nil {
		return nil, fmt.Errorf("admin page: %w", err)
	}
	return []byte(b.String()), nil
}
