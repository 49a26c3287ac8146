package bolt

import (
	"encoding/json"
	"fmt"
	"regexp"

	"go.etcd.io/bbolt"
)

// Version 4 stores codes, not display text: the audit log's and the
// trash's record kinds and actions become ASCII codes, and the import
// warnings kept on members, which were Chinese sentences, become
// {field, problem, detail} codes. Everything here is frozen as version 3
// wrote it and version 4 reads it: the tables must never follow later
// renames in package store.

var (
	v3Kinds = map[string]string{"成员单位": "member", "人员": "person", "机构": "body"}
	// v3Actions; the settings and migration entries had no kind.
	v3Actions = map[string]string{
		"新增": "create", "修改": "update", "登记变动": "event", "删除": "delete", "恢复": "restore",
		"导入": "import", "设置": "settings", "升级数据文件": "migrate", "名单变动": "roster",
	}
	v3KindlessAction = map[string]string{"settings": "settings", "migrate": "data"}
	// v3 warning fields and problems, as the text wrote them.
	v3WarningFields   = map[string]string{"统一社会信用代码": "credit_code", "联系电话": "phone", "会员类别": "tier", "电子邮箱": "email", "单位名称": "name"}
	v3WarningProblems = map[string]string{
		"校验位不正确": "code_check", "电话号码格式可疑": "bad_phone", "电子邮箱格式不正确": "bad_email",
		"应为18位数字或大写字母": "code_format",
		"会员类别与登记不一致，未修改（类别变更请在程序中登记日期）": "tier_not_changed",
	}
	// v3Warning is FieldError.Error() without a row: 「字段」问题：详情.
	v3Warning = regexp.MustCompile(`^「([^」]+)」(.+?)(?:：(.*))?$`)
)

// v4Warning is a warning as version 4 stores it.
type v4Warning struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
	Detail  string `json:"detail,omitempty"`
}

func asciiCodes(tx *bbolt.Tx) error {
	if err := rewriteEach(tx.Bucket(bucketAudit), recodeAudit); err != nil {
		return fmt.Errorf("操作记录: %w", err)
	}
	if err := rewriteEach(tx.Bucket(bucketTrash), recodeTrash); err != nil {
		return fmt.Errorf("回收站: %w", err)
	}
	if err := rewriteEach(tx.Bucket(bucketMembers), recodeWarnings); err != nil {
		return fmt.Errorf("成员单位: %w", err)
	}
	return nil
}

// rewriteEach decodes every value of b as a JSON object, lets fix change
// it, and writes it back. Fields fix does not touch are kept byte for byte.
func rewriteEach(b *bbolt.Bucket, fix func(map[string]json.RawMessage) error) error {
	type kv struct{ k, v []byte }
	var out []kv
	err := b.ForEach(func(k, v []byte) error {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(v, &obj); err != nil {
			return fmt.Errorf("%x: %w", k, err)
		}
		if err := fix(obj); err != nil {
			return fmt.Errorf("%x: %w", k, err)
		}
		data, err := json.Marshal(obj)
		if err != nil {
			return err
		}
		out = append(out, kv{append([]byte(nil), k...), data})
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range out {
		if err := b.Put(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}

func recodeAudit(e map[string]json.RawMessage) error {
	action, err := recode(e, "action", v3Actions)
	if err != nil {
		return err
	}
	var kind string
	json.Unmarshal(e["kind"], &kind)
	if kind == "" {
		return setString(e, "kind", v3KindlessAction[action])
	}
	_, err = recode(e, "kind", v3Kinds)
	return err
}

func recodeTrash(item map[string]json.RawMessage) error {
	_, err := recode(item, "kind", v3Kinds)
	return err
}

// recode replaces the string under key by its code in table, and returns
// the code. A value that is already a code (a file half-written by a
// development build) is kept.
func recode(obj map[string]json.RawMessage, key string, table map[string]string) (string, error) {
	var v string
	if raw, ok := obj[key]; ok {
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", fmt.Errorf("%s: %w", key, err)
		}
	}
	code, ok := table[v]
	if !ok {
		for _, c := range table {
			if c == v {
				return v, nil
			}
		}
		return "", fmt.Errorf("%s %q 无法识别", key, v)
	}
	return code, setString(obj, key, code)
}

func setString(obj map[string]json.RawMessage, key, v string) error {
	data, err := json.Marshal(v)
	obj[key] = data
	return err
}

// recodeWarnings turns a member's warning sentences into codes. A
// sentence this version cannot read is not lost: it moves into the note.
func recodeWarnings(m map[string]json.RawMessage) error {
	raw, ok := m["warnings"]
	if !ok {
		return nil
	}
	var texts []string
	if err := json.Unmarshal(raw, &texts); err != nil {
		return nil // not sentences: already codes
	}
	var ws []v4Warning
	var unread []string
	for _, t := range texts {
		if w, ok := parseV3Warning(t); ok {
			ws = append(ws, w)
		} else {
			unread = append(unread, t)
		}
	}
	if len(unread) > 0 {
		if err := appendNote(m, unread); err != nil {
			return err
		}
	}
	if len(ws) == 0 {
		delete(m, "warnings")
		return nil
	}
	data, err := json.Marshal(ws)
	m["warnings"] = data
	return err
}

func parseV3Warning(t string) (v4Warning, bool) {
	g := v3Warning.FindStringSubmatch(t)
	if g == nil {
		return v4Warning{}, false
	}
	f, okF := v3WarningFields[g[1]]
	p, okP := v3WarningProblems[g[2]]
	return v4Warning{Field: f, Problem: p, Detail: g[3]}, okF && okP
}

func appendNote(m map[string]json.RawMessage, lines []string) error {
	var note string
	json.Unmarshal(m["note"], &note)
	for _, l := range lines {
		if note != "" {
			note += "；"
		}
		note += "导入提示：" + l
	}
	return setString(m, "note", note)
}
