package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
	"github.com/secdesk/secdesk/ui/msg"
)

// rosterData is what the roster verbs read from a data file.
type rosterData struct {
	group     string
	positions []string
	bodies    []store.Body
	people    []store.Person
	members   []store.Member
}

func (c *cli) readRosterData(s store.Store) (rosterData, error) {
	var d rosterData
	set, err := s.Settings(c.ctx)
	if err != nil {
		return d, err
	}
	d.group, d.positions = cmp.Or(set.GroupName, store.DefaultGroupName), store.PositionsOf(set)
	if d.bodies, err = s.Bodies(c.ctx); err != nil {
		return d, err
	}
	if d.people, err = s.People(c.ctx); err != nil {
		return d, err
	}
	d.members, err = s.Members(c.ctx)
	return d, err
}

// loadRosterData reads an existing data file and closes it again.
func (c *cli) loadRosterData(db string) (rosterData, error) {
	s, err := openStore(c.ctx, db, true)
	if err != nil {
		return rosterData{}, err
	}
	defer s.Close()
	return c.readRosterData(s)
}

// body finds a body by its name as store.FindBody compares names. An
// unknown name is told with the names there are, since a script's author
// rarely remembers them.
func (d *rosterData) body(name string) (*store.Body, error) {
	if b := store.FindBody(d.bodies, name); b != nil {
		return b, nil
	}
	if len(d.bodies) == 0 {
		return nil, failf("找不到机构「%s」：数据文件中还没有任何机构", name)
	}
	names := make([]string, len(d.bodies))
	for i := range d.bodies {
		names[i] = d.bodies[i].Name
	}
	return nil, failf("找不到机构「%s」。现有机构：%s", name, strings.Join(names, listSep()))
}

// needBody checks that --body was given.
func needBody(name string) error {
	if strings.TrimSpace(name) == "" {
		return usagef("缺少 --body 机构名称")
	}
	return nil
}

// rosterFormat is one of the roster exports, chosen with --format.
type rosterFormat struct {
	names  []string // Chinese name first, then the English alias
	what   string   // what the file is, for the report
	export func(string, xlsx.RosterExport) error
}

var rosterFormats = []rosterFormat{
	{[]string{"名单", "list"}, "名单", xlsx.ExportRoster},
	{[]string{"表格", "table"}, "名单表格", xlsx.ExportRosterTable},
	{[]string{"单位", "units"}, "成员单位名单", xlsx.ExportUnitList},
}

func parseFormat(s string) (rosterFormat, error) {
	for _, f := range rosterFormats {
		for _, n := range f.names {
			if strings.EqualFold(strings.TrimSpace(s), n) {
				return f, nil
			}
		}
	}
	return rosterFormat{}, usagef("选项 --format 的值无效：%s（可选：名单、表格、单位，或 list、table、units）", s)
}

type rosterExportArgs struct {
	db, body, out string
	asOf          store.Date
	format        rosterFormat
}

func parseRosterExportArgs(args []string) (a rosterExportArgs, err error) {
	fs, db := newFlags("roster export")
	fs.StringVar(&a.body, "body", "", "")
	asOf := fs.String("as-of", "", "")
	format := fs.String("format", "名单", "")
	fs.StringVar(&a.out, "out", "", "")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return a, err
	}
	a.db = *db
	if err := needBody(a.body); err != nil {
		return a, err
	}
	if a.asOf, err = parseDate("as-of", *asOf, store.Today()); err != nil {
		return a, err
	}
	if a.format, err = parseFormat(*format); err != nil {
		return a, err
	}
	return a, needOut(a.out)
}

// exportRoster writes a body's roster as of a day in the chosen format,
// and tells the warnings the roster carries (people who have left, units
// no longer members) so a script's log shows them too.
func (c *cli) exportRoster(args []string) error {
	a, err := parseRosterExportArgs(args)
	if err != nil {
		return err
	}
	d, err := c.loadRosterData(a.db)
	if err != nil {
		return err
	}
	b, err := d.body(a.body)
	if err != nil {
		return err
	}
	r := store.BuildRoster(b, a.asOf, store.NewDirectory(d.people, d.members, d.positions))
	if err := checkExportable(&r, a.format); err != nil {
		return err
	}
	if err := a.format.export(a.out, xlsx.RosterExport{GroupName: d.group, Roster: r, Positions: d.positions}); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, msg.Tf("已导出「%s」%s（%s，截至%s，%d个席位）：%s",
		b.Name, msg.T(a.format.what), termText(r.Term), dateText(a.asOf), len(r.Lines()), a.out))
	for _, w := range r.Warnings {
		fmt.Fprintln(c.stdout, msg.T("警告")+colon()+msg.SeatWarning(w))
	}
	return nil
}

