package msg

import (
	"testing"

	"github.com/secdesk/secdesk/store"
)

// TestSeatWarning pins the wording of a roster's warnings: the Chinese the
// clerks have always read, and its English.
func TestSeatWarning(t *testing.T) {
	t.Cleanup(func() { SetLanguage("zh") })
	left := store.SeatWarning{Position: "理事", Holder: "石永刚", LeftOn: store.NewDate(2026, 7, 15)}
	unit := store.SeatWarning{Position: "理事", Holder: "潍海化工有限公司", UnitLeft: true}
	custom := store.SeatWarning{Position: "顾问", Holder: "石永刚", LeftOn: store.NewDate(2026, 7, 15)}
	for _, c := range []struct {
		lang string
		w    store.SeatWarning
		want string
	}{
		{"zh", left, "「石永刚」已于2026年7月15日调离，仍担任理事"},
		{"zh", unit, "成员单位「潍海化工有限公司」已不在册，仍担任理事"},
		{"en", left, "「石永刚」 left their post on 2026-07-15 but still holds the seat of Director"},
		{"en", unit, "Member unit 「潍海化工有限公司」 is no longer in the register but still holds the seat of Director"},
		// A position the clerk added has no English; it is shown as written.
		{"en", custom, "「石永刚」 left their post on 2026-07-15 but still holds the seat of 顾问"},
	} {
		SetLanguage(c.lang)
		if got := SeatWarning(c.w); got != c.want {
			t.Errorf("%s %+v:\n got %q\nwant %q", c.lang, c.w, got, c.want)
		}
	}
}
