package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// cli is where a verb writes: its report to stdout, errors to stderr.
type cli struct {
	ctx            context.Context
	stdout, stderr io.Writer
}

// Exit codes: 1 for a job that failed, 2 for a command line that was wrong.
const (
	exitFailed = 1
	exitUsage  = 2
)

// usageError is a wrong command line; its text is already translated.
type usageError struct{ text string }

func (e *usageError) Error() string { return e.text }

func usagef(format string, args ...any) error { return &usageError{msg.Tf(format, args...)} }

// failure is a job that could not be done, said in words already
// translated (errors from the store go through msg.Error instead).
type failure struct{ text string }

func (e *failure) Error() string { return e.text }

func failf(format string, args ...any) error { return &failure{msg.Tf(format, args...)} }

// errHelp asks for the usage text on stdout, exit 0.
var errHelp = errors.New("help")

// exit prints err the way its kind asks and returns the exit code.
func (c *cli) exit(err error) int {
	var ue *usageError
	var f *failure
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errHelp):
		fmt.Fprint(c.stdout, msg.T(usageText))
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(c.stderr, ue.text)
		fmt.Fprint(c.stderr, msg.T(usageText))
		return exitUsage
	case errors.As(err, &f):
		fmt.Fprintln(c.stderr, f.text)
	default:
		fmt.Fprintln(c.stderr, msg.Error(err))
	}
	return exitFailed
}

func (c *cli) help([]string) error { return errHelp }

// usageText is one translation key, so the English help reads as a whole.
const usageText = `用法：
  secdesk [--db 数据文件]
      打开秘书处工作台窗口
  secdesk demo [--db 数据文件]
      在新的数据文件中装入演示数据（虚构的职教集团）
  secdesk members import 文件.xlsx [--dry-run] [--db 数据文件]
      导入成员单位；有任何错误时不写入；--dry-run 只预览
  secdesk members export [--as-of 日期] [--mask-phones] --out 文件.xlsx [--db 数据文件]
      导出截至某日的成员单位名册
  secdesk members template --out 文件.xlsx
      生成成员单位导入模板
  secdesk roster list [--db 数据文件]
      列出各机构及其届次、在任席位数（以制表符分隔）
  secdesk roster export --body 机构名称 [--as-of 日期] [--format 名单|表格|单位] --out 文件.xlsx [--db 数据文件]
      导出机构截至某日的名单：名单为打印版，表格为含电话的工作表，单位为成员单位名单
  secdesk roster import --body 机构名称 文件.xlsx [--dry-run] [--db 数据文件]
      将名单导入机构的本届；有任何错误时不写入；--dry-run 只预览
  secdesk stats [--as-of 日期] [--since 日期] [--json] [--out 文件.xlsx] [--db 数据文件]
      成员结构统计；--out 另存为成员结构统计表
  secdesk meeting new --title 会议名称 --kind 会议类型 [--body 机构名称] --date 日期 [--time 时:分] [--place 地点] [--host 主持人] [--db 数据文件]
      新建会议，输出会议编号；给出 --body 时按该机构在会议日期的名单邀请参会人员
  secdesk meeting list [--since 日期] [--until 日期] [--json] [--db 数据文件]
      列出会议及应到、实到、法定人数和议定事项（以制表符分隔，最后一列为会议编号）
  secdesk meeting attend --id 会议编号 --name 姓名或单位 --state 出席|请假|缺席|列席|委托 [--reason 事由] [--proxy 受委托人] [--db 数据文件]
      登记一位参会人员的出席情况，并输出应到、实到人数
  secdesk meeting replies import --id 会议编号 文件.xlsx… [--dry-run] [--db 数据文件]
      导入各单位发回的参会回执表；任何一份有错误时都不写入；--dry-run 只预览
  secdesk meeting notice|minutes --id 会议编号 --out 文件.docx [--db 数据文件]
      生成会议通知或会议纪要（Word 文档）
  secdesk meeting replyform --id 会议编号 --out 文件.xlsx [--db 数据文件]
      生成参会回执表，发给各参会单位填写
  secdesk meeting signin --id 会议编号 --out 文件.xlsx [--mask-phones] [--attendance] [--db 数据文件]
      生成签到表；--attendance 为会后存档版，含出席情况和应到、实到人数
  secdesk meeting ledger [--since 日期] [--until 日期] --out 文件.xlsx [--db 数据文件]
      导出会议台账，默认当年
  secdesk tasks import 文件.xlsx [--dry-run] [--db 数据文件]
      导入任务清单（项目清单）；单位须为在册成员单位或机构；有任何错误时不写入；--dry-run 只预览
  secdesk tasks list [--as-of 日期] [--json] [--db 数据文件]
      列出截至某日的督办任务及当日状态、完成时限和当月预警（以制表符分隔）
  secdesk tasks inspect --number 事项编号 --month 年-月 --progress 进展情况 [--percent 进度] [--problems 存在问题] [--measures 整改措施] [--fix-by 整改时限] [--milestone 节点] [--date 日期] [--inspector 督查人] [--db 数据文件]
      记录任务一个月的督查记录（该月已有记录时替换），并输出该月预警
  secdesk tasks overdue [--as-of 日期] [--json] [--db 数据文件]
      列出截至某日逾期未办结的任务及逾期天数
  secdesk tasks ledger --month 年-月 --out 文件.xlsx [--unit 单位] [--status 状态] [--flag 绿|黄|橙|红] [--db 数据文件]
      导出一个月的督查台账，可按单位、状态、预警筛选
  secdesk tasks summary --month 年-月 --out 文件.xlsx [--db 数据文件]
      导出一个月的督查汇总：新增、推进落实、已办结销号及各单位情况
  secdesk tasks bulletin --month 年-月 --out 文件.docx [--issue 期号] [--office 发文单位] [--db 数据文件]
      生成一个月的督查通报（Word 文档）；期号默认为月份，发文单位默认为集团秘书处
  secdesk tasks reminders [--as-of 日期] --out 文件夹 [--db 数据文件]
      为有在办任务的各单位生成催办单（Word 文档）
  secdesk tasks dispatch-table --quarter 年-Q季度 --out 文件.xlsx [--db 数据文件]
      导出季度调度表（如 --quarter 2026-Q4），供调度会填写调度意见
  secdesk tasks record-flags --month 年-月 [--db 数据文件]
      记录已结束月份各任务的预警，留存预警历史
  secdesk indicators catalogue --year 年度 [--json] [--db 数据文件]
      列出一年的指标目录（代码、名称、单位、来源、填报单位）；该年还没有目录时新建
  secdesk indicators values --year 年度 [--json] [--db 数据文件]
      列出集团一年的指标数值：程序计算的截至12月31日，填报的为各成员单位之和
  secdesk indicators set --year 年度 --unit 成员单位 --code 指标代码 --value 数值 [--db 数据文件]
      录入一个成员单位的一项指标值；--value "" 清空
  secdesk indicators template --year 年度 --out 文件夹 [--db 数据文件]
      为在册各成员单位生成指标填报表；该年没有进行中的填报时开始一轮填报
  secdesk indicators collect --year 年度 文件夹 [--dry-run] [--db 数据文件]
      导入文件夹中各单位发回的填报表（有错误的文件不写入，其余写入），并列出尚未报送的单位；--dry-run 只预览
  secdesk indicators export --year 年度 --out 文件.xlsx [--db 数据文件]
      导出指标汇总表：集团近三年的数值和各成员单位的填报数
  secdesk indicators file --year 年度 [--date 日期] [--db 数据文件]
      把一年的指标标记为已报送（默认今天）；此后该年度的目录和数值不能再修改
  secdesk indicators close-round --year 年度 [--date 日期] [--db 数据文件]
      结束一年进行中的指标填报（默认今天）；此后不再导入本轮的填报表
  secdesk report data --year 年度 --out 文件.docx [--db 数据文件]
      生成年度工作报告的数据篇（Word 文档）
  secdesk copy --from 数据 --to 数据 [--replace]
      把全部数据复制到另一处（数据文件或 postgres:// 数据库），复制后核对；目标已有数据时需加 --replace
  secdesk backup --out 文件夹 [--db 数据文件]
      把全部数据备份到文件夹（如U盘），打开备份核对数量
  secdesk restore 备份文件 [--yes] [--db 数据文件]
      用备份替换当前数据，先把当前数据另存为备份；不加 --yes 时先询问
  secdesk check [--repair] [--db 数据文件]
      检查数据；--repair 把无法读取的记录移入隔离区（不删除）
日期写作 YYYY-MM-DD，--as-of 默认今天，--since 默认当年1月1日。
--db 可以是数据文件，也可以是多人共用的数据库，如 postgres://用户名@服务器/数据库（密码请用 PGPASSWORD 或 ~/.pgpass）。
不给 --db 时使用默认数据文件（用户配置目录下的 secdesk/secdesk.db）。
`

