package xlsxtest

import (
	"slices"
	"testing"
)

func TestSetNumbers(t *testing.T) {
	path := WriteSheet(t, [][]string{{"指标", "数值"}, {"实训基地", ""}})
	SetNumbers(t, path, "Sheet1", map[string]float64{"B2": 30, "B3": 12.5})
	want := [][]string{{"指标", "数值"}, {"实训基地", "30"}, {"", "12.5"}}
	if got := ReadSheet(t, path, ""); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("read back %q, want %q", got, want)
	}
}
