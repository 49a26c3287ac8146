// Package msg is the one place the program's text is chosen: the language,
// the translation of its Chinese strings, and the text of every error a
// clerk or a command-line user reads. It is apart from package ui so the
// command line can use it without building a window.
package msg

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/secdesk/secdesk/assets"
	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/xlsx"
)

// SetLanguage chooses the language of every text the program shows: "en"
// for English, anything else for Chinese. Chinese is the source language,
// so it needs no translation file.
//
// Fyne picks its locale from the environment when translations are added,
// so the choice is made there too; this also gives Fyne's own dialogs
// (file chooser, OK/取消) the same language.
func SetLanguage(code string) {
	english = code == "en"
	loc := "zh_CN.UTF-8"
	if english {
		loc = "en_US.UTF-8"
	}
	os.Setenv("LANGUAGE", strings.TrimSuffix(loc, ".UTF-8"))
	for _, v := range []string{"LC_ALL", "LC_MESSAGES"} {
		os.Setenv(v, loc)
	}
	_ = lang.AddTranslationsFS(assets.Translations, "i18n")
}

// LanguageFromEnv is the command line's language: English when LANG (or
// LC_ALL, LC_MESSAGES) starts with "en", else Chinese.
func LanguageFromEnv() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(s, "en") {
				return "en"
			}
			return "zh"
		}
	}
	return "zh"
}

// english is set by SetLanguage. Chinese strings are shown as written
// (asking Fyne for them would only log a missing translation each time).
var english bool

// T translates one of the program's Chinese strings into the chosen
// language.
func T(s string) string {
	if !english {
		return s
	}
	return lang.L(s)
}

// Tf translates a format string, then fills it in.
func Tf(format string, args ...any) string { return fmt.Sprintf(T(format), args...) }

// Error is the one place an error becomes the text a clerk reads.
func Error(err error) string {
	if err == nil {
		return ""
	}
	if fe, ok := store.AsFieldError(err); ok {
		return FieldError(fe)
	}
	var pe *store.PlaceError
	if errors.As(err, &pe) {
		return Error(pe.Err) + "\n" + T("数据库：") + pe.Place
	}
	if s, ok := conflictText(err); ok {
		return s
	}
	for _, known := range knownErrors {
		if errors.Is(err, known) {
			return T(known.Error())
		}
	}
	return T("操作失败") + "：" + err.Error()
}

// knownErrors are the sentinel errors whose own text is the message; a
// wrapped cause after them is detail the clerk does not need.
var knownErrors = []error{store.ErrNotFound, store.ErrConflict, store.ErrLocked, store.ErrNewerFile,
	store.ErrNotStore, store.ErrTargetNotEmpty, xlsx.ErrNotWorkbook, xlsx.ErrTooManyRows,
	store.ErrServerUnreachable, store.ErrServerAuth, store.ErrServerNoDatabase, store.ErrServerPermission,
	store.ErrServerAddress}

// FieldError renders a field error: 第3行 「单位名称」不能为空：….
func FieldError(fe *store.FieldError) string {
	var b strings.Builder
	if fe.Row > 0 {
		b.WriteString(Tf("第%d行", fe.Row) + " ")
	}
	b.WriteString("「" + T(string(fe.Field)) + "」")
	if english {
		b.WriteString(" ")
	}
	b.WriteString(T(string(fe.Problem)))
	if fe.Detail != "" {
		b.WriteString("：" + fe.Detail)
	}
	return b.String()
}

// LanguageIsEnglish reports whether English was chosen.
func LanguageIsEnglish() bool { return english }

// Date is a day as the reader of the language writes it: 2024年3月1日, or
// 2024-03-01 in English.
func Date(d store.Date) string {
	if english {
		return d.String()
	}
	return d.Chinese()
}

// SeatWarning words a roster's warning about a holder who has left. Every
// place that shows one (the roster's band and rows, the dashboard, the
// command line) calls this, so they say it alike in either language.
func SeatWarning(w store.SeatWarning) string {
	// Positions are the clerk's vocabulary; the default ones have English.
	pos := T(w.Position)
	if w.UnitLeft {
		return Tf("成员单位「%s」已不在册，仍担任%s", w.Holder, pos)
	}
	return Tf("「%s」已于%s调离，仍担任%s", w.Holder, Date(w.LeftOn), pos)
}
