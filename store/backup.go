package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store/atomicfile"
)

// Backuper is an engine that writes a consistent copy of its whole data
// set as a data file (bbolt: the file itself, from one read transaction).
// seen, if not nil, runs first in the same transaction, so the caller
// counts exactly what the copy holds. An engine without it (PostgreSQL) is
// backed up by a Copy into a new data file (BackupFiles.Create).
type Backuper interface {
	Backup(ctx context.Context, w io.Writer, seen func(EngineTx) error) error
}

// BackupFiles is the format of backup files: the embedded engine's data
// file (store/bolt's Files). Package store knows no file format.
type BackupFiles interface {
	// Create makes a new, empty data file at path.
	Create(path string) (Engine, error)
	// OpenBackup opens a backup read-only, never changing it: a file that
	// is not ours is refused with ErrNotStore, a truncated or damaged one
	// with ErrDamaged, one from a newer program with ErrNewerFile. An older
	// schema is migrated in a temporary copy.
	OpenBackup(path string) (Engine, error)
}

// defaultFiles is the format registered by the embedded engine's package
// (store/bolt registers itself, as database/sql drivers do), so the window
// backs up without importing an engine.
var defaultFiles BackupFiles

// RegisterBackupFiles makes f the format of backups whose options name
// none.
func RegisterBackupFiles(f BackupFiles) { defaultFiles = f }

// DefaultBackupFiles is the registered format, or nil.
func DefaultBackupFiles() BackupFiles { return defaultFiles }

// Errors of backup and restore.
var (
	ErrDamaged      = errors.New("文件已损坏或不完整")
	ErrBackupFailed = errors.New("备份失败，没有留下备份文件")
	ErrNoBackuper   = errors.New("这种数据无法备份")
)

// MetaBackup is the meta key of the backup log (BackupLog).
const MetaBackup = "backup"

// BackupPrefix starts every backup file's name.
const BackupPrefix = "秘书处工作台备份"

// AutoBackupFolder is the folder beside the data file that holds the
// rolling start-up copies.
const AutoBackupFolder = "备份"

// Defaults of the backup settings (Settings.BackupKeep, BackupRemindDays).
const (
	DefaultBackupKeep       = 10
	DefaultBackupRemindDays = 7
)

// BackupKeepOf is how many start-up copies are kept.
func BackupKeepOf(s Settings) int { return cmp.Or(max(s.BackupKeep, 0), DefaultBackupKeep) }

// BackupRemindDaysOf is after how many days without a backup to another
// place the dashboard reminds the clerk.
func BackupRemindDaysOf(s Settings) int {
	return cmp.Or(max(s.BackupRemindDays, 0), DefaultBackupRemindDays)
}

// Counts are how many records of each collection and audit entries a
// data set holds: a backup is verified by them.
type Counts struct {
	Records map[Collection]int
	Audit   int
}

// Equal reports whether c and o count the same.
func (c Counts) Equal(o Counts) bool {
	for _, col := range Collections {
		if c.Records[col] != o.Records[col] {
			return false
		}
	}
	return c.Audit == o.Audit
}

// Diff names the first difference of got from c, in Chinese.
func (c Counts) Diff(got Counts) string {
	for _, col := range Collections {
		if c.Records[col] != got.Records[col] {
			return fmt.Sprintf("%s 应有 %d 条，备份中有 %d 条", col, c.Records[col], got.Records[col])
		}
	}
	if c.Audit != got.Audit {
		return fmt.Sprintf("操作记录应有 %d 条，备份中有 %d 条", c.Audit, got.Audit)
	}
	return ""
}

func countTx(tx EngineTx) (Counts, error) {
	c := Counts{Records: map[Collection]int{}}
	for _, col := range Collections {
		n, err := tx.Count(col)
		if err != nil {
			return c, err
		}
		c.Records[col] = n
	}
	all, err := tx.Audit(AuditQuery{})
	c.Audit = len(all)
	return c, err
}

// CountsOf counts the data set of e in one read.
func CountsOf(ctx context.Context, e Engine) (Counts, error) {
	var c Counts
	err := e.Read(ctx, func(tx EngineTx) (err error) {
		c, err = countTx(tx)
		return err
	})
	return c, err
}

