// Role recognition from dataset names and distinctive fields.
#include "io/role_recognition.hpp"

#include <gtest/gtest.h>

using redline::core::Role;
using redline::io::recognise_role;
using redline::io::RoleEvidence;

TEST(RoleRecognition, DatasetNamesInAnySpelling) {
    EXPECT_EQ(redline::io::role_from_dataset_name("conservation-area"), Role::ConservationArea);
    EXPECT_EQ(redline::io::role_from_dataset_name("Tree_Preservation_Zone"),
              Role::TreePreservationZone);
    EXPECT_EQ(redline::io::role_from_dataset_name("article 4 direction area"),
              Role::Article4DirectionArea);
    EXPECT_FALSE(redline::io::role_from_dataset_name("Conservation areas"));
    EXPECT_FALSE(redline::io::role_from_dataset_name("basemap"));
    EXPECT_FALSE(redline::io::role_from_dataset_name(""));
}

TEST(RoleRecognition, DatasetFieldBeatsFileNameWhenConsistent) {
    RoleEvidence e{"conservation-area", "layer", {"reference"}, {"planning-application"}};
    EXPECT_EQ(recognise_role(e), Role::PlanningApplication);
    e.dataset_values = {"planning-application", "conservation-area"}; // mixed: ignored
    EXPECT_EQ(recognise_role(e), Role::ConservationArea);
}

TEST(RoleRecognition, FileStemThenLayerName) {
    EXPECT_EQ(recognise_role({"listed-building-outline", "x", {}, {}}),
              Role::ListedBuildingOutline);
    EXPECT_EQ(recognise_role({"download", "tree", {}, {}}), Role::Tree);
}

TEST(RoleRecognition, DistinctiveFields) {
    EXPECT_EQ(recognise_role({"a", "b", {"name", "permitted_development_rights"}, {}}),
              Role::Article4DirectionArea);
    EXPECT_EQ(recognise_role({"a", "b", {"reference", "planning_decision", "decision_date"}, {}}),
              Role::PlanningApplication);
    EXPECT_EQ(recognise_role({"a", "b", {"tree_preservation_order", "zone_type"}, {}}),
              Role::TreePreservationZone);
    EXPECT_EQ(recognise_role({"a", "b", {"tree_preservation_order", "tree_species"}, {}}),
              Role::Tree);
    // planning_decision alone is not enough.
    EXPECT_FALSE(recognise_role({"a", "b", {"reference", "planning_decision"}, {}}));
}

TEST(RoleRecognition, NothingConclusive) {
    EXPECT_FALSE(recognise_role({"Conservation areas", "Conservation areas", {"name"}, {}}));
}

TEST(RoleRecognition, ListOfRolesForMessages) {
    const auto list = redline::io::role_names_list();
    EXPECT_NE(list.find("planning-application"), std::string::npos);
    EXPECT_NE(list.find("tree-preservation-zone"), std::string::npos);
}
