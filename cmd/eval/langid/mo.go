package main

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// moLocales maps our codes to gettext locale directories where they differ.
var moLocales = map[string]string{"zh": "zh_CN"}

var (
	moFormatRe = regexp.MustCompile(`%[-+ #0-9.$lhzjt]*[a-zA-Z%]|\{[^}]*\}|<[^>]*>|&[a-z]+;|\\[nt]`)
)

// moMessages returns the translated messages of every catalogue (except
// the ISO code lists) installed for lang, cleaned of format directives,
// markup and mnemonics, leaving out untranslated messages (empty or a copy
// of the original; catalogues still hold some English); for English, the original messages of the German
// catalogues. Messages are sorted so the dev/test split is stable.
func moMessages(dir, lang string) ([]string, error) {
	loc := lang
	if l, ok := moLocales[lang]; ok {
		loc = l
	}
	useID := false
	if lang == "en" {
		loc, useID = "de", true
	}
	files, err := filepath.Glob(filepath.Join(dir, loc, "LC_MESSAGES", "*.mo"))
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var out []string
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "iso_") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ids, strs, err := parseMO(b)
		if err != nil {
			continue
		}
		src := strs
		if useID {
			src = ids
		}
		for i, m := range src {
			if strs[i] == "" || strs[i] == ids[i] {
				continue // untranslated or copied
			}
			if ids[i] == "" {
				continue // header
			}
			m = strings.SplitN(m, "\x00", 2)[0]
			m = moFormatRe.ReplaceAllString(m, " ")
			m = strings.NewReplacer("_", "", "&", "").Replace(m)
			m = strings.Join(strings.Fields(m), " ")
			if m != "" && !seen[m] {
				seen[m] = true
				out = append(out, m)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// parseMO reads a GNU gettext .mo file.
func parseMO(b []byte) (ids, strs []string, err error) {
	if len(b) < 28 {
		return nil, nil, errors.New("short .mo file")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(b) != 0x950412de {
		bo = binary.BigEndian
		if bo.Uint32(b) != 0x950412de {
			return nil, nil, errors.New("not a .mo file")
		}
	}
	n := int(bo.Uint32(b[8:]))
	oo, to := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	get := func(tab, i int) (string, bool) {
		p := tab + 8*i
		if p+8 > len(b) {
			return "", false
		}
		l, off := int(bo.Uint32(b[p:])), int(bo.Uint32(b[p+4:]))
		if off+l > len(b) {
			return "", false
		}
		return string(b[off : off+l]), true
	}
	for i := 0; i < n; i++ {
		id, ok1 := get(oo, i)
		s, ok2 := get(to, i)
		if !ok1 || !ok2 {
			return nil, nil, errors.New("bad .mo table")
		}
		ids, strs = append(ids, id), append(strs, s)
	}
	return ids, strs, nil
}
