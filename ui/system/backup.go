package system

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/ui/kit"
	"github.com/secdesk/secdesk/ui/msg"
)

// Choosers of the 备份与恢复 tab; tests replace them, as Fyne's test
// driver cannot pick a folder.
var (
	chooseFolder = func(sh kit.Shell, chosen func(dir string)) { kit.ChooseFolder(sh, chosen) }
	chooseBackup = func(sh kit.Shell, chosen func(path string)) { kit.ChooseOpenFileOf(sh, kit.DataFile, chosen) }
)

// backupTab (备份与恢复): 备份 to a folder such as a USB stick, 恢复 from a
// backup file, 检查 of the data, and when the last backup to another place
// was made.
type backupTab struct {
	sh   kit.Shell
	last *widget.Label
	auto *widget.Label
}

func newBackupTab(sh kit.Shell) *backupTab { return &backupTab{sh: sh} }

func (b *backupTab) build() fyne.CanvasObject {
	b.last = kit.Wrap("")
	intro := kit.Wrap(msg.T("备份把全部数据写成一个文件，放到您选择的文件夹（如U盘）；写完后打开备份核对数量。恢复用备份替换当前数据，替换前先把当前数据另存为备份。"))
	b.auto = kit.Wrap(autoText(b.sh))
	buttons := container.NewHBox(
		widget.NewButtonWithIcon(msg.T("备份"), theme.DocumentSaveIcon(), func() { chooseFolder(b.sh, b.backupTo) }),
		widget.NewButtonWithIcon(msg.T("恢复"), theme.ContentUndoIcon(), func() { chooseBackup(b.sh, b.askRestore) }),
		widget.NewButtonWithIcon(msg.T("检查"), theme.ConfirmIcon(), b.check),
		widget.NewButtonWithIcon(msg.T("备份设置"), theme.SettingsIcon(), b.showSettings))
	return container.NewVBox(intro, buttons, b.last, b.auto)
}

// showSettings edits how many start-up copies are kept and after how many
// days without a backup to another place 工作台 reminds.
func (b *backupTab) showSettings() {
	st := b.sh.Settings()
	keep := kit.TextEntry(strconv.Itoa(store.BackupKeepOf(st)), kit.Check(func(s string) error {
		_, err := store.CheckCount(store.FieldBackupKeep, s, store.MaxBackupKeep)
		return err
	}))
	remind := kit.TextEntry(strconv.Itoa(store.BackupRemindDaysOf(st)), kit.Check(func(s string) error {
		_, err := store.CheckCount(store.FieldBackupRemind, s, store.MaxBackupRemindDays)
		return err
	}))
	d := kit.NewFormDialog(b.sh, "保存", func() (func() error, func(), error) {
		next := b.sh.Settings()
		var err error
		if next.BackupKeep, err = store.CheckCount(store.FieldBackupKeep, keep.Text, store.MaxBackupKeep); err != nil {
			return nil, nil, err
		}
		if next.BackupRemindDays, err = store.CheckCount(store.FieldBackupRemind, remind.Text, store.MaxBackupRemindDays); err != nil {
			return nil, nil, err
		}
		s, ctx := b.sh.Store(), b.sh.Context()
		write := func() error {
			if err := s.SaveSettings(ctx, next); err != nil {
				return err
			}
			next, err = s.Settings(ctx)
			return err
		}
		return write, func() {
			b.sh.SettingsSaved(next)
			b.auto.SetText(autoText(b.sh))
		}, nil
	})
	d.AddEntry("自动备份保留份数", store.FieldBackupKeep, keep)
	d.AddEntry("提醒备份天数", store.FieldBackupRemind, remind)
	d.AddWidget("", kit.Hint(msg.T("每天第一次启动时自动备份，保留最近的这么多份；超过这么多天没有备份到其他位置（如U盘），工作台会提醒。")))
	d.Show("备份设置")
	d.Fit()
}

// autoText says where the start-up copies go.
func autoText(sh kit.Shell) string {
	if !isFile(sh.Store()) {
		return msg.T("共用数据库没有启动时的自动备份，请定期备份到文件。")
	}
	dir := store.KeepDirFor(sh.Store(), "")
	return msg.Tf("每天第一次启动时自动备份到：%s（保留最近 %d 份）", dir, store.BackupKeepOf(sh.Settings()))
}

// load shows the last backup to another place.
func (b *backupTab) load() {
	s, ctx := b.sh.Store(), b.sh.Context()
	var l store.BackupLog
	var err error
	b.sh.Background(func() { l, err = s.LastBackup(ctx) }, func() {
		if err != nil {
			b.sh.ShowError(err)
			return
		}
		b.last.SetText(lastBackupText(l))
	})
}

func lastBackupText(l store.BackupLog) string {
	if l.Time.IsZero() {
		return msg.T("还没有备份到其他位置。")
	}
	return msg.Tf("上次备份：%s，%s", kit.Clock(l.Time), l.Path)
}

