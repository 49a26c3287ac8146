package ui

import "sort"

// sectionMaker builds a section for the navigation. Each section's file
// registers its maker with an order, so a later issue adds a room (会议,
// 督查督办, 组织机构 …) by adding a file, not by editing the shell.
type sectionMaker struct {
	order int
	make  func(a *App) *section
}

var sectionMakers []sectionMaker

// registerSection is called from an init function of each section's file.
// Orders in use: 10 工作台, 20 成员单位, 90 系统.
func registerSection(order int, make func(a *App) *section) {
	sectionMakers = append(sectionMakers, sectionMaker{order, make})
}

func (a *App) newSections() []*section {
	sort.SliceStable(sectionMakers, func(i, j int) bool { return sectionMakers[i].order < sectionMakers[j].order })
	out := make([]*section, len(sectionMakers))
	for i, m := range sectionMakers {
		out[i] = m.make(a)
	}
	return out
}
