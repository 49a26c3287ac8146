package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/msg"
)

// auditLogLimit caps how many entries the log tab reads. A decade of a
// busy secretariat is well under it; past it the oldest are left out and
// the tab says so.
const auditLogLimit = 20000

// auditTab (操作日志) lists every change made to the data file, newest
// first, with a search over all columns.
type auditTab struct {
	a      *App
	all    []store.AuditEntry
	keys   []string // per entry, the lower-cased text the search looks in
	shown  []store.AuditEntry
	search *widget.Entry
	count  *widget.Label
	table  *widget.Table
}

func newAuditTab(a *App) *auditTab { return &auditTab{a: a} }

func (t *auditTab) build() fyne.CanvasObject {
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(msg.T("搜索操作、类型或摘要"))
	t.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	t.search.OnChanged = func(string) { t.filter() }
	t.count = &widget.Label{Importance: widget.LowImportance}
	t.table = newTextTable([]textColumn{{msg.T("时间"), 140}, {msg.T("操作"), 100}, {msg.T("类型"), 100}, {msg.T("摘要"), 560}},
		func() int { return len(t.shown) }, t.cell)
	return container.NewBorder(container.NewBorder(nil, nil, nil, t.count, t.search), nil, nil, nil, t.table)
}

// load reads the log from the store and applies the search.
func (t *auditTab) load() {
	entries, err := t.a.store.Audit(auditLogLimit)
	if err != nil {
		t.a.showError(err)
		return
	}
	t.all = entries
	t.keys = make([]string, len(entries))
	for i, e := range entries {
		t.keys[i] = searchKey(clockText(e.Time), e.Action, msg.T(e.Action), e.Kind, kindText(e.Kind), e.Summary)
	}
	t.filter()
}

// filter keeps the entries whose text holds every word of the search.
func (t *auditTab) filter() {
	words := strings.Fields(searchKey(t.search.Text))
	t.shown = t.shown[:0]
	for i, e := range t.all {
		if containsAll(t.keys[i], words) {
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
	return auditCellText(t.shown[row], col)
}

// searchKey is text as the search compares it: full-width letters and
// digits folded (NFKC), spaces collapsed, lower case.
func searchKey(parts ...string) string {
	return strings.ToLower(store.CleanText(strings.Join(parts, " ")))
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
