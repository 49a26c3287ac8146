// Package xlsx reads and writes the Excel workbooks the secretariat
// exchanges: the member import (with a template to fill in), the printed
// member register and the member-structure statistics. It is the only
// package that imports excelize; everything it reads becomes store types,
// and every rule about what the data means stays in package store.
package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/secdesk/secdesk/store/atomicfile"
)

// exportBook writes a new workbook filled by write to path, through
// atomicfile so that path never holds half a workbook. what names the
// sheet in the error ("生成成员单位名册失败：…").
func exportBook(path, what string, write func(*excelize.File) error) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		f := excelize.NewFile()
		defer f.Close()
		if err := write(f); err != nil {
			return fmt.Errorf("生成%s失败：%w", what, err)
		}
		return f.Write(w)
	})
}
