package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"
)

var errNoChange = errors.New("no change")

func catalogueKey(year, version int) string { return strconv.Itoa(year) + "/" + strconv.Itoa(version) }

func (r *records) Catalogues(ctx context.Context) ([]Catalogue, error) {
	var out []Catalogue
	err := r.read(ctx, func(tx EngineTx) (err error) {
		out, err = catalogueDocs.all(tx)
		return err
	})
	slices.SortStableFunc(out, func(a, b Catalogue) int { return a.Year*1000 + a.Version - b.Year*1000 - b.Version })
	return out, err
}

func (r *records) Catalogue(ctx context.Context, year int) (Catalogue, error) {
	var c Catalogue
	err := r.read(ctx, func(tx EngineTx) (err error) {
		c, err = latestCatalogue(tx, year)
		return err
	})
	return c, err
}

// latestCatalogue is the year's newest version, or ErrNotFound.
func latestCatalogue(tx EngineTx, year int) (Catalogue, error) {
	for v := 1; ; v++ {
		if _, ok, err := tx.Lookup(IdxCatalogue, catalogueKey(year, v+1)); err != nil {
			return Catalogue{}, err
		} else if ok {
			continue
		}
		id, ok, err := tx.Lookup(IdxCatalogue, catalogueKey(year, v))
		if err != nil {
			return Catalogue{}, err
		}
		if !ok {
			return Catalogue{}, ErrNotFound
		}
		return catalogueDocs.get(tx, id)
	}
}

// StartCatalogue makes the year's first catalogue: a copy of the latest
// earlier year's, or DefaultCatalogue. A year that has one gets it back.
func (r *records) StartCatalogue(ctx context.Context, year int) (Catalogue, error) {
	var c Catalogue
	err := r.write(ctx, func(w *wtx) error {
		var err error
		if c, err = latestCatalogue(w.tx, year); err == nil {
			return errNoChange
		} else if !isNotFound(err) {
			return err
		}
		c = DefaultCatalogue(year)
		for y := year - 1; y >= year-20; y-- {
			if prev, err := latestCatalogue(w.tx, y); err == nil {
				c.Indicators = prev.Clone().Indicators
				break
			}
		}
		return w.putCatalogue(&c, nil, ActionCreate, fmt.Sprintf("新建%d年指标目录（%d项）", year, len(c.Indicators)))
	})
	if errors.Is(err, errNoChange) {
		err = nil
	}
	return c, err
}

func (w *wtx) putCatalogue(c, old *Catalogue, a Action, summary string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if old == nil {
		c.ID = NewID()
		w.stamp(&c.Stamp, nil)
	} else {
		w.stamp(&c.Stamp, &old.Stamp)
	}
	if err := catalogueDocs.put(w.tx, c, old); err != nil {
		return err
	}
	return w.audit(a, KindCatalogue, c.ID, summary)
}

// SaveCatalogue saves an edited catalogue that is not filed; c.Rev must
// be the stored one.
func (r *records) SaveCatalogue(ctx context.Context, in Catalogue) (Catalogue, error) {
	var c Catalogue
	err := r.write(ctx, func(w *wtx) error {
		old, err := catalogueDocs.get(w.tx, in.ID)
		if err != nil {
			return err
		}
		if err := catalogueDocs.checkRev(&in, &old, fmt.Sprintf("%d年指标目录", old.Year)); err != nil {
			return err
		}
		if !old.Filed.IsZero() {
			return fieldErr(FieldCatalogue, ProblemFiled, strconv.Itoa(old.Year))
		}
		c = in.Clone()
		c.Year, c.Version, c.Filed = old.Year, old.Version, Date{}
		return w.putCatalogue(&c, &old, ActionUpdate, fmt.Sprintf("修改%d年指标目录（%d项）", c.Year, len(c.Indicators)))
	})
	if err != nil {
		return Catalogue{}, err
	}
	return c, nil
}

// FileCatalogue marks the year's catalogue filed (报送) on day: frozen
// from then on, with the values it was filed with kept by the history.
func (r *records) FileCatalogue(ctx context.Context, year int, day Date) (Catalogue, error) {
	var c Catalogue
	err := r.write(ctx, func(w *wtx) error {
		old, err := latestCatalogue(w.tx, year)
		if err != nil {
			return err
		}
		if !old.Filed.IsZero() {
			return fieldErr(FieldCatalogue, ProblemFiled, strconv.Itoa(year))
		}
		c = old.Clone()
		c.Filed = day
		if _, err := w.closeRounds(year, day); err != nil {
			return err
		}
		return w.putCatalogue(&c, &old, ActionFile, fmt.Sprintf("%d年指标已报送（%s）", year, day.Chinese()))
	})
	if err != nil {
		return Catalogue{}, err
	}
	return c, nil
}

