package postgres

import (
	"context"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/secdesk/secdesk/store"
)

// Options tune Open. The zero value gives the defaults.
type Options struct {
	// MaxConns bounds the pool of connections; 0 is pgxpool's default
	// (the larger of 4 and the number of CPUs). Watch uses one more.
	MaxConns int32
	// Logf receives the engine's few log lines (Watch losing and getting
	// back its connection); they never contain the password. Default
	// log.Printf.
	Logf func(format string, args ...any)
	// MaxRetries bounds how often Write runs fn again after a
	// serialisation failure or deadlock; 0 is 10.
	MaxRetries int
}

// Engine is a store.Engine on a PostgreSQL database shared by the
// clerks. It is safe for concurrent use.
type Engine struct {
	pool    *pgxpool.Pool
	opt     Options
	desc    string
	secrets secrets
	// closed ends the Watch goroutines when the engine is closed.
	closed    chan struct{}
	closeOnce sync.Once
}

var (
	_ store.Engine        = (*Engine)(nil)
	_ store.EngineWatcher = (*Engine)(nil)
	_ store.EngineChecker = (*Engine)(nil)
)

// Open connects to the database named by connString — any form libpq
// accepts: postgres://user:password@host:port/db?sslmode=…, a socket
// folder as host (postgres://user@/db?host=/run/postgresql), or key=value
// ("host=db1 user=li dbname=secdesk"); PG* environment variables,
// ~/.pgpass and pg_service.conf fill in what it leaves out — and brings
// the schema up to this program's version. A database made by a newer
// program is refused with store.ErrNewerFile; server problems come back
// as store.ErrServerUnreachable, ErrServerAuth, ErrServerNoDatabase,
// ErrServerPermission or ErrServerAddress, without the password.
func Open(ctx context.Context, connString string, opt Options) (*Engine, error) {
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	if opt.MaxRetries <= 0 {
		opt.MaxRetries = 10
	}
	sec := secretsOf(connString, "")
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, sec.wrapErr(err)
	}
	sec = secretsOf(connString, cfg.ConnConfig.Password)
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "secdesk"
	}
	// Fail fast at start rather than after the OS's TCP timeout.
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	e := &Engine{opt: opt, desc: describe(&cfg.ConnConfig.Config), secrets: sec, closed: make(chan struct{})}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, e.secrets.wrapErr(err)
	}
	e.pool = pool
	// pgxpool connects lazily: connect now, so a wrong address or
	// password is reported by Open.
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, e.secrets.wrapErr(err)
	}
	if err := e.migrate(ctx); err != nil {
		pool.Close()
		return nil, e.secrets.wrapErr(err)
	}
	return e, nil
}

// Close closes the pool's connections and ends Watch.
func (e *Engine) Close() error {
	e.closeOnce.Do(func() { close(e.closed) })
	e.pool.Close()
	return nil
}

// String names the database for the window title and messages:
// "PostgreSQL li@db1/secdesk", never with the password.
func (e *Engine) String() string { return "PostgreSQL " + e.desc }

// Describe shows a connection string as user@host/db, without the
// password, for the window title and messages. A string that does not
// parse is not echoed (it may hold a password).
func Describe(connString string) string {
	cfg, err := pgconn.ParseConfig(connString)
	if err != nil {
		return "（无法解析的数据库地址）"
	}
	return describe(cfg)
}

func describe(cfg *pgconn.Config) string {
	host := cfg.Host
	if cfg.Port != 0 && cfg.Port != 5432 {
		host = fmt.Sprintf("%s:%d", host, cfg.Port)
	}
	if strings.HasPrefix(cfg.Host, "/") {
		// A socket folder: the server is on this PC.
		host = "localhost(" + cfg.Host + ")"
		if cfg.Port != 0 && cfg.Port != 5432 {
			host = fmt.Sprintf("localhost:%d(%s)", cfg.Port, cfg.Host)
		}
	}
	return cfg.User + "@" + host + "/" + cfg.Database
}
