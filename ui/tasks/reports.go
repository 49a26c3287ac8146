package tasks

import "fyne.io/fyne/v2"

type reportsTab struct{ view fyne.CanvasObject }

func newReportsTab(v *Section) *reportsTab { return &reportsTab{view: fyne.NewContainer()} }
func (r *reportsTab) apply(*taskData)      {}
func (v *Section) chooseImport()           {}
func (l *listTab) chooseExport()           {}
