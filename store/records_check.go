package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// maxCheckProblems bounds the report of badly damaged data.
const maxCheckProblems = 20

// Check verifies the data: the engine's own check (if it has one), then
// every record decodes under its own ID, every member, person and body is
// indexed under its keys, every index entry points at a record that has
// that key, and every seat names a person or member that is in the
// register or the trash. It returns the problems found (up to
// maxCheckProblems) joined, or nil.
func (r *records) Check(ctx context.Context) error {
	var problems []error
	report := func(err error) {
		if len(problems) < maxCheckProblems {
			problems = append(problems, err)
		}
	}
	if ec, ok := r.eng.(EngineChecker); ok {
		for _, err := range ec.CheckEngine(ctx) {
			report(err)
		}
	}
	err := r.read(ctx, func(tx EngineTx) error {
		checkDocs(tx, memberDocs, report)
		checkDocs(tx, personDocs, report)
		checkDocs(tx, bodyDocs, report)
		checkDocs(tx, meetingDocs, report)
		checkDocs(tx, taskDocs, report)
		checkDocs(tx, dispatchDocs, report)
		checkIndex(tx, taskDocs, IdxTaskNumber, report)
		checkDocs(tx, catalogueDocs, report)
		checkDocs(tx, unitValueDocs, report)
		checkDocs(tx, roundDocs, report)
		checkIndex(tx, catalogueDocs, IdxCatalogue, report)
		checkIndex(tx, unitValueDocs, IdxUnitValues, report)
		checkIndex(tx, memberDocs, IdxMemberName, report)
		checkIndex(tx, memberDocs, IdxMemberCode, report)
		checkIndex(tx, personDocs, IdxPerson, report)
		checkIndex(tx, bodyDocs, IdxBody, report)
		checkSeatRefs(tx, report)
		checkDecodes(tx, ColTrash, report, func(t *TrashItem) uuid.UUID { return t.ID })
		_, err := tx.Audit(AuditQuery{})
		if err != nil {
			report(fmt.Errorf("操作记录无法读取: %w", err))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return errors.Join(problems...)
}

// checkDocs reports records that do not decode, are stored under another
// key than their ID, or are missing from an index.
func checkDocs[T any](tx EngineTx, k docKind[T], report func(error)) {
	tx.Scan(k.col, func(key uuid.UUID, data []byte) error {
		var rec T
		if err := json.Unmarshal(data, &rec); err != nil {
			report(fmt.Errorf("%s %s 无法解码: %w", k.col, key, err))
			return nil
		}
		id := k.id(&rec)
		if key != id {
			report(fmt.Errorf("%s %s 存放在键 %s 下", k.col, id, key))
		}
		for _, e := range k.keys(&rec) {
			if got, _, _ := tx.Lookup(e.ix, e.key); got != id {
				report(fmt.Errorf("%s %s 在 %s 中的索引 %q 指向 %s", k.col, id, e.ix, e.key, got))
			}
		}
		return nil
	})
}

// checkIndex reports index entries that point at no record, or at a
// record that no longer has the entry's key (a stale entry after a rename).
func checkIndex[T any](tx EngineTx, k docKind[T], ix Index, report func(error)) {
	tx.ScanIndex(ix, func(key string, id uuid.UUID) error {
		rec, err := k.get(tx, id)
		if err != nil {
			report(fmt.Errorf("%s 中的 %q 指向不存在的记录 %s", ix, key, id))
			return nil
		}
		if !slices.Contains(k.keys(&rec), indexKey{ix, key}) {
			report(fmt.Errorf("%s 中的 %q 指向的记录 %s 没有这个键", ix, key, id))
		}
		return nil
	})
}

// checkSeatRefs reports seats whose person or member is neither in the
// register nor in the trash: lost, not merely deleted.
func checkSeatRefs(tx EngineTx, report func(error)) {
	known := func(c Collection, id uuid.UUID) bool {
		if id == uuid.Nil {
			return true
		}
		if _, err := tx.Get(c, id); err == nil {
			return true
		}
		_, err := tx.Get(ColTrash, id)
		return err == nil
	}
	tx.Scan(ColBodies, func(_ uuid.UUID, data []byte) error {
		var b Body
		if json.Unmarshal(data, &b) != nil {
			return nil // checkDocs reported it
		}
		for _, t := range b.Terms {
			for _, s := range t.Seats {
				ok := known(ColPeople, s.PersonID) && known(ColMembers, s.MemberID)
				for _, r := range s.Reps {
					ok = ok && known(ColPeople, r.PersonID)
				}
				if !ok {
					report(fmt.Errorf("机构 %s 第%d届的%s席位 %s 指向不存在的人员或单位", b.Name, t.Number, s.Position, s.ID))
				}
			}
		}
		return nil
	})
}

// checkDecodes reports documents of c that do not decode as T or are
// stored under another key than their ID.
func checkDecodes[T any](tx EngineTx, c Collection, report func(error), idOf func(*T) uuid.UUID) {
	tx.Scan(c, func(key uuid.UUID, data []byte) error {
		var rec T
		if err := json.Unmarshal(data, &rec); err != nil {
			report(fmt.Errorf("%s 中的 %s 无法解码: %w", c, key, err))
		} else if id := idOf(&rec); key != id {
			report(fmt.Errorf("%s 中的 %s 存放在键 %s 下", c, id, key))
		}
		return nil
	})
}
