package demo_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/secdesk/secdesk/store"
	"github.com/secdesk/secdesk/store/bolt"
	"github.com/secdesk/secdesk/store/demo"
)

// seed2023 are the seed-000 work report's 2023 figures.
var seed2023 = map[string]float64{"training_bases": 32, "training_bases_national": 10, "training_projects": 30,
	"training_person_days": 65324, "skill_certification": 9500, "dual_teacher_training": 1500, "company_teachers": 3512,
	"part_time_hours": 34128, "teacher_practice_months": 9614, "industry_colleges": 21, "order_classes": 20,
	"apprenticeship_classes": 12, "new_apprenticeship_classes": 10, "joint_students": 5400, "joint_courses": 52,
	"joint_textbooks": 38, "course_standards": 112, "secondary_higher_students": 5745, "higher_bachelor_students": 1200,
	"contest_gold": 69, "contest_silver": 132, "foreign_students": 232, "sino_foreign_students": 910,
	"exported_standards": 10, "integration_companies": 2}

// TestLoadIndicators checks the years of returns as the store keeps them:
// the 2023 group totals are the report's, later years grow, 2023 and 2024
// are filed, and two thirds of the units returned the 2026 round.
func TestLoadIndicators(t *testing.T) {
	ctx := context.Background()
	d, err := demo.ParseData(readDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := bolt.OpenStore(filepath.Join(t.TempDir(), "demo.db"), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.LoadData(ctx, s, d, nil); err != nil {
		t.Fatal(err)
	}
	var prev map[string]float64
	for _, y := range []int{2023, 2024, 2025} {
		c, err := s.Catalogue(ctx, y)
		if err != nil {
			t.Fatal(err)
		}
		if filed := !c.Filed.IsZero(); filed != (y < 2025) || filed && c.Filed.Year() != y+1 {
			t.Errorf("%d filed %s", y, c.Filed)
		}
		vs, _ := s.UnitValues(ctx, y)
		group := store.GroupValues(&c, nil, vs)
		if y == 2023 {
			for code, want := range seed2023 {
				if group[code] != want {
					t.Errorf("2023 %s: %v, the report says %v", code, group[code], want)
				}
			}
		} else if g := group["training_person_days"] / prev["training_person_days"]; g < 1.04 || g > 1.11 {
			t.Errorf("%d grew by %.3f", y, g)
		}
		prev = group
	}
	rounds, _ := s.Rounds(ctx, 2026)
	vs, _ := s.UnitValues(ctx, 2026)
	ms, _ := s.Members(ctx)
	active := 0
	for i := range ms {
		if ms[i].StateOn(rounds[0].Opened).Status == store.StatusActive {
			active++
		}
	}
	returned := 0
	for i := range vs {
		if vs[i].Returned(rounds[0].ID) {
			returned++
		}
	}
	if share := float64(returned) / float64(active); len(rounds) != 1 || share < 0.55 || share > 0.75 {
		t.Errorf("2026: %d rounds, %d of %d units returned", len(rounds), returned, active)
	}
}
