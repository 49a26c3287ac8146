package stroke

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Regenerate data.txt (needs the Debian packages unicode-data and
// rime-data-stroke installed, or unpacked with dpkg -x and the paths given
// with -unihan and -rime; see gen/main.go):
//
//go:generate go run gen/main.go -unihan /usr/share/unicode -rime /usr/share/rime-data/stroke.dict.yaml -out data.txt

//go:embed data.txt
var dataTxt string

// The table covers CJK Extension A (U+3400–U+4DBF) and CJK Unified
// Ideographs (U+4E00–U+9FFF), which are adjacent but for the 64 Yijing
// hexagram symbols in between (they simply have no data).
const (
	firstRune = 0x3400
	lastRune  = 0x9FFF
)

// table holds, for every rune in range, its "element": one byte with the
// total stroke count followed by the stroke sequence as ASCII digits
// '1'–'5'. Elements sit back to back in one string so that looking one up
// and returning its sequence allocate nothing.
type table struct {
	elems string
	start [lastRune - firstRune + 2]uint32 // element of r: elems[start[i]:start[i+1]]
}

var (
	loadOnce sync.Once
	tab      *table
)

// data parses the embedded file on first use: a program that never sorts
// by strokes never pays for it (about 2 ms and 600 KB of memory).
func data() *table {
	loadOnce.Do(func() {
		t, err := parse(dataTxt)
		if err != nil {
			// The file is embedded and checked by the tests; a failure
			// here is a build mistake, not a user error.
			panic("stroke: bad embedded data.txt: " + err.Error())
		}
		tab = t
	})
	return tab
}

// element returns r's element, or "" if r has no stroke data.
func (t *table) element(r rune) string {
	if r < firstRune || r > lastRune {
		return ""
	}
	i := r - firstRune
	return t.elems[t.start[i]:t.start[i+1]]
}

// parse reads data.txt: comment lines start with '#'; other lines are
// "字 sequence [count]" in code point order (see gen/main.go).
func parse(txt string) (*table, error) {
	t := new(table)
	var b strings.Builder
	b.Grow(len(txt))
	next := rune(firstRune) // runes below next have their start set
	n := 0
	for line := range strings.Lines(txt) {
		n++
		line = strings.TrimSuffix(line, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		r, count, seq, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n, err)
		}
		if r < next || r > lastRune {
			return nil, fmt.Errorf("line %d: %U out of order or range", n, r)
		}
		for ; next <= r; next++ {
			t.start[next-firstRune] = uint32(b.Len())
		}
		b.WriteByte(byte(count))
		b.WriteString(seq)
	}
	for ; next <= lastRune+1; next++ {
		t.start[next-firstRune] = uint32(b.Len())
	}
	t.elems = b.String()
	return t, nil
}

// parseLine splits one data line and checks it, so that a corrupt
// regeneration fails the tests rather than mis-sorting names. It avoids
// strings.Fields: 27,000 lines are parsed at first use.
func parseLine(line string) (r rune, count int, seq string, err error) {
	char, rest, ok := strings.Cut(line, " ")
	r, size := utf8.DecodeRuneInString(char)
	if !ok || size != len(char) || r == utf8.RuneError {
		return 0, 0, "", fmt.Errorf("want a character and a sequence: %q", line)
	}
	seq, num, hasCount := strings.Cut(rest, " ")
	if seq == "-" {
		seq = ""
	}
	if strings.Trim(seq, "12345") != "" {
		return 0, 0, "", fmt.Errorf("bad sequence: %q", line)
	}
	count = len(seq)
	if hasCount {
		if count, err = strconv.Atoi(num); err != nil {
			return 0, 0, "", fmt.Errorf("bad count: %q", line)
		}
	}
	if count < 1 || count >= unknownMark {
		return 0, 0, "", fmt.Errorf("bad stroke count %d: %q", count, line)
	}
	return r, count, seq, nil
}
