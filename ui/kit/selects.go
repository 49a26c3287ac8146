package kit

import "fyne.io/fyne/v2/widget"

// A filter select offers "全部" first and then choices that a reload may
// change; these keep the clerk's choice across the reload.

// SelectedIn is where the choice selected in sel (old[i-1]) is in now, as
// a select index: 0 (全部) if it is gone or none was chosen.
func SelectedIn[T comparable](old []T, sel *widget.Select, now []T) int {
	i := sel.SelectedIndex()
	if i <= 0 || i > len(old) {
		return 0
	}
	for j, x := range now {
		if x == old[i-1] {
			return j + 1
		}
	}
	return 0
}

// SetOptions sets the options of sel and selects index without calling
// its OnChanged.
func SetOptions(sel *widget.Select, options []string, index int) {
	changed := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = options
	sel.SetSelectedIndex(index)
	sel.OnChanged = changed
}
