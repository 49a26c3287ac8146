package store

import (
	"errors"
	"fmt"
)

// Errors the rest of the program tests for with errors.Is. Their text is
// the Chinese a clerk sees; ui.ErrorText translates it when the program
// runs in English.
var (
	ErrNotFound  = errors.New("找不到该记录")
	ErrConflict  = errors.New("记录已被修改，请刷新后重试")
	ErrLocked    = errors.New("数据文件正被另一个窗口使用")
	ErrNewerFile = errors.New("数据文件由更新版本的程序创建，请升级本程序后再打开")
	ErrNotStore  = errors.New("该文件不是秘书处工作台的数据文件")
)

// Field names a field the way the clerk sees it (the column header in the
// register). They double as translation keys.
type Field string

const (
	FieldName       Field = "单位名称"
	FieldCreditCode Field = "统一社会信用代码"
	FieldCodeReason Field = "信用代码说明"
	FieldType       Field = "单位类型"
	FieldProvince   Field = "省份"
	FieldCity       Field = "城市"
	FieldAddress    Field = "地址"
	FieldTier       Field = "会员类别"
	FieldContact    Field = "联系人"
	FieldPhone      Field = "联系电话"
	FieldEmail      Field = "电子邮箱"
	FieldNote       Field = "备注"
	FieldDate       Field = "日期"
	FieldJoinDate   Field = "加入日期"
	FieldExitDate   Field = "退出日期"
	FieldExitKind   Field = "退出方式"
	FieldExitReason Field = "退出原因"
	FieldBasis      Field = "批准依据"
	FieldGroupName  Field = "集团名称"
)

// Problem says what is wrong with a field, in Chinese. Like Field it is a
// translation key; Detail carries the variable part.
type Problem string

const (
	ProblemRequired       Problem = "不能为空"
	ProblemBadDate        Problem = "不是有效日期"
	ProblemFutureDate     Problem = "日期不能晚于今天"
	ProblemBadChoice      Problem = "不是可选的值"
	ProblemCodeFormat     Problem = "应为18位数字或大写字母"
	ProblemCodeCheck      Problem = "校验位不正确"
	ProblemCodeNeedReason Problem = "校验不通过，需填写说明才能保存"
	ProblemDuplicate      Problem = "与已有单位重复"
	ProblemDuplicateRow   Problem = "与本文件中另一行是同一单位"
	ProblemNotMember      Problem = "该单位当前不在册"
	ProblemAlreadyMember  Problem = "该单位已在册"
	ProblemBeforeLast     Problem = "日期早于该单位最近一次变更"
	ProblemSameTier       Problem = "新类别与原类别相同"
	ProblemExitBeforeJoin Problem = "退出日期早于加入日期"
	ProblemExitNoJoin     Problem = "有退出日期但没有加入日期"
	ProblemBadPhone       Problem = "电话号码格式可疑"
	ProblemBadEmail       Problem = "电子邮箱格式不正确"
	ProblemTooLong        Problem = "内容过长"
)

// FieldError is a validation error on one field. Row is the Excel row
// number when the value came from an imported file, else 0. Detail is the
// variable part of the message: the existing unit's name for a duplicate,
// the date of the last change, the value that was refused.
type FieldError struct {
	Row     int
	Field   Field
	Problem Problem
	Detail  string
}

func (e *FieldError) Error() string {
	s := ""
	if e.Row > 0 {
		s = fmt.Sprintf("第%d行 ", e.Row)
	}
	s += fmt.Sprintf("「%s」%s", e.Field, e.Problem)
	if e.Detail != "" {
		s += "：" + e.Detail
	}
	return s
}

// fieldErr builds a *FieldError with no row.
func fieldErr(f Field, p Problem, detail string) *FieldError {
	return &FieldError{Field: f, Problem: p, Detail: detail}
}

// AsFieldError returns the *FieldError inside err, if any.
func AsFieldError(err error) (*FieldError, bool) {
	var fe *FieldError
	ok := errors.As(err, &fe)
	return fe, ok
}