// BackupName is a backup's file name: 秘书处工作台备份-<集团名称>-YYYYMMDD-HHMM.db.
func BackupName(group string, t time.Time) string {
	return BackupPrefix + "-" + SafeFileName(cmp.Or(CleanText(group), DefaultGroupName)) + "-" + t.Format("20060102-1504") + ".db"
}

// SafeFileName makes s a name FAT32 and Windows accept: no \ / : * ? " < > |
// or control characters (each becomes _), no trailing dots or spaces, and
// not one of Windows' reserved device names. Chinese stays as it is.
func SafeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`\/:*?"<>|`, r) {
			r = '_'
		}
		b.WriteRune(r)
	}
	out := strings.TrimRight(b.String(), ". ")
	base, _, _ := strings.Cut(out, ".")
	switch strings.ToUpper(base) {
	case "", "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		out = "_" + out
	}
	return out
}

// BackupOptions tune Backup.
type BackupOptions struct {
	// Files makes and opens backup files; default DefaultBackupFiles.
	Files BackupFiles
	// Now names the file. Default time.Now.
	Now func() time.Time
	// Manual records the backup as the last one to another place
	// (BackupLog) with an audit entry.
	Manual bool
	// Name is the file name; default BackupName of the group and Now.
	Name string
	// Writer wraps the file's writer (tests simulate a full disk).
	Writer func(io.Writer) io.Writer
}

// BackupReport says what a backup wrote.
type BackupReport struct {
	Path   string
	Size   int64
	Group  string
	Time   time.Time
	Counts Counts
}

// Backup writes a consistent copy of s into folder dir, named by
// BackupName, through a temporary name that is synced and then renamed
// (store/atomicfile), so the final name never holds a half copy. It then
// opens the copy read-only and compares its counts with what it copied; a
// difference removes the copy. Any failure leaves no file with the final
// name and is an ErrBackupFailed.
func Backup(ctx context.Context, s Store, dir string, o BackupOptions) (BackupReport, error) {
	rep, err := backup(ctx, s, dir, o)
	if err != nil {
		return rep, fmt.Errorf("%w：%w", ErrBackupFailed, err)
	}
	if o.Manual {
		if r, ok := s.(*records); ok {
			err = r.recordBackup(ctx, rep)
		}
	}
	return rep, err
}

func backup(ctx context.Context, s Store, dir string, o BackupOptions) (BackupReport, error) {
	rep := BackupReport{Time: clockOr(o.Now)().Round(0)}
	now := rep.Time
	if o.Files == nil {
		o.Files = defaultFiles
	}
	if o.Files == nil {
		return rep, ErrNoBackuper
	}
	eng, ok := As[Engine](s)
	if !ok {
		return rep, ErrNoBackuper
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return rep, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return rep, err
	}
	rep.Group = st.GroupName
	rep.Path = filepath.Join(dir, cmp.Or(o.Name, BackupName(st.GroupName, now)))
	wrap := func(w io.Writer) io.Writer { return w }
	if o.Writer != nil {
		wrap = o.Writer
	}

	if b, ok := eng.(Backuper); ok {
		err = atomicfile.WritePrivate(rep.Path, func(w io.Writer) error {
			return b.Backup(ctx, wrap(w), func(tx EngineTx) (err error) {
				rep.Counts, err = countTx(tx)
				return err
			})
		})
	} else {
		err = copyToFile(ctx, eng, rep.Path, o.Files, wrap, &rep)
	}
	if err != nil {
		return rep, err
	}
	if err := verifyBackup(ctx, rep, o.Files); err != nil {
		os.Remove(rep.Path)
		return rep, err
	}
	if fi, err := os.Stat(rep.Path); err == nil {
		rep.Size = fi.Size()
	}
	return rep, nil
}

// copyToFile backs up an engine that cannot write itself as a file: a
// Copy into a new data file under a temporary name in the target folder,
// which then writes itself to the final name.
func copyToFile(ctx context.Context, from Engine, path string, files BackupFiles, wrap func(io.Writer) io.Writer, rep *BackupReport) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".secdesk-copy-*.tmp")
	if err != nil {
		return fmt.Errorf("无法在目标文件夹中创建文件：%w", err)
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp)
	defer os.Remove(tmp)
	to, err := files.Create(tmp)
	if err != nil {
		return err
	}
	defer to.Close()
	cr, err := Copy(ctx, from, to, CopyOptions{})
	if err != nil {
		return err
	}
	rep.Counts = Counts{Records: cr.Records, Audit: cr.Audit}
	b, ok := to.(Backuper)
	if !ok {
		return ErrNoBackuper
	}
	return atomicfile.WritePrivate(path, func(w io.Writer) error { return b.Backup(ctx, wrap(w), nil) })
}

