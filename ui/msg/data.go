package msg

import (
	"fmt"

	"github.com/secdesk/secdesk/store"
)

// Counts is what a data set holds, in a sentence: for a backup, a
// restore, a check, a copy.
func Counts(n store.Counts) string {
	s := Tf("成员单位 %d 家，人员 %d 人，机构 %d 个，会议 %d 次，回收站 %d 项，操作记录 %d 条",
		n.Records[store.ColMembers], n.Records[store.ColPeople], n.Records[store.ColBodies],
		n.Records[store.ColMeetings], n.Records[store.ColTrash], n.Audit)
	if q := n.Records[store.ColQuarantine]; q > 0 {
		s += Tf("，隔离区 %d 条", q)
	}
	return s
}

// BackupInfo is a data set's group, last change and counts, to set a
// backup beside the current data before a restore.
func BackupInfo(in store.BackupInfo) string {
	when := T("无修改记录")
	if !in.Time.IsZero() {
		when = in.Time.Local().Format("2006-01-02 15:04")
	}
	return Tf("%s，最后修改 %s；%s", in.Group, when, Counts(in.Counts))
}

// Size is a file size in MB or KB.
func Size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
