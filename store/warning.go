package store

import (
	"encoding/json"
	"fmt"
)

// Warning is a problem recorded on a member that did not stop its import
// (a credit code that fails the check, a phone that looks wrong). It is
// kept as data, not text, so the English interface shows it in English:
// the file holds the ASCII codes of its field and problem.
type Warning struct {
	Field   Field
	Problem Problem
	Detail  string
}

// FieldError is the warning as an error, for display through the text
// layer like any other field problem.
func (w Warning) FieldError() *FieldError {
	return &FieldError{Field: w.Field, Problem: w.Problem, Detail: w.Detail}
}

// warningFields and warningProblems are the persisted codes of what a
// warning can name. Append only: files in the field hold these codes.
var (
	warningFields = map[Field]string{
		FieldCreditCode: "credit_code", FieldPhone: "phone", FieldTier: "tier",
		FieldEmail: "email", FieldName: "name",
	}
	warningProblems = map[Problem]string{
		ProblemCodeCheck: "code_check", ProblemBadPhone: "bad_phone",
		ProblemTierNotChanged: "tier_not_changed", ProblemBadEmail: "bad_email",
		ProblemCodeFormat: "code_format",
	}
)

type warningJSON struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
	Detail  string `json:"detail,omitempty"`
}

func (w Warning) MarshalJSON() ([]byte, error) {
	f, okF := warningFields[w.Field]
	p, okP := warningProblems[w.Problem]
	if !okF || !okP {
		return nil, fmt.Errorf("store: warning %q/%q has no persisted code", w.Field, w.Problem)
	}
	return json.Marshal(warningJSON{f, p, w.Detail})
}

func (w *Warning) UnmarshalJSON(data []byte) error {
	var j warningJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	f, okF := codeKey(warningFields, j.Field)
	p, okP := codeKey(warningProblems, j.Problem)
	if !okF || !okP {
		return fmt.Errorf("store: unknown warning code %q/%q", j.Field, j.Problem)
	}
	*w = Warning{Field: f, Problem: p, Detail: j.Detail}
	return nil
}

func codeKey[K comparable](m map[K]string, code string) (K, bool) {
	for k, c := range m {
		if c == code {
			return k, true
		}
	}
	var zero K
	return zero, false
}
