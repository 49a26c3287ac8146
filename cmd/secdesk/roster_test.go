package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// The expectations below come straight from the demo's roster file with
// their own small replay of its changes, not through package store.
type rawSeat struct{ Position, Person, Member, Rep, Title string }

type rawChange struct {
	Date, Kind, Holder string
	rawSeat
}

type rawTerm struct {
	Number  int
	Start   string
	Seats   []rawSeat
	Changes []rawChange
}

type rawBody struct {
	Name, Type, Parent string
	Terms              []rawTerm
}

type rawRosters struct {
	People []struct {
		Name, Member, Unit string
		LeftOn             string `json:"left_on"`
	}
	Bodies []rawBody
}

func loadRawRosters(t *testing.T) rawRosters {
	t.Helper()
	b, err := os.ReadFile("../../testdata/demo/rosters.json")
	if err != nil {
		t.Fatal(err)
	}
	var f rawRosters
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f rawRosters) body(t *testing.T, name string) rawBody {
	t.Helper()
	i := slices.IndexFunc(f.Bodies, func(b rawBody) bool { return b.Name == name })
	if i < 0 {
		t.Fatalf("no body %s in the demo file", name)
	}
	return f.Bodies[i]
}

// heldOn counts the seats of term held at the end of day d (ISO dates
// compare as strings): its first-day seats, plus additions, less ends.
func (term rawTerm) heldOn(d string) int {
	n := len(term.Seats)
	for _, c := range term.Changes {
		switch {
		case c.Date > d:
		case c.Kind == "add":
			n++
		case c.Kind == "end":
			n--
		}
	}
	return n
}

var chineseNumerals = []string{"", "一", "二", "三", "四", "五"}

func TestRosterListMatchesDemo(t *testing.T) {
	db := demoDB(t)
	f := loadRawRosters(t)
	want := []string{"机构\t类型\t上级机构\t届次\t开始日期\t结束日期\t在任席位"}
	for _, b := range f.Bodies {
		for i, term := range b.Terms {
			end, last := "", "9999-12-31"
			if i+1 < len(b.Terms) {
				end = b.Terms[i+1].Start
				last = end // changes dated the next term's start belong to it
			}
			want = append(want, fmt.Sprintf("%s\t%s\t%s\t第%s届\t%s\t%s\t%d",
				b.Name, b.Type, b.Parent, chineseNumerals[term.Number], term.Start, end, term.heldOn(last)))
		}
	}
	r := mustRun(t, "roster", "list", "--db", db)
	if got := strings.Split(strings.TrimSpace(r.stdout), "\n"); !slices.Equal(got, want) {
		t.Errorf("roster list:\n%s\nwant:\n%s", r.stdout, strings.Join(want, "\n"))
	}
	if len(f.People) < 120 || len(f.People) > 180 {
		t.Errorf("%d people in the demo, want 120–180", len(f.People))
	}
}

// councilReplacement is the replacement within the council's current term.
func councilReplacement(t *testing.T, f rawRosters) (term rawTerm, c rawChange) {
	t.Helper()
	b := f.body(t, "理事会")
	term = b.Terms[len(b.Terms)-1]
	for _, c := range term.Changes {
		if c.Kind == "replace" {
			return term, c
		}
	}
	t.Fatal("the council's current term has no replacement")
	return
}

// sheetText reads a workbook's first sheet, each cell with its spaces
// (U+3000 pads names and labels) removed.
func sheetText(t *testing.T, path string) [][]string {
	t.Helper()
	rows := xlsxtest.ReadSheet(t, path, "")
	for _, r := range rows {
		for j := range r {
			r[j] = strings.Map(func(c rune) rune {
				if c == ' ' || c == '\u3000' {
					return -1
				}
				return c
			}, r[j])
		}
	}
	return rows
}

func hasCell(rows [][]string, match func(string) bool) bool {
	for _, r := range rows {
		if slices.ContainsFunc(r, match) {
			return true
		}
	}
	return false
}

