package bolt

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// ApplyImport writes every new and updated row of a plan in one
// transaction, with one audit entry per member. A plan with errors writes
// nothing. Since the clerk may have looked at the preview for a while, the
// rows are checked again against the file as it is now: a duplicate added
// meanwhile, or a member changed or deleted meanwhile, fails the whole
// import (the error names the row) and nothing is written.
func (d *DB) ApplyImport(p *store.ImportPlan) (store.ImportSummary, error) {
	if fe := p.FirstError(); fe != nil {
		return store.ImportSummary{}, fe
	}
	if !hasWrites(p) {
		return p.Summary(), nil // importing the same file twice writes nothing
	}
	err := d.update(func(w *writeTx) error {
		for i := range p.Rows {
			r := &p.Rows[i]
			var err error
			switch r.Action {
			case store.RowNew:
				err = w.importNew(r.Result)
			case store.RowUpdate:
				err = w.importUpdate(r.Result)
			}
			if err != nil {
				return atRow(err, r.Row)
			}
		}
		return nil
	})
	if err != nil {
		return store.ImportSummary{}, err
	}
	return p.Summary(), nil
}

func hasWrites(p *store.ImportPlan) bool {
	for _, r := range p.Rows {
		if r.Action == store.RowNew || r.Action == store.RowUpdate {
			return true
		}
	}
	return false
}

// importNew saves a new row's member under the ID the plan gave it.
func (w *writeTx) importNew(m store.Member) error {
	if err := checkImported(&m, w.now); err != nil {
		return err
	}
	if m.ID == uuid.Nil {
		m.ID = store.NewID()
	}
	if _, err := getMember(w.tx, m.ID); err == nil {
		return store.ErrConflict // the plan was applied already
	}
	if err := w.refuseDuplicate(&m); err != nil {
		return err
	}
	m.Created, m.Updated = w.now, w.now
	if err := w.putMember(&m, nil); err != nil {
		return err
	}
	return w.audit(store.ActionImport, store.KindMember, m.ID, "导入新增 "+m.Name)
}

// importUpdate saves an updated row's member if the stored one is still
// the one the plan was made from.
func (w *writeTx) importUpdate(m store.Member) error {
	old, err := getMember(w.tx, m.ID)
	if errors.Is(err, store.ErrNotFound) {
		return store.ErrConflict // deleted since the preview
	}
	if err != nil {
		return err
	}
	if !old.Updated.Equal(m.Updated) || len(m.Events) < len(old.Events) {
		return store.ErrConflict
	}
	if err := checkImported(&m, w.now); err != nil {
		return err
	}
	if err := w.refuseDuplicate(&m); err != nil {
		return err
	}
	m.Created, m.Updated = old.Created, w.now
	if err := w.putMember(&m, &old); err != nil {
		return err
	}
	return w.audit(store.ActionImport, store.KindMember, m.ID, importUpdateSummary(&old, &m))
}

// checkImported validates a planned member again: its details, and its
// whole history replayed through Member.CheckEvent, so a plan built by hand
// or against another clock cannot store a history the rules forbid.
func checkImported(m *store.Member, now time.Time) error {
	m.Clean()
	if err := m.Validate(); err != nil {
		return err
	}
	var replay store.Member
	today := store.DateOf(now)
	for _, e := range m.Events {
		if err := replay.CheckEvent(e, today); err != nil {
			return err
		}
		replay.Events = append(replay.Events, e)
	}
	return nil
}

// importUpdateSummary is e.g. "导入更新 潍坊职业学院：联系电话；退出 潍坊职业学院 自愿退出 (2024年1月5日)".
func importUpdateSummary(old, m *store.Member) string {
	var parts []string
	for _, f := range changedFields(old, m) {
		parts = append(parts, string(f))
	}
	s := "导入更新 " + m.Name
	if len(parts) > 0 {
		s += "：" + strings.Join(parts, "、")
	}
	for _, e := range m.Events[len(old.Events):] {
		s += "；" + eventSummary(m, e)
	}
	return s
}

// atRow names the Excel row an error came from.
func atRow(err error, row int) error {
	if fe, ok := store.AsFieldError(err); ok {
		c := *fe
		c.Row = row
		return &c
	}
	return fmt.Errorf("第%d行：%w", row, err)
}
