#pragma once
// The text being typed into the casework forms (UI memory, not the app's business).

#include <string>

namespace redline::ui {

struct CaseworkForms {
    std::string prepared_for; ///< form + case the fields were last filled in for
    // Record a stage.
    int stage = 1; ///< index into the stage names
    char date[16] = {};
    char served[16] = {};
    char effective[16] = {};
    char compliance_days[8] = {};
    int notice = 0;
    int outcome = 0;
    char note[256] = {};
    // Evidence pack.
    char scale[16] = {}; ///< empty: the largest standard scale that fits (as the CLI)
    int paper = 0;       ///< A4, A3
    int orientation = 0; ///< portrait, landscape
    char exhibit[32] = {};
    char officer[64] = {};
    char pack_date[16] = {};
    char pack_path[1024] = {};
    // Add a complaint.
    char reference[64] = {};
    char received[16] = {};
    int category = 0; ///< 0 = none, else 1 + index into core::complaint_categories()
    char description[512] = {};
    char complainant_name[128] = {};
    char complainant_contact[128] = {};
    bool join_case = true;
    // ... and open a new case with it.
    bool open_case = false;
    char case_reference[64] = {};
    std::string suggested_case_reference; ///< what case_reference was last filled with
    char case_officer[64] = {};
    char case_opened[16] = {};
    char alleged_breach[256] = {};
    int breach_type = -1; ///< index into the store's breach types; -1: "other" when first drawn
    // Import complaints, export the workload.
    char csv_path[1024] = {};
    char workload_path[1024] = {};
};

} // namespace redline::ui
