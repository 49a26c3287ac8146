package postgres

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/secdesk/secdesk/store"
)

// SQLSTATE codes the engine acts on.
const (
	codeSerialization   = "40001"
	codeDeadlock        = "40P01"
	codeUniqueViolation = "23505"
	codeAuthFailed      = "28P01"
	codeAuthSpec        = "28000"
	codeNoDatabase      = "3D000"
	codePrivilege       = "42501"
	codeTooManyConns    = "53300"
	codeCannotConnect   = "57P03"
	codeAdminShutdown   = "57P01"
)

// serverError is a driver error as the clerk sees it: one of store's
// server errors (or none) and the driver's detail with every secret taken
// out. errors.Is finds the sentinel; errors.As still finds the driver's
// *pgconn.PgError, whose text comes from the server and has no password.
type serverError struct {
	kind   error // store.ErrServer…, or nil
	detail string
	cause  error
}

func (e *serverError) Error() string {
	switch {
	case e.kind == nil:
		return e.detail
	case e.detail == "":
		return e.kind.Error()
	}
	return e.kind.Error() + "（" + e.detail + "）"
}

func (e *serverError) Unwrap() []error {
	if e.kind == nil {
		return []error{e.cause}
	}
	return []error{e.kind, e.cause}
}

// secrets are the strings no error text may show: the password in the
// forms it can take in a connection string, and the connection string
// itself.
type secrets []string

// secretsOf collects the secrets of a connection string and of the
// password it resolved to (from the URL, PGPASSWORD or ~/.pgpass).
func secretsOf(connString, password string) secrets {
	var s secrets
	add := func(v string) {
		if v != "" {
			s = append(s, v)
		}
	}
	add(password)
	add(url.QueryEscape(password))
	add(url.PathEscape(password))
	add(connString)
	if u, err := url.Parse(connString); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok {
			add(pw)
		}
		add(u.Query().Get("password"))
	}
	for _, m := range kvPassword.FindAllStringSubmatch(connString, -1) {
		add(strings.Trim(m[1], "'"))
	}
	for _, m := range urlPassword.FindAllStringSubmatch(connString, -1) {
		add(m[1])
	}
	return s
}

var (
	kvPassword = regexp.MustCompile(`password\s*=\s*('[^']*'|[^\s&]*)`)
	// Up to the last '@': an unescaped password may contain one.
	urlPassword = regexp.MustCompile(`://[^:/@]*:(.*)@`)
)

// redact replaces every secret in text.
func (s secrets) redact(text string) string {
	for _, v := range s {
		text = strings.ReplaceAll(text, v, "******")
	}
	return text
}

// classify finds the store error a driver error stands for, or nil.
func classify(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case codeAuthFailed, codeAuthSpec:
			return store.ErrServerAuth
		case codeNoDatabase:
			return store.ErrServerNoDatabase
		case codePrivilege:
			return store.ErrServerPermission
		case codeTooManyConns, codeCannotConnect, codeAdminShutdown:
			return store.ErrServerUnreachable
		}
		return nil
	}
	var pce *pgconn.ParseConfigError
	if errors.As(err, &pce) {
		return store.ErrServerAddress
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		// The server asked for a password the client does not have.
		if msg := ce.Error(); strings.Contains(msg, "password") || strings.Contains(msg, "SASL") {
			return store.ErrServerAuth
		}
		return store.ErrServerUnreachable
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, net.ErrClosed) || pgconn.SafeToRetry(err) {
		return store.ErrServerUnreachable
	}
	if strings.Contains(err.Error(), "conn closed") {
		return store.ErrServerUnreachable
	}
	return nil
}

// wrapErr turns a driver error into the error the store and the clerk
// see: nil stays nil, store's own errors and a cancelled context pass
// through, anything else is a *serverError without secrets.
func (s secrets) wrapErr(err error) error {
	if err == nil {
		return nil
	}
	var se *serverError
	if errors.As(err, &se) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if errors.As(err, &se) {
			return err
		}
		// A timeout while dialling is an unreachable server, not the
		// caller's deadline; keep both so errors.Is finds either.
		var ce *pgconn.ConnectError
		if errors.As(err, &ce) {
			return &serverError{kind: store.ErrServerUnreachable, detail: s.redact(detail(err)), cause: err}
		}
		return err
	}
	var pce *pgconn.ParseConfigError
	if errors.As(err, &pce) {
		// The driver's text quotes parts of the string that did not
		// parse, which may be pieces of the password: show none of it.
		return &serverError{kind: store.ErrServerAddress, cause: err}
	}
	return &serverError{kind: classify(err), detail: s.redact(detail(err)), cause: err}
}

// detail is the part of a driver error worth showing: for a server error
// its message (and detail/hint), else the driver's text.
func detail(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Detail != "" {
			msg += "：" + pe.Detail
		}
		if pe.Hint != "" {
			msg += "（" + pe.Hint + "）"
		}
		return msg + " [SQLSTATE " + pe.Code + "]"
	}
	return err.Error()
}

// sqlState is the SQLSTATE of err, or "".
func sqlState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// retryable reports whether a write that failed with err may succeed if
// run again: a serialisation failure or a deadlock, or a unique violation
// (a concurrent writer inserted the same key first; run again, fn sees it
// and refuses the duplicate by the store's rules).
func retryable(err error) bool {
	switch sqlState(err) {
	case codeSerialization, codeDeadlock, codeUniqueViolation:
		return true
	}
	return false
}
