package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx/xlsxtest"
)

// writeSheet writes an import file: a title line above the header, as
// clerks' files have, then the rows.
func writeSheet(t *testing.T, rows ...[]string) string {
	t.Helper()
	head := [][]string{{"成员单位信息表"}, {"单位名称", "统一社会信用代码", "单位类型", "城市", "联系人", "联系电话", "加入日期", "会员类别"}}
	return xlsxtest.WriteSheet(t, append(head, rows...))
}

// snapshot is what a data file holds, to show that nothing was written.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	s, err := openStore(context.Background(), db, true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Members(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	audit, err := s.Audit(context.Background(), store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal([]any{ms, audit})
	return string(b)
}

func code(first17 string) string { return first17 + string(store.CreditCodeCheckChar(first17)) }

var goodRows = [][]string{
	{"潍海测试化工有限公司", code("91370702MA3TEXT01"), "企业单位", "潍海市", "王敏", "13805361234", "2024年3月5日", "理事单位"},
	{"潍海 测试 职业学院", "", "高职", "潍海市", "李强", "0536-8123456", "2024.3.5", ""},
}

func TestImportDryRunThenReal(t *testing.T) {
	db := demoDB(t)
	file := writeSheet(t, goodRows...)
	before := snapshot(t, db)

	// Flags after the file argument, in both spellings.
	r := mustRun(t, "members", "import", file, "--dry-run", "--db="+db)
	for _, want := range []string{"第3行\t新增\t潍海测试化工有限公司", "第4行\t新增\t潍海测试职业学院", "共2行：新增2"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run report lacks %q:\n%s", want, r.stdout)
		}
	}
	if snapshot(t, db) != before {
		t.Fatal("--dry-run wrote to the data file")
	}

	joined := statsJSON(t, db, "--as-of", "2024-12-31")["joined"].(float64)
	mustRun(t, "--db", db, "members", "import", file) // --db before the verb
	if got := statsJSON(t, db, "--as-of", "2024-12-31"); got["joined"] != joined+2 {
		t.Errorf("after import, joined in 2024 = %v, want %v + 2", got["joined"], joined)
	}
	// The same file again changes nothing.
	r = mustRun(t, "members", "import", file, "--db", db)
	if !strings.Contains(r.stdout, "无变化2") {
		t.Errorf("second import:\n%s", r.stdout)
	}
}

func TestImportWithErrorWritesNothing(t *testing.T) {
	db := demoDB(t)
	before := snapshot(t, db)
	file := writeSheet(t, goodRows[0], []string{"潍海另一家公司", "", "外星单位", "潍海市", "", "", "2024-02-30", ""})
	r := runCLI(t, "members", "import", file, "--db", db)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"第4行\t错误\t潍海另一家公司", "「单位类型」", "「加入日期」"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "未导入任何数据") {
		t.Errorf("stderr %q", r.stderr)
	}
	if snapshot(t, db) != before {
		t.Fatal("an import with an error wrote to the data file")
	}
}

// A dry run on a data file that does not exist previews against an empty
// register and does not create the file.
func TestImportDryRunNoFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	mustRun(t, "members", "import", writeSheet(t, goodRows...), "--dry-run", "--db", db)
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("dry run created %s", db)
	}
}

func TestExportRegister(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	mustRun(t, "members", "export", "--as-of", "2023-11-28", "--mask-phones", "--out", out, "--db", db)
	rows := xlsxtest.ReadSheet(t, out, "")
	if want := "潍海市化工职业教育集团成员单位名册（截至2023年11月28日）"; len(rows) == 0 || rows[0][0] != want {
		t.Fatalf("title %q, want %q", rows[0], want)
	}
	data, masked := 0, 0
	for _, r := range rows {
		if len(r) >= 7 && r[0] != "" && r[0][0] >= '1' && r[0][0] <= '9' {
			data++
			if strings.Contains(r[6], "***") {
				masked++
			}
		}
	}
	if data != 81 || masked != 81 {
		t.Errorf("%d data rows, %d masked phones; want 81", data, masked)
	}
}

func TestTemplateAndStatsSheet(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, "members", "template", "--out", filepath.Join(dir, "模板.xlsx"))
	db := demoDB(t)
	r := mustRun(t, "stats", "--json", "--as-of", "2023-11-28", "--db", db, "--out", filepath.Join(dir, "统计.xlsx"))
	if !json.Valid([]byte(r.stdout)) {
		t.Errorf("--json with --out printed non-JSON:\n%s", r.stdout)
	}
	for _, name := range []string{"模板.xlsx", "统计.xlsx"} {
		if rows := xlsxtest.ReadSheet(t, filepath.Join(dir, name), ""); len(rows) == 0 {
			t.Errorf("%s has an empty first sheet", name)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"frobnicate"},
		{"members"},
		{"members", "import"},
		{"members", "import", "a.xlsx", "b.xlsx"},
		{"members", "export", "--as-of", "2023-11-28", "--db", db},
		{"stats", "--as-of", "2023-13-01", "--db", db},
		{"stats", "--as-of"},
		{"stats", "--bogus"},
		{"stats", "--json=maybe"},
		{"stats", "--since", "2024-01-01", "--as-of", "2023-12-31", "--db", db},
	} {
		r := runCLI(t, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "用法") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := runCLI(t, "help"); r.code != 0 || !strings.Contains(r.stdout, "secdesk members import") {
		t.Errorf("help: exit %d\n%s", r.code, r.stdout)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a usage error created the data file")
	}
}

func TestMissingDataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	r := runCLI(t, "stats", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "数据文件不存在") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestEnglishErrors(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "en_US.UTF-8")
	db := filepath.Join(t.TempDir(), "not-ours.db")
	if err := os.WriteFile(db, []byte(strings.Repeat("not a data file\n", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "stats", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "This file is not a Secretariat desk data file") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	file := writeSheet(t, []string{"", "", "企业", "潍海市"})
	r = runCLI(t, "members", "import", file, "--dry-run", "--db", filepath.Join(t.TempDir(), "new.db"))
	if r.code != 1 || !strings.Contains(r.stdout, "Row 3") || !strings.Contains(r.stdout, "Unit name") {
		t.Errorf("exit %d, report %q", r.code, r.stdout)
	}
}

// A second copy of the program on the same file is told so, never left
// hanging.
func TestLocked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "secdesk.db")
	helper := exec.Command(os.Args[0], "-test.run=^$")
	helper.Env = append(os.Environ(), "SECDESK_TEST_HOLD="+db)
	stdin, err := helper.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); helper.Wait() }()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
		t.Fatalf("helper said %q", line)
	}

	// How long it takes is the store's lock timeout (store/bolt
	// TestLockTimeout); a hang would show as the test timing out.
	r := runCLI(t, "stats", "--as-of", "2023-11-28", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "数据文件正被另一个窗口使用") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