func TestRosterExportBeforeAndAfterReplacement(t *testing.T) {
	db := demoDB(t)
	_, c := councilReplacement(t, loadRawRosters(t))
	dir := t.TempDir()
	for _, tc := range []struct {
		asOf          string
		present, gone string
	}{
		{dayBefore(t, c.Date), c.Holder, c.Person},
		{c.Date, c.Person, c.Holder},
	} {
		out := filepath.Join(dir, tc.asOf+".xlsx")
		mustRun(t, "roster", "export", "--body", "理事会", "--as-of", tc.asOf, "--out", out, "--db", db)
		rows := sheetText(t, out)
		if rows[0][0] != "潍海市化工职业教育集团理事会名单" {
			t.Errorf("%s: title %q", tc.asOf, rows[0][0])
		}
		if !hasCell(rows, func(s string) bool { return strings.HasPrefix(s, c.Position) }) {
			t.Errorf("%s: no section %s", tc.asOf, c.Position)
		}
		if !hasCell(rows, eq(tc.present)) || hasCell(rows, eq(tc.gone)) {
			t.Errorf("%s: want %s on the roster and %s not", tc.asOf, tc.present, tc.gone)
		}
	}
}

func eq(s string) func(string) bool { return func(c string) bool { return c == s } }

func dayBefore(t *testing.T, iso string) string {
	t.Helper()
	var y, m, d int
	if _, err := fmt.Sscanf(iso, "%d-%d-%d", &y, &m, &d); err != nil {
		t.Fatal(err)
	}
	if d == 1 {
		t.Fatalf("pick a replacement not on the 1st: %s", iso)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d-1)
}

// The table has a row per seat held that day; the warning of a holder who
// has left is reported on stdout.
func TestRosterExportTableAndWarning(t *testing.T) {
	db := demoDB(t)
	f := loadRawRosters(t)
	term, _ := councilReplacement(t, f)
	const asOf = "2026-10-31"
	out := filepath.Join(t.TempDir(), "表格.xlsx")
	r := mustRun(t, "roster", "export", "--body", " 理事会", "--as-of", asOf, "--format", "表格", "--out", out, "--db", db)
	rows := sheetText(t, out)
	if want := "潍海市化工职业教育集团理事会名单（第四届，截至2026年10月31日）"; rows[0][0] != want {
		t.Errorf("title %q, want %q", rows[0][0], want)
	}
	data := 0
	for _, row := range rows[2:] {
		if len(row) >= 6 && row[0] != "" && row[0][0] >= '1' && row[0][0] <= '9' {
			data++
		}
	}
	if want := term.heldOn(asOf); data != want {
		t.Errorf("%d data rows, want %d", data, want)
	}
	warned := 0
	for _, p := range f.People {
		if p.LeftOn == "" || p.LeftOn > asOf {
			continue
		}
		if got := strings.Contains(r.stdout, "警告：「"+p.Name+"」已于"); got != term.seated(p.Name) {
			t.Errorf("%s left on %s; warned %v, seated %v:\n%s", p.Name, p.LeftOn, got, term.seated(p.Name), r.stdout)
		} else if got {
			warned++
		}
	}
	if warned == 0 {
		t.Error("the demo has nobody seated after leaving")
	}
}

// seated reports whether the person holds a seat of term at its end: seated
// on its first day or by a change, and not ended or replaced since.
func (term rawTerm) seated(name string) bool {
	in := slices.ContainsFunc(term.Seats, func(s rawSeat) bool { return s.Person == name })
	for _, c := range term.Changes {
		switch {
		case c.Holder == name && (c.Kind == "end" || c.Kind == "replace"):
			in = false
		case c.Person == name:
			in = true
		}
	}
	return in
}

