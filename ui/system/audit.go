package system

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// auditLogLimit caps how many entries the log tab reads. A decade of a
// busy secretariat is well under it; past it the oldest are left out and
// the tab says so.
const auditLogLimit = 20000

// auditTab (操作日志) lists every change made to the data file, newest
// first, with a search over all columns.
type auditTab struct {
	sh     kit.Shell
	loader *kit.Loader[[]store.AuditEntry]
	all    []store.AuditEntry
	keys   []string // per entry, the lower-cased text the search looks in
	shown  []store.AuditEntry
	search *widget.Entry
	count  *widget.Label
	table  *widget.Table
}

func newAuditTab(sh kit.Shell) *auditTab {
	t := &auditTab{sh: sh}
	t.loader = kit.NewLoader(sh, func(entries []store.AuditEntry) {
		t.all, t.keys = entries, searchKeys(entries)
		t.filter()
	})
	return t
}

func (t *auditTab) build() fyne.CanvasObject {
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(msg.T("搜索操作、类型、操作人或摘要"))
	t.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	t.search.OnChanged = func(string) { t.filter() }
	t.count = &widget.Label{Importance: widget.LowImportance}
	t.table = kit.NewTextTable([]kit.TextColumn{kit.Col(msg.T("时间"), 140), kit.Col(msg.T("操作"), 100), kit.Col(msg.T("类型"), 100), kit.Col(msg.T("操作人"), kit.AuditByWidth), kit.Col(msg.T("摘要"), 600)},
		func() int { return len(t.shown) }, t.cell)
	return container.NewBorder(container.NewBorder(nil, nil, nil, t.count, t.search), nil, nil, nil, t.table)
}

// load reads the log off the UI thread and applies the search. The search
// keys hold the translated action and kind, so they are made on the UI
// thread (msg must not be called from a goroutine while the language may
// change); for 20,000 entries that takes milliseconds.
func (t *auditTab) load() {
	s, ctx := t.sh.Store(), t.sh.Context()
	t.loader.Load(func() ([]store.AuditEntry, error) { return s.Audit(ctx, store.AuditQuery{Limit: auditLogLimit}) })
}

// searchKeys are the texts the search looks in, one per entry.
func searchKeys(entries []store.AuditEntry) []string {
	keys := make([]string, len(entries))
	for i, e := range entries {
		keys[i] = kit.SearchKey(kit.Clock(e.Time), string(e.Action), msg.Action(e.Action), string(e.Kind), msg.Kind(e.Kind), e.By(), e.Summary)
	}
	return keys
}

// filter keeps the entries whose text holds every word of the search.
func (t *auditTab) filter() {
	words := strings.Fields(kit.SearchKey(t.search.Text))
	t.shown = t.shown[:0]
	for i, e := range t.all {
		if kit.ContainsAll(t.keys[i], words) {
			t.shown = append(t.shown, e)
		}
	}
	t.count.SetText(t.countText())
	t.table.Refresh()
	t.table.ScrollToTop()
}

func (t *auditTab) countText() string {
	s := msg.Tf("共 %d 条", len(t.shown))
	if len(t.all) >= auditLogLimit {
		s += msg.Tf("（仅显示最近 %d 条）", auditLogLimit)
	}
	return s
}

func (t *auditTab) cell(row, col int) string {
	if row >= len(t.shown) {
		return ""
	}
	return kit.AuditCell(t.shown[row], col)
}
