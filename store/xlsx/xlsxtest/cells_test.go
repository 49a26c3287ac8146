package xlsxtest

import (
	"slices"
	"testing"
)

func TestSetCells(t *testing.T) {
	path := WriteSheet(t, [][]string{{"序号", "是否参会"}, {"1", ""}})
	SetCells(t, path, "Sheet1", map[string]string{"B2": "是", "C3": "0536"})
	want := [][]string{{"序号", "是否参会"}, {"1", "是"}, {"", "", "0536"}}
	if got := ReadSheet(t, path, ""); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("read back %q, want %q", got, want)
	}
}