func TestRosterExportUnitList(t *testing.T) {
	db := demoDB(t)
	b := loadRawRosters(t).body(t, "潍海市精细化工产教融合共同体")
	term := b.Terms[len(b.Terms)-1]
	out := filepath.Join(t.TempDir(), "单位.xlsx")
	mustRun(t, "roster", "export", "--body", b.Name, "--as-of", "2026-10-31", "--format", "units", "--out", out, "--db", db)
	rows := sheetText(t, out)
	if rows[0][0] != b.Name+"成员单位名单" {
		t.Errorf("title %q", rows[0][0])
	}
	data := 0
	for _, row := range rows[2:] {
		if len(row) >= 3 && row[1] != "" {
			data++
		}
	}
	if want := term.heldOn("2026-10-31"); data != want || !hasCell(rows, eq(term.Seats[0].Member)) {
		t.Errorf("%d units, want %d with %s", data, want, term.Seats[0].Member)
	}
	// The council's seats are all people's: no unit list to print.
	r := runCLI(t, "roster", "export", "--body", "理事会", "--format", "单位", "--out", out, "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "没有由成员单位担任的席位") {
		t.Errorf("unit list of the council: exit %d, stderr %q", r.code, r.stderr)
	}
}

// writeRosterSheet writes a roster import file: a title line, a header in
// the seed's words, then the rows.
func writeRosterSheet(t *testing.T, rows ...[]string) string {
	t.Helper()
	head := [][]string{{"专业建设指导委员会增补名单"}, {"职位", "姓名", "性别", "单位", "职务", "手机", "任职日期"}}
	return xlsxtest.WriteSheet(t, append(head, rows...))
}

// rosterSnapshot is what a data file holds of people and bodies, with the
// audit log, to show that nothing was written.
func rosterSnapshot(t *testing.T, db string) string {
	t.Helper()
	s, err := openStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, err := (&cli{ctx: context.Background()}).readRosterData(s)
	if err != nil {
		t.Fatal(err)
	}
	audit, err := s.Audit(context.Background(), store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{d.people, d.bodies, audit})
	return string(b)
}

// guidanceRows are two new 委员 and one who already sits on the committee.
func guidanceRows(t *testing.T) [][]string {
	b := loadRawRosters(t).body(t, "专业建设指导委员会")
	term := b.Terms[len(b.Terms)-1]
	i := slices.IndexFunc(term.Seats, func(s rawSeat) bool { return s.Position == "委员" && s.Person != "" })
	sitting := term.Seats[i]
	var unit string
	for _, p := range loadRawRosters(t).People {
		if p.Name == sitting.Person {
			unit = p.Member + p.Unit
		}
	}
	return [][]string{
		{"委员", "欧阳明辉", "男", "潍海化工职业学院", "化学工程系主任", "13905360001", "2026-09-18"},
		{"委 员", "赵晓峰", "男", "潍海市生态环境局", "科长", "13905360002", "2026年9月18日"},
		{"委员", sitting.Person, "", unit, sitting.Title, "", "2026-09-18"},
	}
}

func TestRosterImportDryRunThenReal(t *testing.T) {
	db := demoDB(t)
	rows := guidanceRows(t)
	file := writeRosterSheet(t, rows...)
	before := rosterSnapshot(t, db)
	r := mustRun(t, "roster", "import", file, "--body", "专业建设指导委员会", "--dry-run", "--db", db)
	for _, want := range []string{"第3行\t新增\t欧阳明辉\t委员\t（新建人员）", "第4行\t新增\t赵晓峰", "第5行\t无变化\t" + rows[2][1], "新增席位2，无变化1，错误0"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, r.stdout)
		}
	}
	if rosterSnapshot(t, db) != before {
		t.Fatal("--dry-run wrote to the data file")
	}
	held := func() string { return mustRun(t, "roster", "list", "--db", db).stdout }
	was := held()
	r = mustRun(t, "--db", db, "roster", "import", "--body=专业建设指导委员会", file)
	if !strings.Contains(r.stdout, "新增席位2个，新建人员2人，无变化1行") {
		t.Errorf("import:\n%s", r.stdout)
	}
	if now := held(); !strings.Contains(was, "第二届\t2021-04-23\t\t25") || !strings.Contains(now, "第二届\t2021-04-23\t\t27") {
		t.Errorf("seats before and after:\n%s\n%s", was, now)
	}
	r = mustRun(t, "roster", "import", file, "--body", "专业建设指导委员会", "--db", db)
	if !strings.Contains(r.stdout, "新增席位0个，新建人员0人，无变化3行") {
		t.Errorf("second import:\n%s", r.stdout)
	}
}

