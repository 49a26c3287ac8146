package xlsxtest

import (
	"slices"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	rows := [][]string{{"成员单位信息表"}, {"单位名称", "城市"}, {"潍海化工职业学院", "潍海市"}, {"=1+1", "", "0536"}}
	path := WriteSheet(t, rows)
	got := ReadSheet(t, path, "")
	want := [][]string{{"成员单位信息表"}, {"单位名称", "城市"}, {"潍海化工职业学院", "潍海市"}, {"=1+1", "", "0536"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("read back %q, want %q", got, want)
	}
	if got := ReadSheet(t, path, "Sheet1"); len(got) != 4 {
		t.Errorf("by name: %q", got)
	}
	if names := SheetNames(t, path); !slices.Equal(names, []string{"Sheet1"}) {
		t.Errorf("sheets %q", names)
	}
}