// verifyBackup opens the copy read-only and counts it again.
func verifyBackup(ctx context.Context, rep BackupReport, files BackupFiles) error {
	e, err := files.OpenBackup(rep.Path)
	if err != nil {
		return fmt.Errorf("备份文件无法打开：%w", err)
	}
	defer e.Close()
	got, err := CountsOf(ctx, e)
	if err != nil {
		return fmt.Errorf("备份文件无法读取：%w", err)
	}
	if d := rep.Counts.Diff(got); d != "" {
		return fmt.Errorf("备份核对不一致：%s", d)
	}
	return nil
}

// BackupLog is where and when the last backup to another place went.
type BackupLog struct {
	Time time.Time `json:"time"`
	Path string    `json:"path"`
	Size int64     `json:"size"`
}

// recordBackup keeps rep as the last manual backup, with an audit entry.
func (r *records) recordBackup(ctx context.Context, rep BackupReport) error {
	return r.write(ctx, func(w *wtx) error {
		data, err := marshal(BackupLog{Time: rep.Time, Path: rep.Path, Size: rep.Size})
		if err != nil {
			return err
		}
		if err := w.tx.SetMeta(MetaBackup, data); err != nil {
			return err
		}
		return w.audit(ActionBackup, KindData, uuid.Nil, "备份到 "+rep.Path)
	})
}

// LastBackup is the last backup to another place; a zero Time if none.
func (r *records) LastBackup(ctx context.Context) (BackupLog, error) {
	var l BackupLog
	err := r.read(ctx, func(tx EngineTx) error {
		data, err := tx.Meta(MetaBackup)
		if err != nil || data == nil {
			return err
		}
		return json.Unmarshal(data, &l)
	})
	return l, err
}

// BackupDue reports whether the last backup to another place is older than
// the settings allow (or there is none) on now.
func BackupDue(l BackupLog, st Settings, now time.Time) bool {
	return l.Time.IsZero() || now.Sub(l.Time) > time.Duration(BackupRemindDaysOf(st))*24*time.Hour
}

// autoMu keeps two start-up backups of one process from racing.
var autoMu sync.Mutex

// AutoBackup is the rolling start-up copy of a data file: once a day into
// the folder AutoBackupFolder beside it, keeping the newest keep copies.
// It returns the report and whether it wrote one (not when today's copy
// is there, nor for a database, which has no file to sit beside).
func AutoBackup(ctx context.Context, s Store, o BackupOptions, keep int) (BackupReport, bool, error) {
	autoMu.Lock()
	defer autoMu.Unlock()
	fs, ok := As[FileStore](s)
	if !ok {
		return BackupReport{}, false, nil
	}
	dir := filepath.Join(filepath.Dir(fs.Path()), AutoBackupFolder)
	now := clockOr(o.Now)()
	o.Now = func() time.Time { return now }
	o.Manual = false
	old := autoBackups(dir)
	today := "-" + now.Format("20060102") + "-"
	if slices.ContainsFunc(old, func(name string) bool { return strings.Contains(name, today) }) {
		return BackupReport{}, false, nil
	}
	rep, err := Backup(ctx, s, dir, o)
	if err != nil {
		return rep, false, err
	}
	old = autoBackups(dir)
	for len(old) > max(keep, 1) {
		os.Remove(filepath.Join(dir, old[0]))
		old = old[1:]
	}
	return rep, true, nil
}

// autoBackups are the backup files in dir, oldest first (by the time in
// their names, which ends them).
func autoBackups(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && strings.HasPrefix(n, BackupPrefix+"-") && strings.HasSuffix(n, ".db") && len(n) > 16 {
			names = append(names, n)
		}
	}
	stamp := func(n string) string { return n[len(n)-16:] } // YYYYMMDD-HHMM.db
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(stamp(a), stamp(b)) })
	return names
}

func clockOr(now func() time.Time) func() time.Time {
	if now == nil {
		return time.Now
	}
	return now
}
