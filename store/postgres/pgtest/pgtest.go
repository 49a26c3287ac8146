// Package pgtest starts throwaway PostgreSQL clusters for tests: initdb
// into a temporary folder, a server that listens only on a unix socket in
// that folder, removed when the tests end. It needs the PostgreSQL server
// binaries (Debian's postgresql package, which `make test` installs) and
// assumes no running server. It talks to the server with psql, so that
// store/postgres stays the only package that imports the driver.
//
// Use it from a package's TestMain, so one cluster serves all its tests:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
//	func TestX(t *testing.T) { url := pgtest.Start(t) … }
//
// Without SECDESK_NO_POSTGRES=1, missing binaries fail the test with what
// to do; with it, the tests that need PostgreSQL are skipped.
package pgtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Superuser is the cluster's superuser role (trust, no password).
const Superuser = "postgres"

// PasswordGroup is a role whose members must log in with their password
// (scram-sha-256); every other role is trusted on the socket. Tests of
// password handling create a role IN ROLE PasswordGroup.
const PasswordGroup = "pgtest_password"

// Options tune a cluster.
type Options struct {
	// Durable keeps fsync and synchronous commit on, for benchmarks that
	// should measure what a real server does; tests run without them.
	Durable bool
}

// Cluster is a running throwaway cluster.
type Cluster struct {
	// Dir is the temporary folder: the data folder, the log and the
	// socket.
	Dir      string
	bin      string
	runAs    []string // command prefix that runs as the cluster's OS user
	uid, gid int      // the cluster's OS user, when the tests run as root
	mu       sync.Mutex
	n        int
	stopped  bool
}

const missingHelp = "PostgreSQL server binaries (initdb, pg_ctl) not found: run `make test`, " +
	"which installs Debian's postgresql package (or `apt-get install postgresql`); " +
	"set SECDESK_NO_POSTGRES=1 to skip the PostgreSQL tests"

// ErrNoPostgres is returned when the server binaries are not installed.
var ErrNoPostgres = errors.New(missingHelp)

// BinDir finds the folder of initdb and pg_ctl: $SECDESK_PG_BINDIR,
// `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin (Debian),
// /usr/pgsql-*/bin (Red Hat), or initdb on PATH.
func BinDir() (string, error) {
	ok := func(dir string) bool {
		for _, b := range []string{"initdb", "pg_ctl", "postgres", "psql"} {
			if _, err := os.Stat(filepath.Join(dir, b)); err != nil {
				return false
			}
		}
		return true
	}
	if d := os.Getenv("SECDESK_PG_BINDIR"); d != "" {
		if ok(d) {
			return d, nil
		}
		return "", fmt.Errorf("SECDESK_PG_BINDIR=%s has no initdb, pg_ctl, postgres and psql", d)
	}
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); ok(d) {
			return d, nil
		}
	}
	for _, pattern := range []string{"/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin"} {
		dirs, _ := filepath.Glob(pattern)
		sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
		for _, d := range dirs {
			if ok(d) {
				return d, nil
			}
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil && ok(filepath.Dir(p)) {
		return filepath.Dir(p), nil
	}
	return "", ErrNoPostgres
}

var digits = regexp.MustCompile(`[0-9]+`)

func versionOf(dir string) int {
	n, _ := strconv.Atoi(digits.FindString(dir))
	return n
}

// NewCluster initialises and starts a cluster. Call Stop when done.
func NewCluster(opt Options) (*Cluster, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	// A unix socket path is limited to about 100 bytes: keep it short.
	base := os.TempDir()
	if len(base) > 40 {
		base = "/tmp"
	}
	dir, err := os.MkdirTemp(base, "secdesk-pg-")
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, bin: bin}
	if err := c.init(opt); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) init(opt Options) error {
	// initdb refuses to run as root: run the server as the postgres OS
	// user then, owning the folder.
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root, and there is no postgres OS user to run the server as: %w", err)
		}
		runuser, err := exec.LookPath("runuser")
		if err != nil {
			return fmt.Errorf("running as root, and runuser is missing: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		c.uid, c.gid = uid, gid
		if err := os.Chown(c.Dir, uid, gid); err != nil {
			return err
		}
		c.runAs = []string{runuser, "-u", "postgres", "--"}
	}
	data := filepath.Join(c.Dir, "data")
	if err := c.run("initdb", "-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync"); err != nil {
		return err
	}
	conf := fmt.Sprintf(`
listen_addresses = ''
unix_socket_directories = '%s'
port = 5432
max_connections = 300
password_encryption = 'scram-sha-256'
`, c.Dir)
	if !opt.Durable {
		conf += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
	}
	hba := "local all +" + PasswordGroup + " scram-sha-256\nlocal all all trust\n"
	if err := c.writeAsOwner(filepath.Join(data, "postgresql.auto.conf"), conf); err != nil {
		return err
	}
	if err := c.writeAsOwner(filepath.Join(data, "pg_hba.conf"), hba); err != nil {
		return err
	}
	if err := c.run("pg_ctl", "-D", data, "-l", filepath.Join(c.Dir, "server.log"), "-w", "-t", "60", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.Dir, "server.log"))
		return fmt.Errorf("%w\n%s", err, log)
	}
	return c.Exec(context.Background(), "postgres", "CREATE ROLE "+PasswordGroup+" NOLOGIN")
}

