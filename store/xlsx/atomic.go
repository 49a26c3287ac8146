// Package xlsx reads and writes the Excel workbooks the secretariat
// exchanges: the member import (with a template to fill in), the printed
// member register and the member-structure statistics. It is the only
// package that imports excelize; everything it reads becomes store types,
// and every rule about what the data means stays in package store.
package xlsx

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write so that path never holds a
// half-written file: the bytes go to a temporary file in the same folder
// (a rename across folders, or across a USB stick and the disk, is not
// atomic), which is synced and then renamed over path. If anything fails,
// the temporary file is removed and path is left as it was.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在目标文件夹中创建文件：%w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("写入文件失败：%w", err)
	}
	// Sync before rename: otherwise a crash or a pulled stick can leave the
	// new name pointing at data that never reached the disk.
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("写入文件失败：%w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写入文件失败：%w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法保存文件（是否已在其他程序中打开？）：%w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the system allows it.
// Windows cannot open a folder for syncing; there the rename is already
// journalled by NTFS, so the error is ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync() // best effort: see above
	d.Close()
}
