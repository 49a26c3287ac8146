package xlsx

import (
	"fmt"
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

const indGroup = "临淄区职业教育集团"

var (
	indRound   = uuid.MustParse("0190f000-0000-7000-8000-00000000a026")
	indCollege = uuid.MustParse("0190f000-0000-7000-8000-0000000000c1")
	indCompany = uuid.MustParse("0190f000-0000-7000-8000-0000000000c2")
	indAssoc   = uuid.MustParse("0190f000-0000-7000-8000-0000000000c3")
)

// indCatalogue is the default catalogue of year, validated (which fills
// in the kinds).
func indCatalogue(t testing.TB, year int) *store.Catalogue {
	c := store.DefaultCatalogue(year)
	c.ID = uuid.MustParse("0190f000-0000-7000-8000-0000000000ca")
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	return &c
}

func indRoundOf(c *store.Catalogue) *store.CollectionRound {
	return &store.CollectionRound{ID: indRound, Year: 2026, CatalogueID: c.ID, Version: c.Version,
		Opened: store.NewDate(2027, 1, 5)}
}

// indMembers are a college, a company and an association: each answers
// a different part of the catalogue. The company's name would not do as
// a file name on Windows.
func indMembers() []store.Member {
	return []store.Member{
		{ID: indCollege, Name: "潍坊职业学院", CreditCode: "12370700MB2857126X", Type: "高职院校"},
		{ID: indCompany, Name: "某某化工股份有限公司/临淄分公司", CreditCode: "91370305MA3C5XYZ1K", Type: "企业"},
		{ID: indAssoc, Name: "淄博市化工行业协会", Type: "行业协会"},
	}
}

// indLastYear are 2025's values of the college and the company.
func indLastYear() []store.UnitValues {
	return []store.UnitValues{
		{Year: 2025, MemberID: indCollege, Unit: "潍坊职业学院", Values: map[string]float64{
			"training_bases": 12, "training_bases_national": 2, "tech_service_income": 356.5, "joint_students": 420}},
		{Year: 2025, MemberID: indCompany, Unit: "某某化工股份有限公司/临淄分公司", Values: map[string]float64{
			"training_bases": 3, "donated_equipment": 80.25}},
	}
}

// benchUnits are n members of alternating types with values for year.
func benchUnits(c *store.Catalogue, n int) ([]store.Member, []store.UnitValues) {
	types := []store.UnitType{"高职院校", "企业", "中职学校", "技工院校"}
	var ms []store.Member
	var vs []store.UnitValues
	for i := range n {
		m := store.Member{ID: store.NewID(), Name: fmt.Sprintf("成员单位%03d", i+1), Type: types[i%len(types)]}
		v := store.UnitValues{Year: c.Year, MemberID: m.ID, Unit: m.Name, Values: map[string]float64{}}
		for j, ind := range c.Indicators {
			if ind.AnsweredBy(m.Type) {
				v.Values[ind.Code] = float64((i + j) % 17)
			}
		}
		ms, vs = append(ms, m), append(vs, v)
	}
	return ms, vs
}
