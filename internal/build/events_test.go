package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/scaffold"
	"github.com/opengov-fi/opengov/internal/schema"
	"golang.org/x/tools/txtar"
)

// Event is the front matter of an event: a third content type, declared
// here only, to show that a type needs nothing but its declaration (and
// its site's templates and messages).
type Event struct {
	Venue         string          `fm:"venue,required" doc:"Where the event takes place, in this language."`
	Starts        time.Time       `fm:"starts,required" lang:"shared" doc:"The day it starts."`
	Format        string          `fm:"format,required" vocab:"formats" lang:"shared" filter:"format" doc:"What kind of event it is."`
	Themes        []string        `fm:"themes" vocab:"themes" lang:"shared" filter:"theme" itemdoc:"Theme."`
	Organiser     *schema.Contact `fm:"organiser" csv:"organisation" export:"omitempty" doc:"Who organises it; never a person."`
	Seats         int             `fm:"seats" lang:"shared" range:"1,10000" export:"omitempty" doc:"How many can take part."`
	RelatedEvents []string        `fm:"related_events" lang:"shared" relation:"event" doc:"Content paths of related events."`

	FormatTerm *schema.Term   `term:"format"`
	ThemeTerms []*schema.Term `term:"themes"`
}

// eventType declares the events.
func eventType() *schema.Type {
	return schema.Declare(&schema.Type{
		Name: "event", Struct: reflect.TypeFor[Event](),
		Export: &schema.Export{
			File: "events", Key: "events", Noun: "event", Schema: "event.schema.json",
			Title: "Events", Description: "The events of the test site.",
			Columns: []string{"language", "title", "summary", "url", "venue", "starts", "format", "themes",
				"organiser", "seats", "related_events", "published", "updated", "translations"},
		},
	})
}

// eventTypes are the built-in types and the events.
func eventTypes() schema.Types { return append(schema.Builtin(), eventType()) }

// goldenOptions are the options of the golden sites that need others than
// the defaults.
var goldenOptions = map[string]Options{"events": {Types: eventTypes()}}

