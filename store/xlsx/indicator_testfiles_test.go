package xlsx

// This file writes the files under testdata/indicators/: a college's
// 指标填报表 as it returned it, and a 年度指标表. They are committed, and
// the test reads the committed return: templates sent out by this version
// must still read after the next one changes the writer. Rewrite them with
//
//	go test -tags migrated_fynedo ./store/xlsx/ -run TestIndicatorFiles -update-indicators

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store"
)

var updateIndicators = flag.Bool("update-indicators", false, "rewrite the files in testdata/indicators")

var indicatorsDir = filepath.Join("..", "..", "testdata", "indicators")

func writeIndicatorFiles(t *testing.T) {
	must(t, os.MkdirAll(indicatorsDir, 0o755))
	c := indCatalogue(t, 2026)
	sendBack(t, templates(t, c)[0], indicatorsDir, "return_college.xlsx", map[string]string{"F8": "1,500", "G8": "含线上培训"},
		map[string]float64{"F6": 15, "F7": 3, "F29": 420.75})
	cc, group, units := bookFixture(t)
	must(t, WriteIndicatorBook(filepath.Join(indicatorsDir, "book_2026.xlsx"), cc, group, units, indMembers(), indGroup))
}

func TestIndicatorFiles(t *testing.T) {
	if *updateIndicators {
		writeIndicatorFiles(t)
	}
	c := indCatalogue(t, 2026)
	rf, err := ReadReturn(filepath.Join(indicatorsDir, "return_college.xlsx"))
	must(t, err)
	p := store.PlanReturns(c, indRoundOf(c), indMembers(), nil, indLastYear(), []store.ReturnFile{rf})
	want := map[string]float64{"training_bases": 15, "training_bases_national": 3, "training_projects": 1500, "tech_service_income": 420.75}
	if got := changes(p.Files[0]); len(p.Files[0].Errors) > 0 || !mapsEqual(got, want) {
		t.Errorf("committed return: %v %v", got, p.Files[0].Errors)
	}
	if rows := book(t, filepath.Join(indicatorsDir, "book_2026.xlsx")).GetSheetList(); len(rows) != 3 {
		t.Errorf("book sheets %q", rows)
	}
}
