package demo

import (
	"fmt"
	"slices"

	"github.com/secdesk/secdesk/store"
)

// Indicators is the indicator file: the figures the member units returned
// year by year (指标报送). Each year's catalogue is started
// (StartCatalogue, so each copies the last), a round is opened on Opened,
// the units' returns are applied as a clerk imports them, and a filed
// year is filed on Filed, after its values are in. Units are named as in
// the member file; a return lists the indicators the unit answers.
type Indicators struct {
	Note  string          `json:"note"`
	Years []IndicatorYear `json:"years"`
}

// IndicatorYear is one year's collection.
type IndicatorYear struct {
	Year    int          `json:"year"`
	Opened  store.Date   `json:"opened"`
	Filed   store.Date   `json:"filed,omitzero"`
	Returns []UnitReturn `json:"returns"`
}

// UnitReturn is one unit's returned template: the file's name and the
// values it carried.
type UnitReturn struct {
	Unit   string             `json:"unit"`
	File   string             `json:"file"`
	Values map[string]float64 `json:"values"`
}

// indicatorYear loads one year: catalogue, round, the returns in one
// import as PlanReturns checks them (any problem is the file's fault), and
// the filing.
func (l *loader) indicatorYear(y IndicatorYear) error {
	c, err := l.s.StartCatalogue(l.ctx, y.Year)
	if err != nil {
		return err
	}
	r, err := l.s.OpenRound(l.ctx, y.Year, y.Opened)
	if err != nil {
		return err
	}
	members, err := l.s.Members(l.ctx)
	if err != nil {
		return err
	}
	var files []store.ReturnFile
	for _, ur := range y.Returns {
		f := store.ReturnFile{File: ur.File, Year: y.Year, RoundID: r.ID, MemberID: l.members[ur.Unit], Unit: ur.Unit,
			Values: map[string]*float64{}}
		for code, v := range ur.Values {
			f.Values[code] = &v
		}
		files = append(files, f)
	}
	p := store.PlanReturns(&c, &r, members, nil, nil, files)
	if i := slices.IndexFunc(p.Files, func(f store.ReturnPlanFile) bool { return len(f.Errors) > 0 }); i >= 0 {
		return fmt.Errorf("%s: %v", p.Files[i].File, p.Files[i].Errors)
	}
	if _, err := l.s.ApplyReturns(l.ctx, p); err != nil {
		return err
	}
	if !y.Filed.IsZero() {
		_, err = l.s.FileCatalogue(l.ctx, y.Year, y.Filed)
	}
	return err
}
