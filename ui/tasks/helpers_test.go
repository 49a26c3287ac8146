package tasks

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/kit/kittest"
)

var (
	tap       = kittest.Tap
	tableRows = kittest.TableRows
)

// openTasks builds a desk on s with this section and shows it.
func openTasks(t *testing.T, s store.Store) (*kittest.Desk, *Section) {
	t.Helper()
	var v *Section
	a := kittest.NewDesk(t, s, func(sh kit.Shell) []kit.Section {
		v = New(sh)
		return []kit.Section{v}
	})
	a.OpenSection("督查督办")
	return a, v
}

// thisRound is today's round; monthsAgo is the first day of the round n
// months before it.
func thisRound() string { return store.Round(store.Today()) }

func monthsAgo(n int) store.Date { return store.RoundStart(thisRound()).AddMonths(-n) }

// newTask records an open task through the store: started months ago,
// assigned the day after, due a year after its start.
func newTask(t *testing.T, s store.Store, number, title, lead string, months int) store.Task {
	t.Helper()
	ctx := context.Background()
	start := monthsAgo(months)
	tk, err := s.CreateTask(ctx, store.Task{Number: number, Title: title, Lead: store.UnitRef{Name: lead}, Person: "张敏",
		Start: start, Deadline: start.AddMonths(12), Source: store.TaskSource{Kind: store.SourceDocument, Text: "年度工作要点"}})
	if err != nil {
		t.Fatal(err)
	}
	tk, err = s.AddTaskStep(ctx, tk.ID, store.TaskEvent{Step: store.StepAssign, Date: start.AddDays(1)})
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// stored reads task id from the store.
func stored(t *testing.T, s store.Store, id uuid.UUID) store.Task {
	t.Helper()
	tk, err := s.Task(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return tk
}

// focused is what has the keyboard.
func focused(t *testing.T, a *kittest.Desk) fyne.Focusable {
	t.Helper()
	f := a.Window().Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	return f
}

// typeKeys types into what has the focus.
func typeKeys(t *testing.T, a *kittest.Desk, chars string) {
	t.Helper()
	test.Type(focused(t, a), chars)
}

// press sends a key as the window does: Tab moves the focus unless the
// widget keeps Tab for itself.
func press(t *testing.T, a *kittest.Desk, key fyne.KeyName) {
	t.Helper()
	f := focused(t, a)
	if key == fyne.KeyTab {
		if tb, ok := f.(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			test.FocusNext(a.Window().Canvas())
			return
		}
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// ctrlEnter sends Ctrl+Enter to what has the focus.
func ctrlEnter(t *testing.T, a *kittest.Desk) {
	t.Helper()
	f, ok := focused(t, a).(fyne.Shortcutable)
	if !ok {
		t.Fatal("the focused widget takes no shortcuts")
	}
	f.TypedShortcut(&desktopCtrlEnter)
}

// storedInspection is task id's inspection of round as stored, or nil.
func storedInspection(t *testing.T, s store.Store, id uuid.UUID, round string) *store.Inspection {
	t.Helper()
	tk := stored(t, s, id)
	return tk.Inspection(round)
}