// NewCatalogueVersion starts a new version of a filed year's catalogue;
// the filed one stays as it was.
func (r *records) NewCatalogueVersion(ctx context.Context, year int) (Catalogue, error) {
	var c Catalogue
	err := r.write(ctx, func(w *wtx) error {
		old, err := latestCatalogue(w.tx, year)
		if err != nil {
			return err
		}
		c = old.Clone()
		c.Version, c.Filed, c.Stamp = old.Version+1, Date{}, Stamp{}
		return w.putCatalogue(&c, nil, ActionCreate, fmt.Sprintf("新建%d年指标目录第%d版", year, c.Version))
	})
	if err != nil {
		return Catalogue{}, err
	}
	return c, nil
}

func (r *records) UnitValues(ctx context.Context, year int) ([]UnitValues, error) {
	var out []UnitValues
	err := r.read(ctx, func(tx EngineTx) error {
		all, err := unitValueDocs.all(tx)
		for _, v := range all {
			if v.Year == year {
				out = append(out, v)
			}
		}
		return err
	})
	return out, err
}

// SetValue changes one collected value of a unit (nil clears it); from is
// the value the clerk saw, else a *ConflictError. The year's catalogue
// must not be filed, must have the code, and the unit must answer it.
func (r *records) SetValue(ctx context.Context, year int, member uuid.UUID, code string, from, to *float64) (UnitValues, error) {
	var v UnitValues
	err := r.write(ctx, func(w *wtx) error {
		c, m, err := w.valuesContext(year, member)
		if err != nil {
			return err
		}
		ind := c.Indicator(code)
		switch {
		case ind == nil:
			return fieldErr(FieldIndicatorCode, ProblemUnknownCode, code)
		case !ind.AnsweredBy(m.Type):
			return fieldErr(FieldIndicatorVal, ProblemNotAnswered, ind.Name)
		case to != nil:
			if fe := ind.CheckValue(*to); fe != nil {
				return fe
			}
		}
		v, err = w.unitValues(year, &m)
		if err != nil {
			return err
		}
		old := v
		if cur, ok := v.Values[code]; ok != (from != nil) || ok && cur != *from {
			return conflict(KindIndicators, m.Name+" "+ind.Name, &v.Stamp)
		}
		v.apply(ValueChange{Code: code, From: from, To: to, At: w.now, By: w.r.by, Via: "typed"})
		return w.putValues(&v, &old, ActionValue, fmt.Sprintf("%d年 %s %s：%s", year, m.Name, ind.Name, valueText(to)))
	})
	return v, err
}

// valuesContext reads the year's catalogue (refused when filed) and the
// member.
func (w *wtx) valuesContext(year int, member uuid.UUID) (Catalogue, Member, error) {
	c, err := latestCatalogue(w.tx, year)
	if err != nil {
		return c, Member{}, err
	}
	if !c.Filed.IsZero() {
		return c, Member{}, fieldErr(FieldCatalogue, ProblemFiled, strconv.Itoa(year))
	}
	m, err := memberDocs.get(w.tx, member)
	return c, m, err
}

// unitValues reads the unit's values of the year, or a new empty record.
func (w *wtx) unitValues(year int, m *Member) (UnitValues, error) {
	id, ok, err := w.tx.Lookup(IdxUnitValues, unitValuesKey(year, m.ID))
	if err != nil {
		return UnitValues{}, err
	}
	if !ok {
		return UnitValues{Year: year, MemberID: m.ID, Unit: m.Name, Values: map[string]float64{}}, nil
	}
	v, err := unitValueDocs.get(w.tx, id)
	if v.Values == nil {
		v.Values = map[string]float64{}
	}
	return v, err
}

func (w *wtx) putValues(v, old *UnitValues, a Action, summary string) error {
	if v.ID == uuid.Nil {
		v.ID = NewID()
		w.stamp(&v.Stamp, nil)
		old = nil
	} else {
		w.stamp(&v.Stamp, &old.Stamp)
	}
	if err := unitValueDocs.put(w.tx, v, old); err != nil {
		return err
	}
	return w.audit(a, KindIndicators, v.ID, summary)
}

// apply makes one change and keeps it in the history.
func (v *UnitValues) apply(ch ValueChange) {
	vals := make(map[string]float64, len(v.Values)+1)
	for k, x := range v.Values {
		vals[k] = x
	}
	if ch.To == nil {
		delete(vals, ch.Code)
	} else {
		vals[ch.Code] = *ch.To
	}
	v.Values, v.History = vals, append(slices.Clone(v.History), ch)
}

