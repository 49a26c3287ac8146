package clocale

import "testing"

func TestIsC(t *testing.T) {
	for v, want := range map[string]bool{
		"C.UTF-8": true, "C.utf8": true, "POSIX.UTF-8": true, "C@euro": true,
		"C": false, "POSIX": false, "": false, "zh_CN.UTF-8": false, "en_US": false, "Ca_ES": false, "CN": false,
	} {
		if got := isC(v); got != want {
			t.Errorf("isC(%q) = %v, want %v", v, got, want)
		}
	}
}
