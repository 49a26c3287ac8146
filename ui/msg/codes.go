package msg

import (
	"errors"
	"time"

	"github.com/secdesk/secdesk/store"
)

// kindNames and actionNames are the Chinese of the persisted codes.
var (
	kindNames = map[store.Kind]string{
		store.KindMember: "成员单位", store.KindPerson: "人员", store.KindBody: "机构",
		store.KindSettings: "设置", store.KindData: "数据", store.KindMeeting: "会议",
		store.KindTask: "督办任务", store.KindDispatch: "季度调度",
		store.KindCatalogue: "指标目录", store.KindIndicators: "指标数据", store.KindRound: "指标填报",
	}
	actionNames = map[store.Action]string{
		store.ActionCreate: "新增", store.ActionUpdate: "修改", store.ActionEvent: "登记变动",
		store.ActionDelete: "删除", store.ActionRestore: "恢复", store.ActionImport: "导入",
		store.ActionSettings: "设置", store.ActionMigrate: "升级数据文件", store.ActionRoster: "名单变动",
		store.ActionCopy: "复制数据", store.ActionPurge: "永久删除", store.ActionBackup: "备份",
		store.ActionRepair: "修复", store.ActionAttend: "签到", store.ActionReply: "回执",
		store.ActionInspect: "督查", store.ActionFlags: "预警", store.ActionDispatch: "调度",
		store.ActionValue: "填报", store.ActionFile: "报送", store.ActionReturn: "导入填报表",
	}
)

// Kind names a record kind in the chosen language ("—" for none).
func Kind(k store.Kind) string { return codeName(kindNames, k) }

// Action names an audit action in the chosen language.
func Action(a store.Action) string { return codeName(actionNames, a) }

func codeName[K ~string](names map[K]string, k K) string {
	if k == "" {
		return "—"
	}
	if s, ok := names[k]; ok {
		return T(s)
	}
	return string(k) // a code from a newer version: shown as it is
}

// conflictText is a refused save over someone else's newer change.
func conflictText(err error) (string, bool) {
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		return "", false
	}
	who := ce.By
	if who == "" {
		who = T("其他人")
	}
	when := ""
	if !ce.At.IsZero() {
		when = ce.At.In(time.Local).Format("2006-01-02 15:04")
	}
	return Tf("「%s」已被 %s 于 %s 修改，为免覆盖对方的修改，本次未保存。请重新载入后再改。", ce.Name, who, when), true
}
