package xlsx

import (
	"testing"

	"github.com/google/uuid"

	"github.com/secdesk/secdesk/store"
)

// rosterFixture is a body with the people and members its seats name,
// built through the Body methods as the program builds one.
type rosterFixture struct {
	tb      testing.TB
	body    store.Body
	term    uuid.UUID
	people  []store.Person
	members []store.Member
}

func (fx *rosterFixture) must(err error) {
	fx.tb.Helper()
	if err != nil {
		fx.tb.Fatal(err)
	}
}

// member adds a member unit admitted in 2015.
func (fx *rosterFixture) member(name string, typ store.UnitType) uuid.UUID {
	m := store.Member{ID: store.NewID(), Name: name, Type: typ}
	fx.must(m.AddEvent(store.Event{Kind: store.EventJoin, Date: d(2015, 1, 1), Tier: "理事单位"}, planNow))
	fx.members = append(fx.members, m)
	return m.ID
}

// person adds a person at a member unit (memberID) or a unit outside the
// group (unit).
func (fx *rosterFixture) person(name, unit string, memberID uuid.UUID, mobile string) uuid.UUID {
	p := store.Person{ID: store.NewID(), Name: name, Unit: unit, MemberID: memberID, Mobile: mobile}
	p.Clean()
	fx.people = append(fx.people, p)
	return p.ID
}

// seat gives position to a person with the title they hold.
func (fx *rosterFixture) seat(position string, personID uuid.UUID, title string) {
	fx.tb.Helper()
	_, err := fx.body.AddSeat(fx.term, position, store.SeatHolder{PersonID: personID, Title: title}, store.Date{})
	fx.must(err)
}

// unitSeat gives position to a member unit, represented by repID if not nil.
func (fx *rosterFixture) unitSeat(position string, memberID, repID uuid.UUID, title string) {
	fx.tb.Helper()
	_, err := fx.body.AddSeat(fx.term, position, store.SeatHolder{MemberID: memberID, RepID: repID, Title: title}, store.Date{})
	fx.must(err)
}

func (fx *rosterFixture) roster(asOf store.Date) store.Roster {
	return store.BuildRoster(&fx.body, asOf, store.NewDirectory(fx.people, fx.members, store.DefaultPositions))
}

func (fx *rosterFixture) export(asOf store.Date) RosterExport {
	return RosterExport{GroupName: "潍海市化工职业教育集团", Roster: fx.roster(asOf), Positions: store.DefaultPositions}
}

// seedCouncil is the seed's 附件2 in small: a council in its second term
// with every kind of section — two honorary chairs, one chair, five vice
// chairs whose surnames show stroke order (王 4, 郑 8, 赵 9, 黄 11, 韩 12;
// a general collation puts 赵 before 郑 and 韩 before 黄), unit seats with
// and without a representative, a 秘书长 and two 副秘书长.
func seedCouncil(t testing.TB, ordering store.Ordering) *rosterFixture {
	fx := &rosterFixture{tb: t, body: store.Body{ID: store.NewID(), Name: "理事会", Type: "理事会", Ordering: ordering}}
	term, err := fx.body.AddTerm(1, d(2020, 1, 1))
	fx.must(err)
	fx.term = term.ID
	school := fx.member("淄博市工业学校", "中职学校")
	fx.seat("理事长", fx.person("张成刚", "", school, "13900000001"), "党委副书记、副校长（主持工作）")
	// 换届: the second term starts with the seats carried over.
	term, err = fx.body.NewTerm(2, d(2024, 1, 1))
	fx.must(err)
	fx.term = term.ID
	fx.seat("名誉理事长", fx.person("李建华", "区委", uuid.Nil, ""), "常委、宣传部部长、统战部部长，区委教育工委书记")
	fx.seat("名誉理事长", fx.person("崔赟", "区政府", uuid.Nil, ""), "党组成员、副区长，区卫健局党组书记，区红十字会会长")
	fx.seat("副理事长", fx.person("赵立成", "淄博七中", uuid.Nil, "13900000002"), "党委书记、校长")
	fx.seat("副理事长", fx.person("郑家晴", "山东齐都药业有限公司", uuid.Nil, ""), "董事长")
	fx.seat("副理事长", fx.person("韩峰", "中国石油化工集团有限公司齐鲁分公司", uuid.Nil, ""), "党委书记")
	fx.seat("副理事长", fx.person("黄贻展", "淄博加华新材料资源有限公司", uuid.Nil, ""), "总经理")
	fx.seat("副理事长", fx.person("王林", "区发改局", uuid.Nil, "0533-7123456"), "区发改局党组书记、局长")
	qifeng := fx.member("齐峰新材料股份有限公司", "企业")
	fx.unitSeat("理事", qifeng, fx.person("李学峰", "", qifeng, ""), "董事长")
	fx.unitSeat("理事", fx.member("电科北方半导体科技（山东）有限公司", "企业"), uuid.Nil, "")
	fx.seat("秘书长", fx.person("冯波", "", school, ""), "总务处副主任")
	fx.seat("副秘书长", fx.person("李丽平", "", school, ""), "教务处主任")
	fx.seat("副秘书长", fx.person("于霞", "", school, ""), "产学研中心主任")
	return fx
}

// seedCommunity is one 共同体 of 附件3: member units, and a person seat
// the unit list must leave out.
func seedCommunity(t testing.TB) *rosterFixture {
	fx := &rosterFixture{tb: t, body: store.Body{ID: store.NewID(), Name: "职普融通发展共同体", Type: "共同体", Ordering: store.OrderStrokes}}
	term, err := fx.body.AddTerm(1, d(2024, 1, 1))
	fx.must(err)
	fx.term = term.ID
	school := fx.member("淄博市工业学校", "中职学校")
	fx.unitSeat("成员单位", school, uuid.Nil, "")
	fx.unitSeat("成员单位", fx.member("淄博齐鲁幼教集团", "其他"), uuid.Nil, "")
	fx.unitSeat("成员单位", fx.member("临淄中学", "普通学校"), uuid.Nil, "")
	fx.seat("主任", fx.person("张成刚", "", school, ""), "副校长")
	return fx
}
