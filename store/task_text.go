package store

// The words of the supervision's codes: the Chinese the papers and the
// audit summaries use, and the keys ui/msg translates.

// Word is the status in Chinese.
func (s TaskStatus) Word() string {
	return map[TaskStatus]string{TaskNotStarted: "未开始", TaskActive: "推进中", TaskDone: "已完成",
		TaskClosed: "已销号", TaskStopped: "已中止"}[s]
}

// Word is the step in Chinese.
func (s TaskStep) Word() string {
	return map[TaskStep]string{StepCreate: "立项", StepAssign: "交办", StepUrge: "催办", StepReport: "反馈",
		StepDone: "办结", StepClose: "销号", StepStop: "中止", StepReopen: "重新推进", StepEscalate: "提级督办",
		StepDispatch: "季度调度"}[s]
}

// Word is the decision in Chinese.
func (d ExtDecision) Word() string {
	return map[ExtDecision]string{ExtPending: "待审批", ExtApproved: "批准", ExtRefused: "不予批准"}[d]
}

// Word is the flag in Chinese: 绿, 黄, 橙, 红, or "" for none.
func (f Flag) Word() string {
	return map[Flag]string{FlagGreen: "绿", FlagYellow: "黄", FlagOrange: "橙", FlagRed: "红"}[f]
}

// Word is the source kind in Chinese.
func (k SourceKind) Word() string {
	return map[SourceKind]string{SourceMeeting: "会议议定事项", SourceDocument: "文件", SourceInstruction: "领导批示",
		SourcePlan: "计划清单", SourceOther: "其他"}[k]
}

// Word is the dispatch decision in Chinese.
func (c DispatchCode) Word() string {
	return map[DispatchCode]string{DispatchContinue: "继续推进", DispatchDeadline: "调整时限", DispatchEscalate: "提级督办",
		DispatchClose: "办结销号", DispatchStop: "中止"}[c]
}

// Label is the source as the ledger prints it: "会议：第四届理事会第二次会议（2026年4月24日）".
func (s TaskSource) Label() string {
	out := s.Kind.Word()
	if s.Text != "" {
		out += "：" + s.Text
	}
	if !s.Date.IsZero() {
		out += "（" + s.Date.Chinese() + "）"
	}
	return out
}