func valueText(v *float64) string {
	if v == nil {
		return "清空"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// OpenRound starts a collection round of the year from its catalogue.
func (r *records) OpenRound(ctx context.Context, year int, day Date) (CollectionRound, error) {
	var cr CollectionRound
	err := r.write(ctx, func(w *wtx) error {
		c, err := latestCatalogue(w.tx, year)
		if err != nil {
			return err
		}
		if !c.Filed.IsZero() {
			return fieldErr(FieldCatalogue, ProblemFiled, strconv.Itoa(year))
		}
		cr = CollectionRound{ID: NewID(), Year: year, CatalogueID: c.ID, Version: c.Version, Opened: day}
		w.stamp(&cr.Stamp, nil)
		if err := roundDocs.put(w.tx, &cr, nil); err != nil {
			return err
		}
		return w.audit(ActionCreate, KindRound, cr.ID, fmt.Sprintf("开始%d年指标填报（%s）", year, day.Chinese()))
	})
	return cr, err
}

func (r *records) CloseRound(ctx context.Context, year int, day Date) (int, error) {
	n := 0
	err := r.write(ctx, func(w *wtx) (err error) {
		if n, err = w.closeRounds(year, day); err != nil {
			return err
		}
		if n == 0 {
			return errNothingToRecord
		}
		return w.audit(ActionUpdate, KindRound, uuid.Nil, fmt.Sprintf("结束%d年指标填报（%s）", year, day.Chinese()))
	})
	if errors.Is(err, errNothingToRecord) {
		return 0, nil
	}
	return n, err
}

// closeRounds ends the year's open rounds on day.
func (w *wtx) closeRounds(year int, day Date) (int, error) {
	all, err := roundDocs.all(w.tx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, cr := range all {
		if cr.Year != year || !cr.Closed.IsZero() {
			continue
		}
		old := cr
		cr.Closed = day
		w.stamp(&cr.Stamp, &old.Stamp)
		if err := roundDocs.put(w.tx, &cr, &old); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func (r *records) Rounds(ctx context.Context, year int) ([]CollectionRound, error) {
	var out []CollectionRound
	err := r.read(ctx, func(tx EngineTx) error {
		all, err := roundDocs.all(tx)
		for _, cr := range all {
			if cr.Year == year {
				out = append(out, cr)
			}
		}
		return err
	})
	return out, err
}

// ApplyReturns writes the files of a plan that have no errors, each unit's
// values with their history and the return, in one transaction; a value
// changed since the plan was made is a *ConflictError and nothing is
// written. It returns how many files were written.
func (r *records) ApplyReturns(ctx context.Context, p *ReturnPlan) (int, error) {
	n := 0
	err := r.write(ctx, func(w *wtx) error {
		n = 0
		for _, f := range p.Files {
			if len(f.Errors) > 0 {
				continue
			}
			if err := w.applyReturn(p, &f); err != nil {
				return fmt.Errorf("%s：%w", f.File, err)
			}
			n++
		}
		if n == 0 {
			return errNothingToRecord
		}
		return nil
	})
	if errors.Is(err, errNothingToRecord) {
		return 0, nil
	}
	return n, err
}

func (w *wtx) applyReturn(p *ReturnPlan, f *ReturnPlanFile) error {
	_, m, err := w.valuesContext(p.Year, f.MemberID)
	if err != nil {
		return err
	}
	if cr, err := roundDocs.get(w.tx, p.Round); err != nil {
		return err
	} else if !cr.Closed.IsZero() {
		return fieldErr(FieldCatalogue, ProblemRoundClosed, cr.Closed.Chinese())
	}
	v, err := w.unitValues(p.Year, &m)
	if err != nil {
		return err
	}
	old := v
	for _, ch := range f.Changes {
		if cur, ok := v.Values[ch.Code]; ok != (ch.From != nil) || ok && cur != *ch.From {
			return conflict(KindIndicators, m.Name+" "+ch.Name, &v.Stamp)
		}
		v.apply(ValueChange{Code: ch.Code, From: ch.From, To: ch.To, At: w.now, By: w.r.by, Via: f.File})
	}
	v.Returns = append(slices.Clone(v.Returns), Return{Round: p.Round, File: f.File, At: w.now, By: w.r.by})
	v.Unit = m.Name
	return w.putValues(&v, &old, ActionReturn, fmt.Sprintf("%d年 %s 填报表导入：%d项（%s）", p.Year, m.Name, len(f.Changes), f.File))
}
