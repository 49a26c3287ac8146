package bolt

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/secdesk/secdesk/store"
)

// v3Entry is an audit entry as version 3 wrote it: Chinese kinds and
// actions, the settings entry without a kind.
type v3Entry struct {
	ID       uuid.UUID `json:"id"`
	Time     time.Time `json:"time"`
	Action   string    `json:"action"`
	Kind     string    `json:"kind"`
	RecordID uuid.UUID `json:"record_id"`
	Summary  string    `json:"summary"`
	Clerk    string    `json:"clerk,omitempty"`
	PC       string    `json:"pc,omitempty"`
}

// v3File is what writeV3File wrote, to compare the migrated file with.
type v3File struct {
	member  store.Member // as written, without its warnings
	person  store.Person // in the trash
	entries []v3Entry    // oldest first
}

// writeV3File is a version-3 file as the issue-4 program left it: a member
// with warning sentences, a person in the trash, audit entries and
// settings with the Chinese codes.
func writeV3File(t *testing.T, path string) v3File {
	var f v3File
	wf := weifang()
	wf.ID, wf.Created, wf.Updated = store.NewID(), testStart, testStart
	wf.Events[0].ID, wf.Events[0].Recorded = store.NewID(), testStart
	f.member = wf
	f.person = store.Person{ID: store.NewID(), Name: "张成刚", MemberID: wf.ID, Title: "校长",
		Stamp: store.Stamp{Created: testStart, Updated: testStart}}
	at := func(s int) time.Time { return testStart.Add(time.Duration(s) * time.Second) }
	f.entries = []v3Entry{
		{ID: store.NewID(), Time: at(1), Action: "新增", Kind: "成员单位", RecordID: wf.ID, Summary: "新增 潍坊职业学院", Clerk: "li", PC: "office-1"},
		{ID: store.NewID(), Time: at(2), Action: "导入", Kind: "成员单位", RecordID: wf.ID, Summary: "导入更新 潍坊职业学院：联系电话"},
		{ID: store.NewID(), Time: at(3), Action: "新增", Kind: "人员", RecordID: f.person.ID, Summary: "新增 张成刚（潍坊职业学院）"},
		{ID: store.NewID(), Time: at(4), Action: "删除", Kind: "人员", RecordID: f.person.ID, Summary: "删除 张成刚（潍坊职业学院）"},
		{ID: store.NewID(), Time: at(5), Action: "设置", Kind: "", Summary: "集团名称：潍坊现代职业教育集团"},
	}
	writeRawFile(t, path, func(tx *bbolt.Tx) error {
		for _, m := range migrations[:3] {
			if err := m(tx); err != nil {
				return err
			}
		}
		var member map[string]any
		data, _ := json.Marshal(wf)
		json.Unmarshal(data, &member)
		member["warnings"] = []string{
			"「联系电话」电话号码格式可疑：12345",
			"「统一社会信用代码」校验位不正确：91512081MA62K0260X",
			"some unknown sentence",
		}
		if err := putJSON(tx.Bucket(bucketMembers), idKey(wf.ID), member); err != nil {
			return err
		}
		if err := buildMemberIndexes(tx); err != nil { // idempotent: the member's index entries
			return err
		}
		personData, _ := json.Marshal(f.person)
		item := map[string]any{"id": f.person.ID, "kind": "人员", "name": "张成刚（潍坊职业学院）",
			"deleted": at(4), "data": json.RawMessage(personData)}
		if err := putJSON(tx.Bucket(bucketTrash), idKey(f.person.ID), item); err != nil {
			return err
		}
		for _, e := range f.entries {
			if err := putJSON(tx.Bucket(bucketAudit), idKey(e.ID), e); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keySettings, []byte(`{"group_name":"潍坊现代职业教育集团"}`)); err != nil {
			return err
		}
		return meta.Put(keySchema, []byte("3"))
	})
	return f
}

