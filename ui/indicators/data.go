package indicators

import (
	"context"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
)

// indData is one load of a year: its catalogue, the units in the
// register at its end, their values this year and last, the rounds, the
// computed figures and the group's sheet of the year and the two before.
// Read-only once applied.
type indData struct {
	year    int
	years   []int // offered, newest first
	today   store.Date
	cat     *store.Catalogue // nil: the year has none
	cols    []store.Indicator
	members []store.Member // in the register at the year's end, by name
	all     []store.Member
	values  []store.UnitValues
	byUnit  map[uuid.UUID]*store.UnitValues
	last    []store.UnitValues
	lastBy  map[uuid.UUID]*store.UnitValues
	rounds  []store.CollectionRound
	source  store.IndicatorData
	// group are the group's figures by year (year, year-1, year-2).
	group map[int]map[string]float64
}

// loadData reads the year; it runs off the UI thread.
func loadData(s store.Store, ctx context.Context, data *kit.Data, year int, today store.Date) (*indData, error) {
	d := &indData{year: year, today: today}
	cats, err := s.Catalogues(ctx)
	if err != nil {
		return nil, err
	}
	d.years = offeredYears(cats, today.Year(), year)
	for i := range cats {
		if cats[i].Year == year {
			c := cats[i]
			d.cat = &c // the newest version is last
		}
	}
	if d.source.Members, err = data.Members(); err != nil {
		return nil, err
	}
	if d.source.Meetings, err = data.Meetings(); err != nil {
		return nil, err
	}
	if d.source.Tasks, err = data.Tasks(); err != nil {
		return nil, err
	}
	d.all = d.source.Members
	d.members = inRegister(d.all, store.NewDate(year, 12, 31))
	if d.values, err = s.UnitValues(ctx, year); err != nil {
		return nil, err
	}
	if d.last, err = s.UnitValues(ctx, year-1); err != nil {
		return nil, err
	}
	if d.rounds, err = s.Rounds(ctx, year); err != nil {
		return nil, err
	}
	d.byUnit, d.lastBy = byMember(d.values), byMember(d.last)
	if d.cat != nil {
		d.cols = collected(d.cat)
		if d.group, err = groupSheets(s, ctx, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// offeredYears are the years with catalogues, this year, last year and
// the year shown, newest first.
func offeredYears(cats []store.Catalogue, this, shown int) []int {
	years := []int{this, this - 1, shown}
	for _, c := range cats {
		years = append(years, c.Year)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	slices.Reverse(years)
	return years
}

// inRegister are the members in the register on day, by name (stroke
// order is the register's; a name order keeps the grid easy to scan).
func inRegister(all []store.Member, day store.Date) []store.Member {
	var out []store.Member
	for i := range all {
		if all[i].StateOn(day).Status == store.StatusActive {
			out = append(out, all[i])
		}
	}
	slices.SortStableFunc(out, func(a, b store.Member) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func byMember(vs []store.UnitValues) map[uuid.UUID]*store.UnitValues {
	out := map[uuid.UUID]*store.UnitValues{}
	for i := range vs {
		out[vs[i].MemberID] = &vs[i]
	}
	return out
}

// groupSheets computes the group's figures of the year and the two
// before, each with that year's catalogue if it has one, else this one.
func groupSheets(s store.Store, ctx context.Context, d *indData) (map[int]map[string]float64, error) {
	out := map[int]map[string]float64{}
	for y := d.year; y > d.year-3; y-- {
		c := d.cat.Clone()
		if y != d.year {
			prev, err := s.Catalogue(ctx, y)
			switch {
			case err == nil:
				c = prev
			case !errors.Is(err, store.ErrNotFound):
				return nil, err
			}
			c.Year = y
		}
		values := d.values
		if y != d.year {
			var err error
			if values, err = s.UnitValues(ctx, y); err != nil {
				return nil, err
			}
		}
		out[y] = store.GroupValues(&c, store.ComputeIndicators(&c, d.source, d.today), values)
	}
	return out, nil
}

// value is unit m's value of code this year.
func (d *indData) value(m uuid.UUID, code string) (float64, bool) {
	if v := d.byUnit[m]; v != nil {
		return v.Value(code)
	}
	return 0, false
}

// openRound is the year's round not closed, newest first, or nil.
func (d *indData) openRound() *store.CollectionRound {
	for i := len(d.rounds) - 1; i >= 0; i-- {
		if d.rounds[i].Closed.IsZero() {
			return &d.rounds[i]
		}
	}
	return nil
}

// returnOf is unit m's return of round r, or nil.
func (d *indData) returnOf(m uuid.UUID, r uuid.UUID) *store.Return {
	v := d.byUnit[m]
	if v == nil {
		return nil
	}
	for i := len(v.Returns) - 1; i >= 0; i-- {
		if v.Returns[i].Round == r {
			return &v.Returns[i]
		}
	}
	return nil
}

// number writes a value as the clerk typed it: 12, 3.5.
func number(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// change is this year's figure less last year's, signed; "" without both.
func change(now, before float64, okNow, okBefore bool) string {
	if !okNow || !okBefore {
		return ""
	}
	diff := math.Round((now-before)*100) / 100
	if diff > 0 {
		return "+" + number(diff)
	}
	return number(diff)
}
