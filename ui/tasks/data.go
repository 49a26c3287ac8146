package tasks

import (
	"context"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
)

// loadTaskData reads what the section shows, off the UI thread: the
// records from the shared data (read once for every section), the
// dispatches from the store, and prepares the list as of asOf.
func loadTaskData(data *kit.Data, s store.Store, ctx context.Context, st store.Settings, today, asOf store.Date) (*taskData, error) {
	tasks, err := data.Tasks()
	if err != nil {
		return nil, err
	}
	d := &taskData{tasks: tasks, today: today, rules: st.Flags, categories: categoriesOf(st, tasks)}
	if d.members, err = data.Members(); err != nil {
		return nil, err
	}
	if d.bodies, err = data.Bodies(); err != nil {
		return nil, err
	}
	if d.meetings, err = data.Meetings(); err != nil {
		return nil, err
	}
	if d.dispatches, err = s.Dispatches(ctx); err != nil {
		return nil, err
	}
	d.list = newTaskList(tasks, asOf, st.Flags)
	return d, nil
}