// checkExportable refuses a roster with nothing to print: a day outside
// every term, or a unit list of a body whose seats are all people's.
func checkExportable(r *store.Roster, f rosterFormat) error {
	if r.Term == nil {
		return failf("「%s」在%s没有在任的届次，未导出", r.Body.Name, dateText(r.AsOf))
	}
	if f.names[0] != "单位" || r.HasUnitSeats() {
		return nil
	}
	return failf("「%s」在%s没有由成员单位担任的席位，无法导出成员单位名单", r.Body.Name, dateText(r.AsOf))
}

// termText is "第四届" in Chinese, "term 4" in English.
func termText(t *store.Term) string {
	if msg.LanguageIsEnglish() {
		return msg.Tf("第%d届", t.Number)
	}
	return t.Name()
}

// importRoster previews a roster file against a body's current term,
// prints one line per row, and writes it only if no row has an error and
// this is not a dry run. The body must exist, so the data file must too.
func (c *cli) importRoster(args []string) error {
	fs, db := newFlags("roster import")
	body := fs.String("body", "", "")
	dry := fs.Bool("dry-run", false, "")
	files, err := parseArgs(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if err := needBody(*body); err != nil {
		return err
	}
	if _, err := os.Stat(files[0]); err != nil {
		return failf("无法打开文件：%s", files[0])
	}
	rows, err := xlsx.ReadRosterFile(files[0])
	if err != nil {
		return err
	}
	s, err := openStore(c.ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := c.readRosterData(s)
	if err != nil {
		return err
	}
	b, err := d.body(*body)
	if err != nil {
		return err
	}
	plan := store.PlanRosterImport(*b, d.people, d.members, rows, d.positions, time.Now())
	return c.applyRosterPlan(s, plan, *dry)
}

// applyRosterPlan prints the preview and writes the plan unless it has an
// error or this is a dry run.
func (c *cli) applyRosterPlan(s store.Store, plan *store.RosterPlan, dry bool) error {
	printRosterPlan(c.stdout, plan)
	switch {
	case plan.HasErrors():
		return failf("文件中有错误，未导入任何数据")
	case dry:
		fmt.Fprintln(c.stdout, msg.T("预览完成，未写入数据（--dry-run）"))
		return nil
	}
	if err := s.ApplyRosterImport(c.ctx, plan); err != nil {
		return err
	}
	sum := plan.Summary()
	fmt.Fprintln(c.stdout, msg.Tf("已导入「%s」名单：新增席位%d个，新建人员%d人，无变化%d行",
		plan.Body.Name, sum.Seats, sum.NewPeople, sum.Unchanged))
	return nil
}

// printRosterPlan is the preview: 第N行, what happens, the person, the
// position (and whether the person is new), then each error and warning.
func printRosterPlan(w io.Writer, p *store.RosterPlan) {
	for _, r := range p.Rows {
		line := msg.Tf("第%d行", r.Row) + "\t" + msg.T(string(r.Action)) + "\t" + cmp.Or(r.Name, msg.T("（无姓名）")) +
			"\t" + msg.T(r.Position)
		if r.NewPerson {
			line += "\t" + msg.T("（新建人员）")
		}
		fmt.Fprintln(w, line)
		for _, e := range r.Errors {
			fmt.Fprintln(w, "\t"+msg.T("错误")+colon()+msg.FieldError(e))
		}
		for _, e := range r.Warnings {
			fmt.Fprintln(w, "\t"+msg.T("警告")+colon()+msg.FieldError(e))
		}
	}
	sum := p.Summary()
	fmt.Fprintln(w, msg.Tf("共%d行：新增席位%d，无变化%d，错误%d，有警告%d；新建人员%d人",
		sum.Rows, sum.Seats, sum.Unchanged, sum.Errors, sum.Warned, sum.NewPeople))
}

// listRosters prints every body with each of its terms, one
// tab-separated line per term for scripts: 机构, 类型, 上级机构, 届次,
// 开始, 结束 (empty while current), and the seats held at the term's end
// (or now, for the current term).
func (c *cli) listRosters(args []string) error {
	fs, db := newFlags("roster list")
	if _, err := parseArgs(fs, args, 0, 0); err != nil {
		return err
	}
	d, err := c.loadRosterData(*db)
	if err != nil {
		return err
	}
	names := map[uuid.UUID]string{}
	for _, b := range d.bodies {
		names[b.ID] = b.Name
	}
	fmt.Fprintln(c.stdout, msg.T("机构\t类型\t上级机构\t届次\t开始日期\t结束日期\t在任席位"))
	for _, b := range d.bodies {
		head := b.Name + "\t" + msg.T(string(b.Type)) + "\t" + names[b.ParentID]
		if len(b.Terms) == 0 {
			fmt.Fprintln(c.stdout, head+"\t\t\t\t0")
		}
		for i := range b.Terms {
			t := &b.Terms[i]
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\t%d\n", head, termText(t), t.Start, t.End, t.SeatsHeldAtEnd())
		}
	}
	return nil
}