func TestRosterImportWithErrorWritesNothing(t *testing.T) {
	db := demoDB(t)
	rows := guidanceRows(t)
	rows[1][6] = "2026-13-45"
	file := writeRosterSheet(t, rows...)
	before := rosterSnapshot(t, db)
	r := runCLI(t, "roster", "import", file, "--body", "专业建设指导委员会", "--db", db)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "第4行\t错误\t赵晓峰") || !strings.Contains(r.stdout, "第4行 「任职日期」") {
		t.Errorf("report does not name row 4 and its field:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "未导入任何数据") {
		t.Errorf("stderr %q", r.stderr)
	}
	if rosterSnapshot(t, db) != before {
		t.Fatal("an import with an error wrote to the data file")
	}
}

func TestRosterUnknownBody(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "x.xlsx")
	r := runCLI(t, "roster", "export", "--body", "监事会", "--out", out, "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "找不到机构「监事会」") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, b := range loadRawRosters(t).Bodies {
		if !strings.Contains(r.stderr, b.Name) {
			t.Errorf("stderr does not list %s: %q", b.Name, r.stderr)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("an unknown body left a file")
	}
}

func TestRosterUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"roster"},
		{"roster", "print"},
		{"roster", "export", "--out", "a.xlsx", "--db", db},
		{"roster", "export", "--body", "理事会", "--db", db},
		{"roster", "export", "--body", "理事会", "--format", "pdf", "--out", "a.xlsx", "--db", db},
		{"roster", "export", "--body", "理事会", "--as-of", "2026-02-30", "--out", "a.xlsx", "--db", db},
		{"roster", "import", "--body", "理事会", "--db", db},
		{"roster", "import", "a.xlsx", "--db", db},
		{"roster", "list", "extra", "--db", db},
	} {
		r := runCLI(t, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "用法") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := runCLI(t, "help"); !strings.Contains(r.stdout, "secdesk roster export --body") {
		t.Errorf("help lacks the roster verbs:\n%s", r.stdout)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a usage error created the data file")
	}
}

func TestRosterEnglish(t *testing.T) {
	db := demoDB(t)
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	r := mustRun(t, "roster", "list", "--db", db)
	if !strings.HasPrefix(r.stdout, "Body\tType\t") || !strings.Contains(r.stdout, "理事会\tCouncil\t\tTerm 4\t2025-05-16\t\t") {
		t.Errorf("roster list in English:\n%s", r.stdout)
	}
	r = runCLI(t, "roster", "export", "--body", "监事会", "--out", filepath.Join(t.TempDir(), "x.xlsx"), "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "No body named 「监事会」") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCLI(t, "roster", "export", "--body", "理事会", "--format", "pdf", "--out", "x.xlsx", "--db", db)
	if r.code != 2 || !strings.Contains(r.stderr, "Invalid value for --format") || !strings.Contains(r.stderr, "Usage") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	file := writeRosterSheet(t, []string{"委员", "", "男", "潍海化工职业学院"})
	r = runCLI(t, "roster", "import", file, "--body", "专业建设指导委员会", "--dry-run", "--db", db)
	if r.code != 1 || !strings.Contains(r.stdout, "Row 3\tError") || !strings.Contains(r.stdout, "Name") {
		t.Errorf("exit %d, report %q", r.code, r.stdout)
	}
}
