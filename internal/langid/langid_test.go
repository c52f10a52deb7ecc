package langid

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

var (
	loadOnce sync.Once
	det      *Detector
	loadErr  error
)

func mustLoad(tb testing.TB) *Detector {
	tb.Helper()
	loadOnce.Do(func() { det, loadErr = Load() })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return det
}

func TestDetectSentences(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		want, text string
	}{
		{"de", "Die Stadtverwaltung hat am Dienstag beschlossen, den Busverkehr im Winter auszubauen."},
		{"fr", "Le gouvernement a annoncé hier une nouvelle réforme des retraites qui divise les syndicats."},
		{"ru", "Вчера вечером в центре города прошёл концерт, который собрал несколько тысяч зрителей."},
		{"uk", "Уряд оголосив про нову програму підтримки малого бізнесу в усіх областях країни."},
		{"ja", "昨日の午後、東京の中心部で大規模な交通事故が発生しました。"},
		{"zh", "今天上午，市政府召开新闻发布会，介绍了新的公共交通计划。"},
		{"ar", "أعلنت الحكومة اليوم عن خطة جديدة لتحسين التعليم في المدارس الحكومية."},
		{"en", "The council voted on Tuesday to extend the bus network before the winter."},
		{"es", "El equipo local ganó el partido del domingo gracias a un gol en el último minuto."},
		{"it", "Il sindaco ha presentato ieri il nuovo piano per la mobilità sostenibile della città."},
		{"pt", "O governo anunciou ontem um novo programa de apoio às pequenas empresas do interior."},
		{"nl", "De gemeenteraad heeft gisteren besloten om het nieuwe zwembad toch te bouwen."},
		{"pl", "Wczoraj wieczorem w centrum miasta odbył się koncert, który zgromadził tysiące ludzi."},
		{"sv", "Regeringen meddelade i går att skatten på bensin ska sänkas från och med januari."},
		{"tr", "Belediye başkanı dün yaptığı açıklamada yeni metro hattının gelecek yıl açılacağını söyledi."},
		{"el", "Η κυβέρνηση ανακοίνωσε χθες νέα μέτρα για τη στήριξη των νοικοκυριών."},
		{"ko", "정부는 어제 새로운 주택 정책을 발표했다."},
		{"hi", "सरकार ने कल नई शिक्षा नीति की घोषणा की, जिससे लाखों छात्रों को लाभ होगा।"},
		{"vi", "Chính phủ đã công bố kế hoạch mới nhằm cải thiện hệ thống giao thông công cộng."},
		{"fi", "Hallitus ilmoitti eilen, että bensiinin vero laskee ensi vuoden alusta."},
	}
	for _, tt := range tests {
		got, conf := d.Detect(tt.text)
		if got != tt.want {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
			continue
		}
		if conf <= 0.5 || conf > 1 {
			t.Errorf("Detect(%q) confidence %.3f, want in (0.5, 1]", tt.text, conf)
		}
	}
}

func TestDetectShort(t *testing.T) {
	d := mustLoad(t)
	for _, tt := range []struct{ want, text string }{
		{"de", "Straßenbahnhaltestelle"},
		{"fr", "les élections municipales"},
		{"en", "the weather forecast"},
		{"es", "el niño pequeño"},
	} {
		if got, conf := d.Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
		}
	}
}

func TestUndetermined(t *testing.T) {
	d := mustLoad(t)
	for _, s := range []string{"", "   ", "12345 678", "!!! ??? ...", "2024-01-02 10:00"} {
		if code, conf := d.Detect(s); code != "" || conf != 0 {
			t.Errorf("Detect(%q) = %q, %v; want \"\", 0", s, code, conf)
		}
	}
}

func TestScoresAreDistribution(t *testing.T) {
	d := mustLoad(t)
	sc := d.Scores("ein kleines Haus")
	if len(sc) != len(d.Languages()) {
		t.Fatalf("got %d scores, want %d", len(sc), len(d.Languages()))
	}
	sum := 0.0
	for i, s := range sc {
		sum += s.Confidence
		if i > 0 && s.Confidence > sc[i-1].Confidence {
			t.Fatalf("scores not sorted at %d", i)
		}
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("confidences sum to %v", sum)
	}
}

func TestLanguages(t *testing.T) {
	d := mustLoad(t)
	ls := d.Languages()
	if len(ls) != 75 {
		t.Fatalf("%d languages, want 75", len(ls))
	}
	for _, want := range []string{"en", "de", "zh", "zu", "la", "eo"} {
		found := false
		for _, l := range ls {
			found = found || l == want
		}
		if !found {
			t.Errorf("language %q missing", want)
		}
	}
}