func TestMigrateFromV3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	f := writeV3File(t, path)

	s, _ := reopen(t, path)
	mustCheck(t, s)
	backups, _ := filepath.Glob(path + ".bak-v3-*")
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	raw, err := bbolt.Open(backups[0], 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	raw.View(func(tx *bbolt.Tx) error {
		var e v3Entry
		json.Unmarshal(tx.Bucket(bucketAudit).Get(f.entries[0].ID[:]), &e)
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "3" || e.Kind != "成员单位" {
			t.Errorf("backup is not the v3 file: schema %q, kind %q", v, e.Kind)
		}
		return nil
	})
	raw.Close()

	// The audit log: the same entries, with ASCII codes, and the migration.
	audit, err := s.Audit(ctx, store.AuditQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(audit) != len(f.entries)+1 {
		t.Fatalf("%d audit entries, want %d", len(audit), len(f.entries)+1)
	}
	mig := audit[0]
	if mig.Action != store.ActionMigrate || mig.Kind != store.KindData ||
		mig.Summary != "数据文件从版本 3 升级到版本 "+strconv.Itoa(currentSchema) {
		t.Fatalf("migration entry %+v", mig)
	}
	codes := []struct {
		action store.Action
		kind   store.Kind
	}{
		{store.ActionCreate, store.KindMember}, {store.ActionImport, store.KindMember},
		{store.ActionCreate, store.KindPerson}, {store.ActionDelete, store.KindPerson},
		{store.ActionSettings, store.KindSettings},
	}
	for i, w := range f.entries {
		g := audit[len(audit)-1-i]
		if g.ID != w.ID || !g.Time.Equal(w.Time) || g.RecordID != w.RecordID || g.Summary != w.Summary ||
			g.Clerk != w.Clerk || g.PC != w.PC {
			t.Errorf("entry %d changed: %+v, was %+v", i, g, w)
		}
		if g.Action != codes[i].action || g.Kind != codes[i].kind {
			t.Errorf("entry %d: %s %s, want %s %s", i, g.Action, g.Kind, codes[i].action, codes[i].kind)
		}
	}
	if q, _ := s.Audit(ctx, store.AuditQuery{Kind: store.KindPerson}); len(q) != 2 {
		t.Errorf("%d person entries after migration", len(q))
	}

	// The member: warnings as data, the unknown sentence kept in the note.
	got, err := s.Member(ctx, f.member.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := f.member
	want.Note = "牵头单位；导入提示：some unknown sentence"
	want.Warnings = []store.Warning{
		{Field: store.FieldPhone, Problem: store.ProblemBadPhone, Detail: "12345"},
		{Field: store.FieldCreditCode, Problem: store.ProblemCodeCheck, Detail: "91512081MA62K0260X"},
	}
	assertSameMember(t, want, got)

	// The trash: the person's kind is a code, and it can be restored.
	trash, err := s.Trash(ctx)
	if err != nil || len(trash) != 1 || trash[0].Kind != store.KindPerson || trash[0].ID != f.person.ID ||
		trash[0].Name != "张成刚（潍坊职业学院）" {
		t.Fatalf("trash %+v %v", trash, err)
	}
	settings, err := s.Settings(ctx)
	if err != nil || settings.GroupName != "潍坊现代职业教育集团" {
		t.Fatalf("settings %+v %v", settings, err)
	}
	if err := s.Restore(ctx, f.person.ID); err != nil {
		t.Fatal(err)
	}
	p, err := s.Person(ctx, f.person.ID)
	if err != nil || p.Name != "张成刚" || p.MemberID != f.member.ID || p.Rev != 1 {
		t.Fatalf("restored person %+v %v", p, err)
	}
	mustCheck(t, s)

	// A second open finds the current version: no second backup, and the
	// data reads the same.
	s.Close()
	s, _ = reopen(t, path)
	if again, _ := filepath.Glob(path + ".bak-*"); len(again) != 1 {
		t.Fatalf("backups after second open: %v", again)
	}
	again, err := s.Member(ctx, f.member.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMember(t, want, again)
	mustCheck(t, s)
}
