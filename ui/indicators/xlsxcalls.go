package indicators

import (
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
)

// The calls to store/xlsx; each runs off the UI thread.

func writeTemplates(dir string, d *indData, group string) ([]string, error) {
	return xlsx.WriteTemplates(dir, d.cat, d.openRound(), d.members, d.last, group)
}

// planReturns reads the folder's returns and plans them against the open
// round.
func planReturns(dir string, d *indData, progress func(float64)) (*store.ReturnPlan, []error) {
	files, errs := xlsx.ReadReturns(dir, func(done, total int) {
		if total > 0 {
			progress(float64(done) / float64(total))
		}
	})
	return store.PlanReturns(d.cat, d.openRound(), d.all, d.values, d.last, files), errs
}

func writeBook(path string, d *indData, group string) error {
	return xlsx.WriteIndicatorBook(path, d.cat, d.group, d.values, d.all, group)
}
