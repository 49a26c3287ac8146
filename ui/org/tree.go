package org

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Tree node IDs: "b<body>" for a body, "t<body>/<term>" for one of its
// terms. A body's children are its terms, oldest first, then its
// sub-bodies (常务理事会 under 理事会).

func bodyNode(id uuid.UUID) widget.TreeNodeID { return "b" + id.String() }

func termNode(body, term uuid.UUID) widget.TreeNodeID {
	return "t" + body.String() + "/" + term.String()
}

// parseNode returns the body and, for a term node, the term of a node ID.
func parseNode(id widget.TreeNodeID) (body, term uuid.UUID) {
	if len(id) < 2 {
		return uuid.Nil, uuid.Nil
	}
	rest := id[1:]
	if id[0] == 't' {
		b, t, _ := strings.Cut(rest, "/")
		return uuid.MustParse(b), uuid.MustParse(t)
	}
	return uuid.MustParse(rest), uuid.Nil
}

func (v *Section) newTree() *widget.Tree {
	t := widget.NewTree(v.treeChildren, v.treeIsBranch,
		func(bool) fyne.CanvasObject {
			label := &widget.Label{Text: "临淄区职业教育联盟理事会", Truncation: fyne.TextTruncateEllipsis}
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, label)
		},
		v.updateTreeNode)
	t.OnSelected = v.treeSelected
	return t
}

func (v *Section) treeChildren(id widget.TreeNodeID) []widget.TreeNodeID {
	if v.data == nil {
		return nil
	}
	parent, term := parseNode(id)
	if term != uuid.Nil {
		return nil
	}
	var out []widget.TreeNodeID
	if b := v.data.body(parent); b != nil {
		for _, t := range b.Terms {
			out = append(out, termNode(b.ID, t.ID))
		}
	}
	for _, child := range v.data.children[parent] {
		out = append(out, bodyNode(child))
	}
	return out
}

func (v *Section) treeIsBranch(id widget.TreeNodeID) bool {
	if id == "" {
		return true
	}
	return len(v.treeChildren(id)) > 0
}

func (v *Section) updateTreeNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	box := o.(*fyne.Container) // Border: the label (centre), then the icon
	label, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
	bodyID, termID := parseNode(id)
	b := v.data.body(bodyID)
	if b == nil {
		return
	}
	if termID == uuid.Nil {
		icon.SetResource(theme.FolderIcon())
		label.TextStyle.Bold = true
		label.SetText(b.Name)
		return
	}
	icon.SetResource(theme.ListIcon())
	label.TextStyle.Bold = false
	if t := b.Term(termID); t != nil {
		label.SetText(termText(b, t))
	}
}

// termText names a term with its dates: 第二届 2016年3月1日—2022年2月28日,
// or for the latest term 第三届 2022年3月1日起（本届）. A term's End is the
// first day of the next one, so it ends the day before.
func termText(b *store.Body, t *store.Term) string {
	if t.End.IsZero() {
		return msg.Tf("%s %s起（本届）", kit.TermName(t.Number), msg.Date(t.Start))
	}
	return kit.TermName(t.Number) + " " + msg.Date(t.Start) + "—" + msg.Date(t.End.AddDays(-1))
}

// treeSelected shows the roster of the chosen body: as of today (or when
// its first term begins), or for a term node as of the term's last day if
// it is over.
func (v *Section) treeSelected(id widget.TreeNodeID) {
	if v.syncingTree {
		return
	}
	bodyID, termID := parseNode(id)
	b := v.data.body(bodyID)
	if b == nil {
		return
	}
	v.bodyID = bodyID
	v.asOf = defaultAsOf(b, b.Term(termID))
	v.rosterPane.setDate(v.asOf)
	v.showRoster()
}

// defaultAsOf is the day a body's roster is first shown for: today within
// the current term; the last day of a past term t; the first day of a
// term that has not begun yet.
func defaultAsOf(b *store.Body, t *store.Term) store.Date {
	today := kit.Today()
	if t == nil {
		t = b.TermOn(today)
		if t == nil && b.CurrentTerm() != nil && b.CurrentTerm().Start.After(today) {
			t = b.CurrentTerm()
		}
	}
	switch {
	case t == nil || t.ActiveOn(today):
		return today
	case t.Start.After(today):
		return t.Start
	}
	return t.End.AddDays(-1)
}

// selectInTree highlights the node of what the roster shows (the term in
// force on the day, else the body) without reacting to it as a click.
func (v *Section) selectInTree() {
	b := v.body()
	if b == nil {
		v.tree.UnselectAll()
		return
	}
	node := bodyNode(b.ID)
	if t := b.TermOn(v.asOf); t != nil {
		node = termNode(b.ID, t.ID)
	}
	v.syncingTree = true
	defer func() { v.syncingTree = false }()
	for p, n := b, 0; p != nil && n < len(v.data.bodies); p, n = v.data.body(p.ParentID), n+1 {
		v.tree.OpenBranch(bodyNode(p.ID))
	}
	v.tree.Select(node)
	v.tree.ScrollTo(node)
}
