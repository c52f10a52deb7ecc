package polnear

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

// A two-article split written here: character offsets over multi-byte
// text, a discontinuous span, a second annotator file that is skipped.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "text"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "attributions"), 0o755))
	txt := "“Café prices rose,” Zoë said. “They will fall.”"
	must(os.WriteFile(filepath.Join(dir, "text", "a.txt"), []byte(txt), 0o644))
	ann := "T1\tSource 20 23\tZoë\n" +
		"T2\tCue 24 28\tsaid\n" +
		"T3\tContent 0 19;30 47\t“Café prices rose,” “They will fall.”\n" +
		"T4\tAttribution 24 28\tsaid\n" +
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
	must(os.WriteFile(filepath.Join(dir, "attributions", "a_x1.ann"), []byte(ann), 0o644))
	must(os.WriteFile(filepath.Join(dir, "attributions", "a_x2.ann"), []byte("garbage\n"), 0o644))
	arts, err := Load(dir)
	must(err)
	if len(arts) != 1 || len(arts[0].Attributions) != 1 {
		t.Fatalf("got %+v", arts)
	}
	// both annotators' files, the first as Load reads it
	multi, err := LoadAnnotators(dir)
	must(err)
	if len(multi) != 1 || len(multi[0]) != 2 || len(multi[0][0].Attributions) != 1 || len(multi[0][1].Attributions) != 0 {
		t.Fatalf("LoadAnnotators: got %+v", multi)
	}
	at := arts[0].Attributions[0]
	if got := txt[at.Source[0].Start:at.Source[0].End]; got != "Zoë" {
		t.Errorf("source %q", got)
	}
	if got := txt[at.Cue[0].Start:at.Cue[0].End]; got != "said" {
		t.Errorf("cue %q", got)
	}
	if len(at.Content) != 2 || txt[at.Content[1].Start:at.Content[1].End] != "“They will fall.”" {
		t.Errorf("content %+v", at.Content)
	}
	doc := text.Analyze(txt)
	ok := Matched(doc, arts[0], []text.Span{{Start: 0, End: at.Content[0].End}, {Start: at.Cue[0].Start, End: at.Cue[0].End}})
	if !ok[0] || ok[1] {
		t.Errorf("matched %v, want [true false]", ok)
	}
}
