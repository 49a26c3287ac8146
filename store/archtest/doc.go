// Package archtest holds only a test: the import rules between the
// program's packages (which package may import the GUI toolkit, bbolt,
// pgx or excelize, and which ui packages may import which). See
// archtest_test.go for the rules; a new rule goes there.
package archtest
