package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/postgres/pgtest"
)

// testPassword has the characters that need escaping in a URL and in a
// key=value string.
const testPassword = "S3cr:et@/x y'z%"

// dbOf is the database name of a pgtest URL.
func dbOf(t testing.TB, u string) string {
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(p.Path, "/")
}

// passwordRole makes a login role that must give testPassword, with all
// rights on db, and returns its name.
func passwordRole(t *testing.T, c *pgtest.Cluster, db string) string {
	t.Helper()
	role := "pw_" + db
	sql := fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE %s;
		ALTER DATABASE %s OWNER TO %s; ALTER SCHEMA public OWNER TO %s;
		GRANT pg_read_all_data, pg_write_all_data TO %s`,
		role, strings.ReplaceAll(testPassword, "'", "''"), pgtest.PasswordGroup, db, role, role, role)
	if err := c.Exec(context.Background(), db, sql); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Exec(context.Background(), "postgres", "DROP ROLE IF EXISTS "+role) })
	return role
}

// noSecret fails if text shows the password in any form.
func noSecret(t *testing.T, what, text string) {
	t.Helper()
	for _, s := range []string{testPassword, url.QueryEscape(testPassword), url.PathEscape(testPassword),
		url.UserPassword("u", testPassword).String(), "S3cr", "et@", "y'z", "y%20z", "y+z"} {
		if strings.Contains(text, s) {
			t.Errorf("%s shows the password (%q): %s", what, s, text)
		}
	}
}

func TestConnectionStrings(t *testing.T) {
	c := pgtest.Shared(t)
	super := pgtest.Start(t)
	db := dbOf(t, super)
	role := passwordRole(t, c, db)
	kvQuote := func(s string) string {
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
	}
	for name, conn := range map[string]string{
		"url socket":         super,
		"url password":       c.URL(role, testPassword, db),
		"key=value":          fmt.Sprintf("host=%s port=5432 user=%s dbname=%s", c.Dir, pgtest.Superuser, db),
		"key=value passwd":   fmt.Sprintf("host=%s port=5432 user=%s password=%s dbname=%s", kvQuote(c.Dir), role, kvQuote(testPassword), db),
		"postgresql:// form": fmt.Sprintf("postgresql:///%s?host=%s&user=%s", db, url.QueryEscape(c.Dir), pgtest.Superuser),
	} {
		t.Run(name, func(t *testing.T) {
			e, err := Open(testCtx(t), conn, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer e.Close()
			noSecret(t, "String()", e.String())
			if !strings.Contains(e.String(), db) {
				t.Errorf("String() = %q, want the database name", e.String())
			}
		})
	}
	t.Run("PGPASSWORD", func(t *testing.T) {
		t.Setenv("PGPASSWORD", testPassword)
		e, err := Open(testCtx(t), c.URL(role, "", db), Options{})
		if err != nil {
			t.Fatal(err)
		}
		e.Close()
	})
	t.Run("pgpass", func(t *testing.T) {
		home := t.TempDir()
		t.Setenv("HOME", home)
		t.Setenv("PGPASSFILE", "")
		os.Unsetenv("PGPASSFILE")
		// A socket connection matches host "localhost", as in libpq; ':'
		// and '\' are escaped.
		pw := strings.NewReplacer(`\`, `\\`, `:`, `\:`).Replace(testPassword)
		line := fmt.Sprintf("otherhost:5432:*:*:wrong\nlocalhost:5432:%s:%s:%s\n", db, role, pw)
		if err := os.WriteFile(filepath.Join(home, ".pgpass"), []byte(line), 0o600); err != nil {
			t.Fatal(err)
		}
		e, err := Open(testCtx(t), c.URL(role, "", db), Options{})
		if err != nil {
			t.Fatal(err)
		}
		e.Close()
	})
}

func TestServerErrors(t *testing.T) {
	c := pgtest.Shared(t)
	super := pgtest.Start(t)
	db := dbOf(t, super)
	role := passwordRole(t, c, db)
	// A role that may connect but has no right on the schema.
	noRights := "nr_" + db
	if err := c.Exec(context.Background(), db, "CREATE ROLE "+noRights+" LOGIN"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Exec(context.Background(), "postgres", "DROP ROLE IF EXISTS "+noRights) })
	// A second database, migrated by its owner, whose tables noRights
	// cannot read.
	other := pgtest.Start(t)
	open(t, other).Close()

	for _, tc := range []struct {
		name, conn string
		want       error
	}{
		{"wrong password", c.URL(role, testPassword+"x", db), store.ErrServerAuth},
		{"no password", c.URL(role, "", db), store.ErrServerAuth},
		{"no such role", c.URL("nobody_here", testPassword, db), store.ErrServerAuth},
		{"no such database", c.URL(role, testPassword, "no_such_db"), store.ErrServerNoDatabase},
		{"cannot create the schema", c.URL(noRights, "", db), store.ErrServerPermission},
		{"cannot read the tables", c.URL(noRights, "", dbOf(t, other)), store.ErrServerPermission},
		{"no server", "postgres://" + url.UserPassword(role, testPassword).String() + "@/" + db + "?host=/nonexistent&connect_timeout=2", store.ErrServerUnreachable},
		{"no server tcp", "postgres://" + url.UserPassword(role, testPassword).String() + "@127.0.0.1:1/" + db + "?connect_timeout=2", store.ErrServerUnreachable},
		{"bad address", "postgres://" + role + ":" + testPassword + "@host:notaport/db", store.ErrServerAddress},
		{"bad key=value", "host=x password='" + testPassword, store.ErrServerAddress},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("HOME", t.TempDir()) // no ~/.pgpass
			_, err := Open(testCtx(t), tc.conn, Options{})
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			t.Log(err)
			noSecret(t, "error", err.Error())
			noSecret(t, "error", fmt.Sprintf("%+v %#v", err, err.Error()))
			noSecret(t, "Describe", Describe(tc.conn))
		})
	}
}

func TestDescribe(t *testing.T) {
	for conn, want := range map[string]string{
		"postgres://li:" + url.QueryEscape(testPassword) + "@db1/secdesk":                                "li@db1/secdesk",
		"postgres://li@db1:5433/secdesk":                                                                 "li@db1:5433/secdesk",
		"postgres://li@/secdesk?host=/run/postgresql&port=5432":                                          "li@localhost(/run/postgresql)/secdesk",
		"host=db1 user=li password='" + strings.ReplaceAll(testPassword, "'", `\'`) + "' dbname=secdesk": "li@db1/secdesk",
	} {
		got := Describe(conn)
		if got != want {
			t.Errorf("Describe(%q) = %q, want %q", conn, got, want)
		}
		noSecret(t, "Describe", got)
	}
}
