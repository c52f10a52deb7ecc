package quotes

import (
	"cmp"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// SetOptions sets the fields of o named in spec ("A=true,B=0.4"), for
// the experiments of the train and eval commands.
func SetOptions(o *Options, spec string) error {
	v := reflect.ValueOf(o).Elem()
	for _, kv := range strings.Split(spec, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, val, _ := strings.Cut(kv, "=")
		f := v.FieldByName(name)
		if !f.IsValid() {
			return fmt.Errorf("no option %q", name)
		}
		switch f.Kind() {
		case reflect.Bool:
			b, err := strconv.ParseBool(cmp.Or(val, "true"))
			if err != nil {
				return err
			}
			f.SetBool(b)
		case reflect.Float64:
			x, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return err
			}
			f.SetFloat(x)
		case reflect.Int:
			n, err := strconv.Atoi(val)
			if err != nil {
				return err
			}
			f.SetInt(int64(n))
		default:
			return fmt.Errorf("option %q cannot be set here", name)
		}
	}
	return nil
}
