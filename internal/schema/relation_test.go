package schema

import (
	"reflect"
	"strings"
	"testing"
)

// TestDeclareRefusesARelationThatIsNotText: a relation's values are
// content paths, so a field of another kind is a mistake of the
// declaration, refused when the type is declared.
func TestDeclareRefusesARelationThatIsNotText(t *testing.T) {
	type bad struct {
		Parent int `fm:"parent" relation:"event"`
	}
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, `field parent is tagged relation:"event" but holds no content paths`) {
			t.Errorf("Declare panicked with %q", r)
		}
	}()
	Declare(&Type{Name: "bad", Struct: reflect.TypeFor[bad]()})
}
