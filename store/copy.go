package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/google/uuid"
)

// ErrTargetNotEmpty refuses a copy onto data that is already there.
var ErrTargetNotEmpty = errors.New("目标中已有数据；如确要用源数据替换它，请加 --replace")

// CopyOptions tune Copy.
type CopyOptions struct {
	// Replace lets the copy empty a target that holds data.
	Replace bool
	// The clerk and clock of the copy's own audit entry (store.Options).
	Options
}

// Copy writes the whole data set of from into to, in one transaction of
// to: every record, index entry and audit entry with its own ID and the
// settings, then one audit entry of the copy. It moves an office from a
// file onto a server, or keeps a server's data as a file. Afterwards it
// counts the target again and runs its Check; a difference is an error.
func Copy(ctx context.Context, from, to Engine, o CopyOptions) (Counts, error) {
	return copyData(ctx, from, to, o, (*dataSet).summary, nil)
}

// copyData is Copy with its audit summary, and more writes (after the
// data set's) in the same transaction.
func copyData(ctx context.Context, from, to Engine, o CopyOptions, summary func(*dataSet) string, more func(EngineTx) error) (Counts, error) {
	src, err := readAll(ctx, from)
	if err != nil {
		return Counts{}, fmt.Errorf("读取源数据: %w", err)
	}
	dst := New(to, o.Options).(*records)
	err = dst.write(ctx, func(w *wtx) error {
		if err := prepareTarget(w.tx, o.Replace); err != nil {
			return err
		}
		if err := src.writeTo(w.tx); err != nil {
			return err
		}
		if more != nil {
			if err := more(w.tx); err != nil {
				return err
			}
		}
		return w.audit(ActionCopy, KindData, uuid.Nil, summary(src))
	})
	if err != nil {
		return Counts{}, err
	}
	return verifyCopy(ctx, dst, src)
}

// dataSet is everything of one data set, read in one transaction.
type dataSet struct {
	docs  map[Collection][]doc
	keys  map[Index][]indexEntry
	audit []AuditEntry // oldest first
	meta  map[string][]byte
}

// metaKeys are the meta values a copy carries: the settings and the task
// number counters of every year (an engine cannot list its meta keys).
func metaKeys() []string {
	keys := []string{MetaSettings}
	for y := 2000; y <= 2100; y++ {
		keys = append(keys, metaTaskSeq+strconv.Itoa(y))
	}
	return keys
}

type doc struct {
	id   uuid.UUID
	data []byte
}

type indexEntry struct {
	key string
	id  uuid.UUID
}

func readAll(ctx context.Context, e Engine) (*dataSet, error) {
	ds := &dataSet{docs: map[Collection][]doc{}, keys: map[Index][]indexEntry{}}
	err := e.Read(ctx, func(tx EngineTx) error {
		for _, c := range Collections {
			if err := tx.Scan(c, func(id uuid.UUID, data []byte) error {
				ds.docs[c] = append(ds.docs[c], doc{id, slices.Clone(data)})
				return nil
			}); err != nil {
				return err
			}
		}
		for _, ix := range Indexes {
			if err := tx.ScanIndex(ix, func(key string, id uuid.UUID) error {
				ds.keys[ix] = append(ds.keys[ix], indexEntry{key, id})
				return nil
			}); err != nil {
				return err
			}
		}
		var err error
		if ds.audit, err = tx.Audit(AuditQuery{}); err != nil {
			return err
		}
		slices.Reverse(ds.audit)
		ds.meta = map[string][]byte{}
		for _, k := range metaKeys() {
			data, err := tx.Meta(k)
			if err != nil {
				return err
			}
			if data != nil {
				ds.meta[k] = slices.Clone(data)
			}
		}
		return nil
	})
	return ds, err
}

// prepareTarget refuses data in the target, or removes it when asked to.
func prepareTarget(tx EngineTx, replace bool) error {
	if replace {
		return tx.Reset()
	}
	for _, c := range Collections {
		if n, err := tx.Count(c); err != nil || n > 0 {
			return cmpErr(err, ErrTargetNotEmpty)
		}
	}
	if a, err := tx.Audit(AuditQuery{Limit: 1}); err != nil || len(a) > 0 {
		return cmpErr(err, ErrTargetNotEmpty)
	}
	return nil
}

func (ds *dataSet) writeTo(tx EngineTx) error {
	for _, c := range Collections {
		for _, d := range ds.docs[c] {
			if err := tx.Put(c, d.id, d.data); err != nil {
				return err
			}
		}
	}
	for _, ix := range Indexes {
		for _, e := range ds.keys[ix] {
			if err := tx.SetKey(ix, e.key, e.id); err != nil {
				return err
			}
		}
	}
	for _, a := range ds.audit {
		if err := tx.AppendAudit(a); err != nil {
			return err
		}
	}
	for _, k := range metaKeys() {
		if data, ok := ds.meta[k]; ok {
			if err := tx.SetMeta(k, data); err != nil {
				return err
			}
		}
	}
	return nil
}

func (ds *dataSet) summary() string { return "复制数据：" + ds.counts() }

func (ds *dataSet) counts() string {
	return fmt.Sprintf("成员单位 %d 家，人员 %d 人，机构 %d 个，会议 %d 次，回收站 %d 项，操作记录 %d 条",
		len(ds.docs[ColMembers]), len(ds.docs[ColPeople]), len(ds.docs[ColBodies]), len(ds.docs[ColMeetings]), len(ds.docs[ColTrash]), len(ds.audit))
}

// verifyCopy counts the target again and checks it.
func verifyCopy(ctx context.Context, dst *records, src *dataSet) (Counts, error) {
	rep := Counts{Records: map[Collection]int{}}
	err := dst.read(ctx, func(tx EngineTx) error {
		for _, c := range Collections {
			n, err := tx.Count(c)
			if err != nil {
				return err
			}
			if n != len(src.docs[c]) {
				return fmt.Errorf("复制后 %s 有 %d 条，源数据有 %d 条", c, n, len(src.docs[c]))
			}
			rep.Records[c] = n
		}
		all, err := tx.Audit(AuditQuery{})
		rep.Audit = len(all)
		if err == nil && rep.Audit != len(src.audit)+1 {
			err = fmt.Errorf("复制后操作记录有 %d 条，应有 %d 条", rep.Audit, len(src.audit)+1)
		}
		return err
	})
	if err != nil {
		return rep, err
	}
	if err := dst.Check(ctx); err != nil {
		return rep, fmt.Errorf("复制后的数据检查未通过: %w", err)
	}
	return rep, nil
}
