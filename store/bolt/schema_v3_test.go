package bolt

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// writeV2File is a version-2 file as the issue-3 program left it: members
// with their indexes, no people or bodies.
func writeV2File(t *testing.T, path string, ms ...store.Member) {
	writeRawFile(t, path, func(tx *bbolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		for _, m := range ms {
			data, _ := json.Marshal(m)
			if err := tx.Bucket(bucketMembers).Put(idKey(m.ID), data); err != nil {
				return err
			}
		}
		if err := buildMemberIndexes(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte("2"))
	})
}

func TestMigrateFromV2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	wf := weifang()
	wf.ID, wf.Created, wf.Updated = store.NewID(), testStart, testStart
	writeV2File(t, path, wf)

	db := reopen(t, path)
	mustCheck(t, db) // schema 3 with the roster buckets
	backups, _ := filepath.Glob(path + ".bak-v2-*")
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	raw, err := bbolt.Open(backups[0], 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	raw.View(func(tx *bbolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "2" || tx.Bucket(bucketPeople) != nil {
			t.Errorf("backup is not the v2 file: schema %q", v)
		}
		return nil
	})
	raw.Close()

	audit, _ := db.Audit(0)
	if len(audit) != 1 || audit[0].Summary != "数据文件从版本 2 升级到版本 3" {
		t.Fatalf("audit %+v", audit)
	}
	got, _ := db.Member(wf.ID)
	assertSameMember(t, wf, got)
	p := mustPerson(t, db, store.Person{Name: "张成刚", MemberID: wf.ID})
	b := mustBody(t, db, store.Body{Name: "理事会", Type: "理事会"})
	db.Close()

	db = reopen(t, path)
	if again, _ := filepath.Glob(path + ".bak-*"); len(again) != 1 {
		t.Fatalf("backups after second open: %v", again)
	}
	if _, err := db.Person(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Body(b.ID); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
}

// TestCheckFindsRosterDamage: Check covers the roster buckets and indexes.
func TestCheckFindsRosterDamage(t *testing.T) {
	damages := map[string]func(f *rosterFixture, tx *bbolt.Tx) error{
		"stale person entry": func(f *rosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxPerson).Put([]byte("不存在|"), idKey(store.NewID()))
		},
		"person missing from index": func(f *rosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxPerson).Delete([]byte(store.PersonKey(&f.li)))
		},
		"body entry under the wrong key": func(f *rosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxBody).Put([]byte("监事会"), idKey(f.council.ID))
		},
		"undecodable body": func(f *rosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketBodies).Put(idKey(store.NewID()), []byte("{not json"))
		},
		"seat names a lost person": func(f *rosterFixture, tx *bbolt.Tx) error {
			// Gone from the bucket and its index, and not in the trash.
			if err := tx.Bucket(bucketIdxPerson).Delete([]byte(store.PersonKey(&f.zhang))); err != nil {
				return err
			}
			return tx.Bucket(bucketPeople).Delete(idKey(f.zhang.ID))
		},
		"bodies bucket missing": func(f *rosterFixture, tx *bbolt.Tx) error { return tx.DeleteBucket(bucketBodies) },
	}
	for name, damage := range damages {
		f := newRoster(t)
		mustCheck(t, f.db)
		if err := f.db.bolt.Update(func(tx *bbolt.Tx) error { return damage(f, tx) }); err != nil {
			t.Fatal(err)
		}
		if err := f.db.Check(); err == nil {
			t.Errorf("%s: Check found nothing", name)
		}
	}
}