// backupTo writes a backup into dir behind a progress dialog.
func (b *backupTab) backupTo(dir string) {
	s, ctx := b.sh.Store(), b.sh.Context()
	var rep store.BackupReport
	b.sh.RunWithProgress("正在备份", func(progress func(float64)) (err error) {
		rep, err = store.Backup(ctx, s, dir, store.BackupOptions{Manual: true})
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			b.sh.ShowError(err)
			return
		}
		dialog.ShowInformation(msg.T("备份完成"), msg.T("已备份到：")+"\n"+rep.Path+"\n"+
			msg.Tf("大小 %s；%s；已打开备份核对，数量一致。", msg.Size(rep.Size), msg.Counts(rep.Counts)), b.sh.Window())
		b.load()
		// The backup log lives beside the settings; the dashboard's
		// reminder and the audit log follow it.
		b.sh.Changed(store.KindSettings, uuid.Nil)
	})
}

// askRestore opens the backup read-only and shows what it holds beside
// the current data before anything is replaced.
func (b *backupTab) askRestore(path string) {
	s, ctx := b.sh.Store(), b.sh.Context()
	var bi, ci store.BackupInfo
	var backup store.Engine
	var err error
	b.sh.Background(func() {
		files := store.DefaultBackupFiles()
		if files == nil {
			err = store.ErrNoBackuper
			return
		}
		if backup, err = files.OpenBackup(path); err != nil {
			return
		}
		if bi, err = store.InfoOf(ctx, backup); err != nil {
			return
		}
		e, _ := store.As[store.Engine](s)
		ci, err = store.InfoOf(ctx, e)
	}, func() {
		if err != nil {
			if backup != nil {
				backup.Close()
			}
			b.sh.ShowError(refusedText(err))
			return
		}
		text := msg.Tf("备份：%s", msg.BackupInfo(bi)) + "\n" + msg.Tf("当前：%s", msg.BackupInfo(ci)) + "\n\n" +
			msg.T("用备份替换当前数据？当前数据会先另存为备份。")
		c := dialog.NewConfirm(msg.T("从备份恢复"), text, func(ok bool) {
			if !ok {
				backup.Close()
				return
			}
			b.restore(path, backup)
		}, b.sh.Window())
		c.SetConfirmText(msg.T("恢复"))
		c.SetDismissText(msg.T("取消"))
		c.Show()
	})
}

// restore replaces the data inside the open store (the window keeps its
// file and its lock), then every section reloads.
func (b *backupTab) restore(path string, backup store.Engine) {
	s, ctx := b.sh.Store(), b.sh.Context()
	var rep store.RestoreReport
	var st store.Settings
	b.sh.RunWithProgress("正在恢复", func(progress func(float64)) (err error) {
		defer backup.Close()
		rep, err = store.RestoreBackup(ctx, s, backup, store.RestoreOptions{KeepDir: store.KeepDirFor(s, path)})
		if err == nil {
			st, err = s.Settings(ctx)
		}
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			b.sh.ShowError(refusedText(err))
			return
		}
		b.sh.SettingsSaved(st)
		for _, k := range kit.AllKinds {
			b.sh.Changed(k, uuid.Nil)
		}
		dialog.ShowInformation(msg.T("恢复完成"), msg.Tf("已从备份恢复：%s。", msg.Counts(rep.Counts))+"\n"+
			msg.T("恢复前的数据已另存为：")+"\n"+rep.Kept.Path, b.sh.Window())
		b.load()
	})
}

// refusedText words a refused backup for the clerk.
func refusedText(err error) error {
	if errorsIs(err, store.ErrDamaged) {
		return fmt.Errorf("%s", msg.Tf("备份文件已损坏或不完整，不能恢复：%s", err.Error()))
	}
	return err
}

// check runs the integrity check and shows its report.
func (b *backupTab) check() {
	s, ctx := b.sh.Store(), b.sh.Context()
	var problems []error
	var n store.Counts
	var err error
	b.sh.RunWithProgress("正在检查", func(progress func(float64)) error {
		if c, ok := store.As[store.Checker](s); ok {
			problems = store.Problems(c.Check(ctx))
		}
		e, _ := store.As[store.Engine](s)
		n, err = store.CountsOf(ctx, e)
		progress(1)
		return err
	}, func(err error) {
		if err != nil {
			b.sh.ShowError(err)
			return
		}
		text := msg.Tf("检查通过：%s。", msg.Counts(n))
		if len(problems) > 0 {
			lines := []string{msg.Tf("检查发现 %d 个问题", len(problems)) + msg.T("（可用 secdesk check --repair 把无法读取的记录移入隔离区）：")}
			for _, p := range problems {
				lines = append(lines, p.Error())
			}
			text = strings.Join(lines, "\n")
		}
		l := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
		d := dialog.NewCustom(msg.T("检查结果"), msg.T("关闭"), container.NewVScroll(l), b.sh.Window())
		d.Resize(fyne.NewSize(640, 360))
		d.Show()
	})
}

func errorsIs(err, target error) bool { return errors.Is(err, target) }
