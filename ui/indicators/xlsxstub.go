//go:build !xlsxready

package indicators

import (
	"errors"

	"github.com/secdesk/secdesk/store"
)

var errPending = errors.New("pending store/xlsx")

func writeTemplates(dir string, d *indData, group string) ([]string, error) { return nil, errPending }

func planReturns(dir string, d *indData, progress func(float64)) (*store.ReturnPlan, []error) {
	return store.PlanReturns(d.cat, d.openRound(), d.all, d.values, d.last, nil), []error{errPending}
}

func writeBook(path string, d *indData, group string) error { return errPending }
