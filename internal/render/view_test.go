package render

import (
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// realSite makes the model of the site in this repository, which has a
// page of every kind once its lists are paginated by two.
func realSite(t *testing.T) *renderer {
	t.Helper()
	fsys := os.DirFS("../..")
	cfg, errs := config.Load(fsys, []string{schema.PracticeType, schema.CommitmentType})
	if errs != nil {
		t.Fatal(errs)
	}
	cfg.Paginate = 2 // so that lists have later pages, and pagers
	var langs []string
	for _, l := range cfg.Languages {
		langs = append(langs, l.Code)
	}
	files, errs := content.Load(fsys, langs)
	if errs != nil {
		t.Fatal(errs)
	}
	vocab, errs := schema.LoadVocabularies(fsys, langs, schema.Builtin().Vocabularies())
	if errs != nil {
		t.Fatal(errs)
	}
	cat, errs := i18n.Load(fsys, langs)
	if errs != nil {
		t.Fatal(errs)
	}
	s, errs := schema.Model(cfg, files, site.Options{Schemas: schema.Builtin().Schemas(vocab)}, vocab, PagedTitle(cat))
	if errs != nil {
		t.Fatal(errs)
	}
	return &renderer{site: s, cat: cat, view: newViewer(s)}
}

// TestViewKeyChangesWithEveryField changes, one at a time, every field
// that the template data of a page exposes, found by reflection (so a
// field added to the view is tested without being named here), and fails
// unless the page's view key changes. It takes one page of each kind and
// type of the real site, and changes each field of each struct type once,
// where it first meets it; a nil pointer or an empty list is given a value
// first, so that the fields behind it are reached too.
func TestViewKeyChangesWithEveryField(t *testing.T) {
	r := realSite(t)
	m := &mutator{t: t, seen: map[reflect.Type]map[int]bool{}}
	kinds := map[string]bool{}
	for _, p := range r.site.Pages {
		kind := fmt.Sprintf("kind %d, %T", p.Kind, p.Params)
		if kinds[kind] {
			continue
		}
		kinds[kind] = true
		d, err := r.pageData(p)
		if err != nil {
			t.Fatal(err)
		}
		m.data, m.page = d, p.Path
		m.base = new(viewHasher).sum(d)
		m.walk(reflect.ValueOf(d).Elem(), "Data", 0)
	}
	t.Logf("%d fields changed on %d kinds of page: %v", m.changed, len(kinds), kinds)
	if len(kinds) < 10 {
		t.Errorf("the real site has only %d kinds of page: %v", len(kinds), kinds)
	}
	// The fields left to the page key: the global inputs and the body.
	var tagged []string
	for i := range reflect.TypeFor[Data]().NumField() {
		if f := reflect.TypeFor[Data]().Field(i); f.Tag.Get("key") != "" {
			tagged = append(tagged, f.Name)
		}
	}
	if fmt.Sprint(tagged) != "[Lang L Content]" {
		t.Errorf("fields of Data left out of the view key: %v", tagged)
	}
	if m.changed < 80 {
		t.Errorf("only %d fields changed", m.changed)
	}
}

type mutator struct {
	t       *testing.T
	data    *Data
	page    string
	base    [32]byte
	seen    map[reflect.Type]map[int]bool
	changed int
}

// check fails unless the key differs from the page's own now.
func (m *mutator) check(path string) {
	m.t.Helper()
	m.changed++
	if new(viewHasher).sum(m.data) == m.base {
		m.t.Errorf("%s: changing %s leaves the key as it was", m.page, path)
	}
}

// walk changes each field below v, addressable, and restores it.
func (m *mutator) walk(v reflect.Value, path string, depth int) {
	if depth > 40 {
		m.t.Fatalf("%s: the view nests too deep", path)
	}
	switch v.Kind() {
	case reflect.String:
		old := v.String()
		v.SetString(old + "x")
		m.check(path)
		v.SetString(old)
	case reflect.Bool:
		v.SetBool(!v.Bool())
		m.check(path)
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 1)
		m.check(path)
		v.SetInt(v.Int() - 1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 1)
		m.check(path)
		v.SetUint(v.Uint() - 1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(v.Float() + 1)
		m.check(path)
		v.SetFloat(v.Float() - 1)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
			m.check(path + " (nil to a value)")
			m.walk(v.Elem(), path, depth+1)
			v.Set(reflect.Zero(v.Type()))
			return
		}
		m.walk(v.Elem(), path, depth+1)
	case reflect.Interface:
		if !v.IsNil() && v.Elem().Kind() == reflect.Pointer {
			m.walk(v.Elem().Elem(), path+"."+v.Elem().Type().String(), depth+1)
		}
	case reflect.Slice:
		old := v.Interface()
		if v.Len() == 0 {
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
			m.check(path + " (an entry added)")
		} else {
			v.Set(v.Slice(0, v.Len()-1))
			m.check(path + " (an entry removed)")
			v.Set(reflect.ValueOf(old))
		}
		m.walk(v.Index(0), path+"[0]", depth+1)
		v.Set(reflect.ValueOf(old))
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			m.t.Fatalf("%s: a map not keyed by strings", path)
		}
		old := v.Interface()
		grown := reflect.MakeMap(v.Type())
		for it := v.MapRange(); it.Next(); {
			grown.SetMapIndex(it.Key(), it.Value())
		}
		grown.SetMapIndex(reflect.ValueOf("key-test"), reflect.Zero(v.Type().Elem()))
		v.Set(grown)
		m.check(path + " (an entry added)")
		v.Set(reflect.ValueOf(old))
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			old := v.Interface().(time.Time)
			v.Set(reflect.ValueOf(old.Add(24 * time.Hour)))
			m.check(path)
			v.Set(reflect.ValueOf(old))
			return
		}
		seen := m.seen[v.Type()]
		if seen == nil {
			seen = map[int]bool{}
			m.seen[v.Type()] = seen
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Tag.Get("key") != "" || seen[i] {
				continue
			}
			if fv := v.Field(i); fv.Kind() == reflect.Interface && fv.IsNil() {
				continue // no type to change yet: walked where it is set
			}
			seen[i] = true
			m.walk(v.Field(i), path+"."+f.Name, depth+1)
		}
	default:
		m.t.Errorf("%s: a %s in a view", path, v.Type())
	}
}