// writeAsOwner writes a file of the data folder, owned like the folder.
func (c *Cluster) writeAsOwner(path, text string) error {
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return err
	}
	if c.runAs != nil {
		return os.Chown(path, c.uid, c.gid)
	}
	return nil
}

// run runs a PostgreSQL binary as the cluster's OS user.
func (c *Cluster) run(name string, args ...string) error {
	argv := append(append(append([]string{}, c.runAs...), filepath.Join(c.bin, name)), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = c.Dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, out.String())
	}
	return nil
}

// Stop stops the server at once and removes the folder.
func (c *Cluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return nil
	}
	c.stopped = true
	var err error
	if _, statErr := os.Stat(filepath.Join(c.Dir, "data", "postmaster.pid")); statErr == nil {
		err = c.run("pg_ctl", "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop")
	}
	if rmErr := os.RemoveAll(c.Dir); err == nil {
		err = rmErr
	}
	return err
}

// URL is the connection string of db as user, over the socket; password
// "" leaves it out.
func (c *Cluster) URL(userName, password, db string) string {
	u := url.URL{Scheme: "postgres", Host: "", Path: "/" + db}
	if password != "" {
		u.User = url.UserPassword(userName, password)
	} else {
		u.User = url.User(userName)
	}
	u.RawQuery = "host=" + url.QueryEscape(c.Dir) + "&port=5432"
	return u.String()
}

// Exec runs sql (one or more statements) in db as the superuser.
func (c *Cluster) Exec(ctx context.Context, db, sql string) error {
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
		"-h", c.Dir, "-p", "5432", "-U", Superuser, "-d", db, "-c", sql)
	cmd.Env = cleanEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql %s: %v\n%s", sql, err, out)
	}
	return nil
}

// cleanEnv is the environment without the PG* variables of whoever runs
// the tests.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			env = append(env, kv)
		}
	}
	return env
}

// CreateDatabase makes a new empty database owned by the superuser and
// returns its name.
func (c *Cluster) CreateDatabase(ctx context.Context) (string, error) {
	c.mu.Lock()
	c.n++
	n := c.n
	c.mu.Unlock()
	b := make([]byte, 4)
	rand.Read(b)
	name := fmt.Sprintf("t%d_%s", n, hex.EncodeToString(b))
	return name, c.Exec(ctx, "postgres", "CREATE DATABASE "+name)
}

// DropDatabase removes db, closing its connections.
func (c *Cluster) DropDatabase(ctx context.Context, db string) error {
	return c.Exec(ctx, "postgres", "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)")
}

// Database makes a new database for the test, dropped at its end, and
// returns the superuser's URL of it.
func (c *Cluster) Database(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := c.CreateDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := c.DropDatabase(ctx, db); err != nil {
			t.Log(err)
		}
	})
	return c.URL(Superuser, "", db)
}

var shared struct {
	sync.Mutex
	underMain bool
	c         *Cluster
	err       error
}

// Main runs the tests with one shared cluster, started by the first test
// that needs it and stopped when all have run. Use it in TestMain.
func Main(m *testing.M) int {
	shared.Lock()
	shared.underMain = true
	shared.Unlock()
	code := m.Run()
	shared.Lock()
	defer shared.Unlock()
	if shared.c != nil {
		if err := shared.c.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
		shared.c = nil
	}
	return code
}

// Shared is the package's cluster (see Main); without Main, a cluster of
// the test's own, stopped at its end. It skips the test when
// SECDESK_NO_POSTGRES=1 and fails it when PostgreSQL is not installed.
func Shared(t testing.TB) *Cluster {
	t.Helper()
	if os.Getenv("SECDESK_NO_POSTGRES") == "1" {
		t.Skip("SECDESK_NO_POSTGRES=1: PostgreSQL tests skipped")
	}
	shared.Lock()
	defer shared.Unlock()
	if !shared.underMain {
		c, err := NewCluster(Options{})
		if err != nil {
			t.Fatalf("pgtest: %v", err)
		}
		t.Cleanup(func() { c.Stop() })
		return c
	}
	if shared.c == nil && shared.err == nil {
		shared.c, shared.err = NewCluster(Options{})
	}
	if shared.err != nil {
		t.Fatalf("pgtest: %v", shared.err)
	}
	return shared.c
}

// Start returns the URL of a new, empty database for the test, on the
// shared cluster (see Shared), dropped at the test's end.
func Start(t testing.TB) string {
	t.Helper()
	return Shared(t).Database(t)
}
