package postgres

import (
	"bytes"
	"cmp"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/secdesk/secdesk/store"
)

// A write transaction keeps its document, index and audit writes in
// memory and sends them in a few statements when it must: before a
// statement that reads the whole of a table (Scan, Count, ScanIndex,
// Audit) and before commit. Get and Lookup answer from the pending writes
// first, so fn reads its own writes. A 10,000-row import is then two
// index lookups per row and a handful of bulk statements, instead of six
// round trips per row. The statements are the same as one at a time, in
// the same transaction, so SERIALIZABLE sees the same conflicts.

type docKey struct {
	col store.Collection
	id  uuid.UUID
}

type idxKey struct {
	ix  store.Index
	key string
}

// idxVal is a pending index entry; del marks a removed key.
type idxVal struct {
	id  uuid.UUID
	del bool
}

type auditRow struct {
	id, record uuid.UUID
	kind       string
	data       []byte
}

type pending struct {
	// docs: nil data is a deleted document.
	docs  map[docKey][]byte
	idx   map[idxKey]idxVal
	audit []auditRow
}

func (p *pending) putDoc(k docKey, data []byte) {
	if p.docs == nil {
		p.docs = make(map[docKey][]byte)
	}
	if data == nil {
		data = []byte{}
	}
	p.docs[k] = bytes.Clone(data)
}

func (p *pending) deleteDoc(k docKey) {
	if p.docs == nil {
		p.docs = make(map[docKey][]byte)
	}
	p.docs[k] = nil
}

func (p *pending) setKey(k idxKey, v idxVal) {
	if p.idx == nil {
		p.idx = make(map[idxKey]idxVal)
	}
	p.idx[k] = v
}

func (p *pending) reset() { *p = pending{} }

// flushDocs sends the pending document writes: one upsert and one delete
// statement, in key order.
func (t *tx) flushDocs() error {
	if len(t.pend.docs) == 0 {
		return nil
	}
	keys := make([]docKey, 0, len(t.pend.docs))
	for k := range t.pend.docs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b docKey) int {
		return cmp.Or(cmp.Compare(a.col, b.col), bytes.Compare(a.id[:], b.id[:]))
	})
	var putCols, delCols []string
	var putIDs, delIDs []pgtype.UUID
	var putData [][]byte
	for _, k := range keys {
		if data := t.pend.docs[k]; data != nil {
			putCols, putIDs, putData = append(putCols, string(k.col)), append(putIDs, pgUUID(k.id)), append(putData, data)
		} else {
			delCols, delIDs = append(delCols, string(k.col)), append(delIDs, pgUUID(k.id))
		}
	}
	t.pend.docs = nil
	if len(putCols) > 0 {
		if err := t.exec(`INSERT INTO secdesk_docs (col, id, data)
			SELECT * FROM unnest($1::text[], $2::uuid[], $3::bytea[])
			ON CONFLICT (col, id) DO UPDATE SET data = excluded.data`, putCols, putIDs, putData); err != nil {
			return err
		}
	}
	if len(delCols) > 0 {
		return t.exec(`DELETE FROM secdesk_docs d USING unnest($1::text[], $2::uuid[]) AS x(col, id)
			WHERE d.col = x.col AND d.id = x.id`, delCols, delIDs)
	}
	return nil
}

// flushIdx sends the pending index writes.
func (t *tx) flushIdx() error {
	if len(t.pend.idx) == 0 {
		return nil
	}
	keys := make([]idxKey, 0, len(t.pend.idx))
	for k := range t.pend.idx {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b idxKey) int {
		return cmp.Or(cmp.Compare(a.ix, b.ix), cmp.Compare(a.key, b.key))
	})
	var setIx, delIx []string
	var setKeys, delKeys [][]byte
	var setIDs []pgtype.UUID
	for _, k := range keys {
		if v := t.pend.idx[k]; !v.del {
			setIx, setKeys, setIDs = append(setIx, string(k.ix)), append(setKeys, []byte(k.key)), append(setIDs, pgUUID(v.id))
		} else {
			delIx, delKeys = append(delIx, string(k.ix)), append(delKeys, []byte(k.key))
		}
	}
	t.pend.idx = nil
	if len(setIx) > 0 {
		if err := t.exec(`INSERT INTO secdesk_idx (ix, key, id)
			SELECT * FROM unnest($1::text[], $2::bytea[], $3::uuid[])
			ON CONFLICT (ix, key) DO UPDATE SET id = excluded.id`, setIx, setKeys, setIDs); err != nil {
			return err
		}
	}
	if len(delIx) > 0 {
		return t.exec(`DELETE FROM secdesk_idx i USING unnest($1::text[], $2::bytea[]) AS x(ix, key)
			WHERE i.ix = x.ix AND i.key = x.key`, delIx, delKeys)
	}
	return nil
}

// flushAudit sends the pending audit entries.
func (t *tx) flushAudit() error {
	if len(t.pend.audit) == 0 {
		return nil
	}
	ids := make([]pgtype.UUID, len(t.pend.audit))
	kinds := make([]string, len(t.pend.audit))
	records := make([]pgtype.UUID, len(t.pend.audit))
	data := make([][]byte, len(t.pend.audit))
	for i, a := range t.pend.audit {
		ids[i], kinds[i], records[i], data[i] = pgUUID(a.id), a.kind, pgUUID(a.record), a.data
	}
	t.pend.audit = nil
	return t.exec(`INSERT INTO secdesk_audit (id, kind, record_id, data)
		SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::bytea[])`, ids, kinds, records, data)
}

// flush sends every pending write.
func (t *tx) flush() error {
	if err := t.flushDocs(); err != nil {
		return err
	}
	if err := t.flushIdx(); err != nil {
		return err
	}
	return t.flushAudit()
}
