package cms_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/output"
)

// decapPackage is Decap's installed package, or the test is skipped
// loudly outside CI (./build.sh test runs npm ci first).
func decapPackage(t *testing.T) string {
	dir := filepath.Join(repoRoot, cms.PackageDir)
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Decap CMS is not installed: run (cd internal/cms && npm ci)")
		}
		t.Skip("SKIPPED: Decap CMS is not installed: run (cd internal/cms && npm ci)")
	}
	return dir
}

func fileMap(files []output.File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Data)
	}
	return m
}

func TestAdminUnderASubPath(t *testing.T) {
	dir := decapPackage(t)
	res, errs := build.Run(os.DirFS(repoRoot), build.Options{BaseURL: "https://example.org/opengov/", Decap: os.DirFS(dir)})
	if errs != nil {
		t.Fatal(errs)
	}
	files := fileMap(res.Files)
	page := files["admin/index.html"]
	for _, want := range []string{
		`<html lang="fi">`,
		`<script src="decap-cms-` + cms.Version + `/decap-cms.js"></script>`, // relative: any sub-path
		`<link href="config.yml" type="text/yaml" rel="cms-config-url">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39; &#39;unsafe-eval&#39;`,
		`<title>Sisällönhallinta – Avoin hallinto</title>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("admin/index.html lacks %s:\n%s", want, page)
		}
	}
	if en := files["admin/en/index.html"]; !strings.Contains(en, `<script src="../decap-cms-`+cms.Version+`/decap-cms.js">`) || !strings.Contains(en, `<html lang="en">`) {
		t.Errorf("admin/en/index.html:\n%s", en)
	}
	var conf cms.Decap
	if err := json.Unmarshal([]byte(files["admin/config.yml"]), &conf); err != nil {
		t.Fatal(err)
	}
	if conf.PublicFolder != "/opengov/media" || conf.SiteURL != "https://example.org/opengov/" || conf.LocalBackend != nil || conf.Backend["name"] != "git-gateway" {
		t.Errorf("config: %+v", conf)
	}
	for _, f := range []string{"decap-cms.js", "decap-cms.js.LICENSE.txt"} {
		if _, ok := files["admin/decap-cms-"+cms.Version+"/"+f]; !ok {
			t.Errorf("admin/decap-cms-%s/%s is missing", cms.Version, f)
		}
	}
	for p := range files {
		if strings.HasSuffix(p, ".map") {
			t.Errorf("%s: source maps are not published", p)
		}
	}
}

func TestAdminOnlyWhenEnabled(t *testing.T) {
	dir := decapPackage(t)
	src, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	off := strings.Replace(string(src), "enabled = true", "enabled = false", 1)
	if off == string(src) {
		t.Fatal("site.toml does not enable the CMS")
	}
	fsys := withFiles(os.DirFS(repoRoot), map[string][]byte{"site.toml": []byte(off)})
	res, errs := build.Run(fsys, build.Options{Decap: os.DirFS(dir)})
	if errs != nil {
		t.Fatal(errs)
	}
	if slices.ContainsFunc(res.Files, func(f output.File) bool { return strings.HasPrefix(f.Path, cms.Dir+"/") }) {
		t.Error("a site that does not enable the CMS has /admin/")
	}
}

func TestMissingDecapIsAnErrorNamingTheCommand(t *testing.T) {
	_, errs := build.Run(os.DirFS(repoRoot), build.Options{Decap: fstest.MapFS{}})
	if errs == nil || !strings.Contains(errs.Error(), "run: (cd internal/cms && npm ci)") {
		t.Errorf("got %v", errs)
	}
}

// TestVersionIsThePinnedOne compares cms.Version with package-lock.json.
func TestVersionIsThePinnedOne(t *testing.T) {
	data, err := os.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	var lock struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		t.Fatal(err)
	}
	if got := lock.Packages["node_modules/decap-cms"].Version; got != cms.Version {
		t.Errorf("package-lock.json pins decap-cms %s, cms.Version is %s", got, cms.Version)
	}
}

func TestCSPAddsTheGitHostsAPI(t *testing.T) {
	for backend, want := range map[string]string{
		"git-gateway": "connect-src 'self';",
		"github":      "connect-src 'self' https://api.github.com;",
		"gitlab":      "connect-src 'self' https://git.example.org;",
	} {
		b := map[string]string{"name": backend}
		if backend == "gitlab" {
			b["api_root"] = "https://git.example.org/api/v4"
		}
		if got := cms.CSP(b); !strings.Contains(got, want) {
			t.Errorf("%s: %s, want %s", backend, got, want)
		}
	}
}
