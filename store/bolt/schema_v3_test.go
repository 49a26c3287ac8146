package bolt

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/storetest"
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

	s, _ := reopen(t, path)
	mustCheck(t, s) // the current schema, with the roster buckets
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

	audit, _ := s.Audit(ctx, store.AuditQuery{})
	if len(audit) != 1 || audit[0].Summary != "数据文件从版本 2 升级到版本 "+strconv.Itoa(currentSchema) {
		t.Fatalf("audit %+v", audit)
	}
	got, _ := s.Member(ctx, wf.ID)
	assertSameMember(t, wf, got)
	p := storetest.MustPerson(t, s, store.Person{Name: "张成刚", MemberID: wf.ID})
	b := storetest.MustBody(t, s, store.Body{Name: "理事会", Type: "理事会"})
	s.Close()

	s, _ = reopen(t, path)
	if again, _ := filepath.Glob(path + ".bak-*"); len(again) != 1 {
		t.Fatalf("backups after second open: %v", again)
	}
	if _, err := s.Person(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Body(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, s)
}

// TestCheckFindsRosterDamage: Check covers the roster buckets and indexes.
func TestCheckFindsRosterDamage(t *testing.T) {
	damages := map[string]func(f *storetest.RosterFixture, tx *bbolt.Tx) error{
		"stale person entry": func(f *storetest.RosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxPerson).Put([]byte("不存在|"), idKey(store.NewID()))
		},
		"person missing from index": func(f *storetest.RosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxPerson).Delete([]byte(store.PersonKey(&f.Li)))
		},
		"body entry under the wrong key": func(f *storetest.RosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketIdxBody).Put([]byte("监事会"), idKey(f.Council.ID))
		},
		"undecodable body": func(f *storetest.RosterFixture, tx *bbolt.Tx) error {
			return tx.Bucket(bucketBodies).Put(idKey(store.NewID()), []byte("{not json"))
		},
		"seat names a lost person": func(f *storetest.RosterFixture, tx *bbolt.Tx) error {
			// Gone from the bucket and its index, and not in the trash.
			if err := tx.Bucket(bucketIdxPerson).Delete([]byte(store.PersonKey(&f.Zhang))); err != nil {
				return err
			}
			return tx.Bucket(bucketPeople).Delete(idKey(f.Zhang.ID))
		},
		"bodies bucket missing": func(f *storetest.RosterFixture, tx *bbolt.Tx) error { return tx.DeleteBucket(bucketBodies) },
	}
	for name, damage := range damages {
		s, db, _ := openTest(t)
		f := storetest.NewRosterFixture(t, s)
		mustCheck(t, s)
		if err := db.bolt.Update(func(tx *bbolt.Tx) error { return damage(f, tx) }); err != nil {
			t.Fatal(err)
		}
		if err := checker(s).Check(ctx); err == nil {
			t.Errorf("%s: Check found nothing", name)
		}
	}
}
