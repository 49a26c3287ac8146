package store

import (
	"fmt"
	"time"
)

// Stamp is what the store keeps about a record's saves. Rev is the
// conflict token: every save raises it, and a save that brings an older
// Rev is refused, since the record was changed by someone else since it
// was read. Created and Updated are for display only: a server keeps
// microseconds, and two PCs have two clocks.
type Stamp struct {
	Rev     int64     `json:"rev,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// UpdatedBy is the clerk and PC of the last save (ClerkAt).
	UpdatedBy string `json:"updated_by,omitempty"`
}

// ConflictError refuses a save over a newer change: it names the record,
// who changed it and when, so the clerk knows whom to ask before
// reloading. errors.Is(err, ErrConflict) holds.
type ConflictError struct {
	Kind Kind
	Name string
	By   string
	At   time.Time
}

func (e *ConflictError) Error() string {
	s := fmt.Sprintf("「%s」已被", e.Name)
	if e.By != "" {
		s += " " + e.By + " "
	}
	if !e.At.IsZero() {
		s += "于 " + e.At.Local().Format("2006-01-02 15:04") + " "
	}
	return s + "修改，请重新载入后再改"
}

func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// conflict is the error for a save of rec (named name) whose Rev is not
// the stored one's.
func conflict(k Kind, name string, stored *Stamp) error {
	return &ConflictError{Kind: k, Name: name, By: stored.UpdatedBy, At: stored.Updated}
}
