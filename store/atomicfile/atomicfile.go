// Package atomicfile writes a file so that its name never holds a
// half-written file: the bytes go to a temporary file in the target's own
// folder (a rename across folders, or across a USB stick and the disk, is
// not atomic), which is synced, renamed over the target, and the folder
// synced so the rename itself survives a crash. Exports, backups and
// exchange files all write through it.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write writes path through write. If write or any later step fails, the
// temporary file is removed and path is left as it was (absent, or with
// its old content). write gets a buffered writer; Write flushes it. The
// file is readable by others (0644), as a document the clerk hands on
// should be; WritePrivate keeps it to its owner.
func Write(path string, write func(io.Writer) error) error { return writeMode(path, 0o644, write) }

// WritePrivate is Write for a file only its owner may read (0600): a
// backup holds the whole register with its phone numbers.
func WritePrivate(path string, write func(io.Writer) error) error {
	return writeMode(path, 0o600, write)
}

func writeMode(path string, mode os.FileMode, write func(io.Writer) error) (err error) {
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
	// CreateTemp makes the file 0600; on Windows Chmod only keeps it
	// writable, which 0644 does.
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("写入文件失败：%w", err)
	}
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
	SyncDir(dir)
	return nil
}

// SyncDir makes a rename in dir durable where the system allows it.
// Windows cannot open a folder for syncing; there the rename is already
// journalled by NTFS, and elsewhere the file itself is complete, so a
// failure is not reported.
func SyncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync() // best effort: see above
	d.Close()
}