// splitVerb takes the verb's words off args: one word, or two for
// "members …" and "roster …". A --db given before the verb is kept for the verb's flags.
func splitVerb(args []string) (string, []string) {
	var db []string
	for n := dbFlagLen(args); n > 0; n = dbFlagLen(args) {
		db, args = append(db, args[:n]...), args[n:]
	}
	verb := ""
	switch {
	case len(args) == 0 || strings.HasPrefix(args[0], "-"):
	case (args[0] == "members" || args[0] == "roster") && len(args) > 1 && !strings.HasPrefix(args[1], "-"):
		verb, args = args[0]+" "+args[1], args[2:]
	default:
		verb, args = args[0], args[1:]
	}
	return verb, append(args, db...)
}

// dbFlagLen is how many of the first args are a --db flag: 2 for
// "--db PATH", 1 for "--db=PATH", else 0.
func dbFlagLen(args []string) int {
	switch {
	case len(args) > 1 && (args[0] == "--db" || args[0] == "-db"):
		return 2
	case len(args) > 0 && (strings.HasPrefix(args[0], "--db=") || strings.HasPrefix(args[0], "-db=")):
		return 1
	}
	return 0
}

// dateText is a date as the reader of the language writes it.
func dateText(d store.Date) string { return msg.Date(d) }

// colon introduces what follows a label.
func colon() string {
	if msg.LanguageIsEnglish() {
		return ": "
	}
	return "："
}

// listSep joins the items of a list in a sentence.
func listSep() string {
	if msg.LanguageIsEnglish() {
		return ", "
	}
	return "、"
}