// eventSite is the sources of testdata/sites/events.txtar.
func eventSite(t *testing.T) fstest.MapFS {
	t.Helper()
	common, err := txtar.ParseFile(filepath.Join(sitesDir, "_common.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(filepath.Join(sitesDir, "events.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys, _ := siteFS(common, ar)
	return fsys
}

// TestEventsNeedTheirDeclaration builds the events site without the
// events' declaration: site.toml's type is unknown. (With it, the golden
// test builds the site.)
func TestEventsNeedTheirDeclaration(t *testing.T) {
	fsys := eventSite(t)
	_, errs := Run(fsys, Options{})
	if errs == nil || !strings.Contains(errs.Error(), `unknown section type "event"`) {
		t.Fatalf("built without the declaration: %v", errs)
	}
}

// TestEventsOpenData reads the events' export as a reuser would: every
// field of the declaration is in the JSON, the CSV and the JSON Schema.
func TestEventsOpenData(t *testing.T) {
	fsys := eventSite(t)
	res, errs := Run(fsys, Options{Types: eventTypes()})
	if errs != nil {
		t.Fatal(errs)
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	var doc struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(files["data/events.en.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 1 {
		t.Fatalf("English events: %v", doc.Events)
	}
	e := doc.Events[0]
	for _, f := range eventType().Fields() {
		if _, ok := e[f.Name]; !ok {
			t.Errorf("the English event has no %s: %v", f.Name, e)
		}
	}
	if e["format"] != "seminar" || e["starts"] != "2026-12-10" || e["seats"] != 120.0 {
		t.Errorf("event record %v", e)
	}
	var fiDoc struct {
		Events []map[string]any `json:"events"`
	}
	json.Unmarshal(files["data/events.fi.json"], &fiDoc)
	for _, e := range fiDoc.Events {
		if e["title"] == "Datatyöpaja" {
			if _, ok := e["seats"]; ok {
				t.Errorf("an event without seats has seats in the JSON: %v", e)
			}
			if _, ok := e["organiser"]; ok {
				t.Errorf("an event without an organiser has one in the JSON: %v", e)
			}
		}
	}
	header, _, _ := strings.Cut(string(files["data/events.fi.csv"]), "\r\n")
	if header != "language,title,summary,url,venue,starts,format,themes,organiser,seats,related_events,published,updated" {
		t.Errorf("CSV header %q", header)
	}
	if !strings.Contains(string(files["data/events.fi.csv"]), ",Valtiovarainministeriö,120,") {
		t.Errorf("the CSV does not have the organiser and seats:\n%s", files["data/events.fi.csv"])
	}
	var sch struct {
		Defs map[string]struct {
			Required   []string                  `json:"required"`
			Properties map[string]map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(files["data/event.schema.json"], &sch); err != nil {
		t.Fatal(err)
	}
	def := sch.Defs["event"]
	for _, f := range eventType().Fields() {
		if def.Properties[f.Name] == nil {
			t.Errorf("the JSON Schema has no %s", f.Name)
		}
	}
	if got := def.Properties["format"]["enum"]; !reflect.DeepEqual(got, []any{"seminar", "workshop"}) {
		t.Errorf("format's enum is %v, the vocabulary has seminar and workshop", got)
	}
	if slices.Contains(def.Required, "seats") || !slices.Contains(def.Required, "venue") {
		t.Errorf("required %v: venue, not seats", def.Required)
	}
	ttl := string(files["data/catalog.ttl"])
	for _, want := range []string{"dcat:dataset <https://example.org/data/catalog.ttl#events>", "dcat:downloadURL <https://example.org/data/events.en.csv>", "dct:conformsTo <https://example.org/data/event.schema.json>"} {
		if !strings.Contains(ttl, want) {
			t.Errorf("the catalog lacks %s", want)
		}
	}
}

// TestEventsScaffold makes a new event with opengov new's scaffold; once
// its title and summary are written and its draft line deleted, it
// builds.
func TestEventsScaffold(t *testing.T) {
	fsys := eventSite(t)
	root := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	types := eventTypes()
	cfg, errs := config.Load(os.DirFS(root), types.Sections())
	if errs != nil {
		t.Fatal(errs)
	}
	vocab, errs := schema.LoadVocabularies(os.DirFS(root), []string{"fi", "en"}, types.In(cfg).Vocabularies())
	if errs != nil {
		t.Fatal(errs)
	}
	if !slices.Contains(scaffold.Kinds(types), "event") {
		t.Fatalf("opengov new makes %v", scaffold.Kinds(types))
	}
	paths, err := scaffold.New(root, cfg, vocab, types, "event", "hackathon", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(paths) != 2 {
		t.Fatal(err, paths)
	}
	fi, _ := os.ReadFile(paths[0])
	for _, f := range eventType().Fields() {
		if !strings.Contains(string(fi), "\n"+f.Name+":") && !strings.Contains(string(fi), "\n# "+f.Name+":") {
			t.Errorf("the scaffold has no %s:\n%s", f.Name, fi)
		}
	}
	if !strings.Contains(string(fi), "seminar | workshop") {
		t.Errorf("the scaffold does not list the formats:\n%s", fi)
	}
	// A draft does not stop the build; filled in and published, it builds.
	if _, errs := Run(os.DirFS(root), Options{Types: types}); errs != nil {
		t.Fatalf("the draft stops the build: %v", errs)
	}
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		s := strings.Replace(string(data), `title: ""`, `title: "Hackathon"`, 1)
		s = strings.Replace(s, `summary: ""`, `summary: "Code for a day."`, 1)
		s = strings.Replace(s, `venue: ""`, `venue: "Helsinki"`, 1)
		s = strings.Replace(s, `format: ""`, `format: workshop`, 1)
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(l, "draft:") && !strings.HasPrefix(l, "source_hash:") {
				keep = append(keep, l)
			}
		}
		os.WriteFile(p, []byte(strings.Join(keep, "\n")), 0o644)
	}
	res, errs := Run(os.DirFS(root), Options{Types: types})
	if errs != nil {
		t.Fatalf("the filled-in scaffold does not build: %v", errs)
	}
	found := false
	for _, f := range res.Files {
		found = found || f.Path == "fi/tapahtumat/hackathon/index.html"
	}
	if !found {
		t.Error("the new event has no page")
	}
}

// TestEventsCMS configures the CMS of the events site: a folder
// collection of the events with a widget for each of their fields, the
// formats a select of the new vocabulary, the relation a select of the
// events.
func TestEventsCMS(t *testing.T) {
	fsys := eventSite(t)
	types := eventTypes()
	res, errs := Run(fsys, Options{Types: types})
	if errs != nil {
		t.Fatal(errs)
	}
	catalog, errs := i18n.Load(fsys, []string{"fi", "en"})
	if errs != nil {
		t.Fatal(errs)
	}
	vocab, errs := schema.LoadVocabularies(fsys, []string{"fi", "en"}, types.In(res.Site.Config).Vocabularies())
	if errs != nil {
		t.Fatal(errs)
	}
	d, err := cms.Generate(cms.Input{Site: res.Site, Vocab: vocab, Catalog: catalog, Types: types}, "en")
	if err != nil {
		t.Fatal(err)
	}
	var events *cms.Collection
	for i, c := range d.Collections {
		if c.Folder == content.Dir+"/events" {
			events = &d.Collections[i]
		}
	}
	if events == nil {
		t.Fatalf("no collection of the events: %+v", d.Collections)
	}
	fields := map[string]cms.Field{}
	for _, f := range events.Fields {
		fields[f["name"].(string)] = f
	}
	for _, f := range eventType().Fields() {
		if fields[f.Name] == nil {
			t.Errorf("the CMS has no widget for %s", f.Name)
		}
	}
	var formats, related []string
	for _, o := range fields["format"]["options"].([]cms.Field) {
		formats = append(formats, o["value"].(string)+"="+o["label"].(string))
	}
	if !slices.Equal(formats, []string{"seminar=Seminar", "workshop=Workshop"}) || fields["format"]["i18n"] != "duplicate" {
		t.Errorf("format: %v", fields["format"])
	}
	for _, o := range fields["related_events"]["options"].([]cms.Field) {
		related = append(related, o["value"].(string)+"="+o["label"].(string))
	}
	if !slices.Equal(related, []string{"events/data-workshop=Datatyöpaja", "events/open-day=Open day"}) {
		t.Errorf("related_events offers %v", related)
	}
	if fields["seats"]["min"] != 1 || fields["seats"]["max"] != 10000 || fields["venue"]["i18n"] != "translate" {
		t.Errorf("seats %v, venue %v", fields["seats"], fields["venue"])
	}
}

// TestEventsMistakes breaks an event's facts and relations: the checks
// that read the declaration (lang:"shared", relation:"event") report each
// mistake once, at the English file's field.
func TestEventsMistakes(t *testing.T) {
	const en, fi = "content/events/open-day.en.md", "content/events/open-day.fi.md"
	tests := []struct {
		name, from, to string
		code           diag.Code
		want           string
	}{
		{"seats differ", "seats: 120", "seats: 100", diag.CodeTranslationsDisagree,
			en + ":11:8: seats is 100 here but 120 in " + fi + " (seats states a fact, the same in every language: make the two files agree)"},
		{"the day differs", "starts: 2026-12-10", "starts: 2026-12-11", diag.CodeTranslationsDisagree,
			en + ":5:9: starts is 2026-12-11 here but 2026-12-10 in " + fi},
		{"the format differs", "format: seminar", "format: workshop", diag.CodeTranslationsDisagree,
			en + ":6:9: format is workshop here but seminar in " + fi},
		{"a theme is left out", "themes: [dialogue, open-data]", "themes: [open-data]", diag.CodeTranslationsDisagree,
			en + ":7:9: themes is open-data here but dialogue, open-data in " + fi},
		{"no related event", "related_events: [events/data-workshop]", "related_events: []", diag.CodeTranslationsDisagree,
			en + ":13:17: related_events is nothing here but events/data-workshop in " + fi},
		{"a related event with a typo", "related_events: [events/data-workshop]", "related_events: [events/data-workshp]", diag.CodeBrokenLink,
			en + `:13:18: related event "events/data-workshp" is not an event page (did you mean data-workshop.md (or events/data-workshop)?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := eventSite(t)
			src := string(fsys[en].Data)
			if !strings.Contains(src, tt.from) {
				t.Fatalf("%s has no %q", en, tt.from)
			}
			fsys[en] = &fstest.MapFile{Data: []byte(strings.Replace(src, tt.from, tt.to, 1))}
			_, errs := Run(fsys, Options{Types: eventTypes()})
			if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), tt.want) || errs[0].Code != tt.code {
				t.Fatalf("want one error %s\n%s\ngot %d:\n%v", tt.code, tt.want, len(errs), errs)
			}
		})
	}
}

// TestEventsRelationsAndFiltersShown reads the event pages: the open day
// names the data workshop (which is only in Finnish, so both language
// versions link to the Finnish page), the workshop lists the open day as
// naming it, and the fields tagged filter:"..." are the pages' search
// filters.
func TestEventsRelationsAndFiltersShown(t *testing.T) {
	res, errs := Run(eventSite(t), Options{Types: eventTypes()})
	if errs != nil {
		t.Fatal(errs)
	}
	filters := `<span data-pagefind-filter="format:seminar"></span><span data-pagefind-filter="theme:dialogue"></span><span data-pagefind-filter="theme:open-data"></span>`
	want := map[string][]string{
		"fi/tapahtumat/avoimet-ovet/index.html": {`<p>related: <a href="/fi/tapahtumat/datatyopaja/">Datatyöpaja</a></p>`, filters},
		"en/events/open-day/index.html":         {`<p>related: <a href="/fi/tapahtumat/datatyopaja/">Datatyöpaja</a></p>`, filters},
		"fi/tapahtumat/datatyopaja/index.html": {`<p>named by: <a href="/fi/tapahtumat/avoimet-ovet/">Avoimet ovet</a></p>`,
			`<span data-pagefind-filter="format:workshop"></span>`},
	}
	for _, f := range res.Files {
		for _, w := range want[f.Path] {
			if !strings.Contains(string(f.Data), w) {
				t.Errorf("%s lacks %s:\n%s", f.Path, w, f.Data)
			}
		}
		delete(want, f.Path)
	}
	for path := range want {
		t.Errorf("no page %s", path)
	}
}