func TestLongTextIsSampled(t *testing.T) {
	d := mustLoad(t)
	long := strings.Repeat("Der Bundestag hat heute über den Haushalt für das kommende Jahr abgestimmt. ", 2000)
	start := time.Now()
	code, _ := d.Detect(long)
	if code != "de" {
		t.Errorf("long German text detected as %q", code)
	}
	if el := time.Since(start); el > 200*time.Millisecond {
		t.Errorf("long text took %v", el)
	}
}

func TestLoadTime(t *testing.T) {
	// CPU time of the loading thread (Load runs on one goroutine): what
	// the load costs, whatever else the machine runs (the wall time went
	// past 300 ms once with ten other jobs on the two CPUs)
	var err error
	cpu := cputime.Run(func() { _, err = Load() })
	if err != nil {
		t.Fatal(err)
	}
	if cpu > 300*time.Millisecond*raceSlowdown {
		t.Errorf("Load took %v of CPU, want < %v", cpu, 300*time.Millisecond*raceSlowdown)
	}
}

// TestEarlyStop checks that a long text decided early gets the same answer
// with a confidence near 1, and that a text in a close pair of languages
// still comes out right (its margin grows slowly, so it reads further).
func TestEarlyStop(t *testing.T) {
	d := mustLoad(t)
	en := strings.Repeat("The harbour authority said on Thursday that the new ferry terminal would open in the spring, "+
		"after two years of delays caused by flooding and a shortage of steel. ", 12)
	if code, conf := d.Detect(en); code != "en" || conf < 0.999 {
		t.Errorf("long English text: %q (%.6f)", code, conf)
	}
	pt := strings.Repeat("O governo anunciou ontem um novo programa de apoio às pequenas empresas do interior, "+
		"com créditos a juros baixos e menos burocracia para quem contratar jovens. ", 12)
	if code, _ := d.Detect(pt); code != "pt" {
		t.Errorf("long Portuguese text: %q", code)
	}
}

var benchText = `Die Stadtverwaltung hat am Dienstag beschlossen, den Busverkehr im Winter auszubauen.
Nach Angaben des Bürgermeisters sollen zwölf neue Linien eingerichtet werden, die vor allem die Vororte
besser an das Zentrum anbinden. Die Opposition kritisierte die hohen Kosten des Projekts.`

func BenchmarkDetectSentence(b *testing.B) {
	d := mustLoad(b)
	s := "Le gouvernement a annoncé hier une nouvelle réforme des retraites."
	b.ReportAllocs()
	for b.Loop() {
		d.Detect(s)
	}
	b.ReportMetric(float64(b.N*len(s))/b.Elapsed().Seconds()/1e6, "MB/s")
}

func BenchmarkDetectArticle(b *testing.B) {
	d := mustLoad(b)
	s := strings.Repeat(benchText, 20) // sampled to 2,000 bytes
	b.ReportAllocs()
	defer cputime.LockThread()()
	c0 := cputime.Thread()
	for b.Loop() {
		d.Detect(s)
	}
	cpu := cputime.Thread() - c0
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMixedScripts(t *testing.T) {
	d := mustLoad(t)
	for _, tt := range []struct{ want, text string }{
		// Chinese quoting a Japanese title in katakana.
		{"zh", "这部叫《ナルト》的日本动画在中国很受欢迎，很多年轻人都看过这部作品。"},
		// Kanji-heavy Japanese headline.
		{"ja", "東京都知事選、投票率が過去最低に"},
		// Russian with an English brand name.
		{"ru", "Компания Apple представила новый телефон на презентации в Калифорнии."},
	} {
		if got, conf := d.Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
		}
	}
}

// TestSetsSameScores checks that the posting lists kept as sets (see
// Detector) give exactly the scores of the pairs they replace.
func TestSetsSameScores(t *testing.T) {
	d := mustLoad(t)
	if d.setLen == 0 {
		t.Fatal("the model has no sets")
	}
	p, err := decode([]byte(modelData), false)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"The council voted on Tuesday to extend the bus network before the winter, and the mayor said so.",
		"Die Stadtverwaltung hat am Dienstag beschlossen, den Busverkehr im Winter auszubauen.",
		"Le gouvernement a annoncé hier une nouvelle réforme des retraites qui divise les syndicats.",
		"Вчера вечером в центре города прошёл концерт, который собрал несколько тысяч зрителей.",
		"今天上午，市政府召开新闻发布会，介绍了新的公共交通计划。",
		"Belediye başkanı dün yaptığı açıklamada yeni metro hattının gelecek yıl açılacağını söyledi.",
		"a", "ee", "the", "Zürich", strings.Repeat("Regeringen meddelade i går att skatten på bensin ska sänkas. ", 30),
	}
	for _, s := range texts {
		a, b := d.Scores(s), p.Scores(s)
		if len(a) != len(b) {
			t.Fatalf("%q: %d and %d scores", s, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%q: score %d is %v with sets, %v without", s, i, a[i], b[i])
				break
			}
		}
	}
}
