#include "ui/panels.hpp"

#include <imgui.h>

#include <cstring>

namespace redline::ui {

void draw_menu_bar(const ViewState& state, UiMemory& memory, Actions& out) {
    if (ImGui::BeginMenu("Workspace")) {
        if (ImGui::MenuItem("Open..."))
            memory.show_open = true;
        if (ImGui::MenuItem("Add basemap..."))
            memory.show_add_basemap = true;
        ImGui::MenuItem("New...", nullptr, false, false);
        ImGui::MenuItem("Import layer...", nullptr, false, false);
        ImGui::Separator();
        if (ImGui::MenuItem("Quit"))
            out.push_back(Quit{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Tools")) {
        const bool open = state.scene != nullptr;
        if (ImGui::MenuItem("Measure", nullptr, false, open))
            memory.select_tab = "Measure";
        if (ImGui::MenuItem("Calibrate plan", nullptr, false, open))
            memory.select_tab = "Plans";
        if (ImGui::MenuItem("Run breach check", nullptr, false,
                            open && state.casework && !state.casework->busy)) {
            out.push_back(RunBreachCheck{});
            memory.select_tab = "Findings";
        }
        if (ImGui::MenuItem("Hotspots", nullptr, false, open))
            memory.select_tab = "Hotspots";
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Casework")) {
        const bool open = state.scene != nullptr && state.casework;
        if (ImGui::MenuItem("Add complaint on the map", nullptr, false, open))
            out.push_back(StartComplaintPick{});
        if (ImGui::MenuItem("Import complaints CSV...", nullptr, false, open))
            out.push_back(OpenCaseForm{CaseForm::ImportCsv, ""});
        const bool has_case = open && !state.selected_case.empty();
        if (ImGui::MenuItem("Record stage of selected case...", nullptr, false, has_case))
            out.push_back(OpenCaseForm{CaseForm::Stage, state.selected_case});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Export")) {
        if (ImGui::MenuItem("Map as PNG", nullptr, false, state.scene != nullptr))
            out.push_back(ExportMapPng{"redline-map.png"});
        if (ImGui::MenuItem("Dashboard as PNG", nullptr, false, state.dashboard != nullptr))
            out.push_back(ExportDashboardPng{"redline-dashboard.png"});
        const bool has_case = state.scene && state.casework && !state.selected_case.empty();
        if (ImGui::MenuItem("Evidence pack of selected case...", nullptr, false, has_case))
            out.push_back(OpenCaseForm{CaseForm::Evidence, state.selected_case});
        if (ImGui::MenuItem("Workload CSV...", nullptr, false,
                            state.scene != nullptr && state.casework))
            out.push_back(OpenCaseForm{CaseForm::WorkloadCsv, ""});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Shortcuts"))
            memory.show_shortcuts = true;
        ImGui::EndMenu();
    }

    if (memory.show_open) {
        ImGui::OpenPopup("Open workspace");
        memory.show_open = false;
    }
    if (ImGui::BeginPopupModal("Open workspace", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Workspace file (.sqlite):");
        ImGui::SetNextItemWidth(420);
        const bool enter = ImGui::InputText("##path", memory.open_path, sizeof memory.open_path,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
        if ((ImGui::Button("Open") || enter) && std::strlen(memory.open_path) > 0) {
            out.push_back(OpenWorkspace{memory.open_path});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (memory.show_add_basemap) {
        ImGui::OpenPopup("Add basemap");
        memory.show_add_basemap = false;
    }
    if (ImGui::BeginPopupModal("Add basemap", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("GeoTIFF, PNG/JPEG with a world file, or GDAL WMS/TMS XML:");
        ImGui::SetNextItemWidth(420);
        const bool enter =
            ImGui::InputText("##basemap", memory.basemap_path, sizeof memory.basemap_path,
                             ImGuiInputTextFlags_EnterReturnsTrue);
        if ((ImGui::Button("Add") || enter) && std::strlen(memory.basemap_path) > 0) {
            out.push_back(AddBasemap{memory.basemap_path});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (memory.show_shortcuts) {
        ImGui::OpenPopup("Shortcuts");
        memory.show_shortcuts = false;
    }
    if (ImGui::BeginPopupModal("Shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Drag: pan    Wheel: zoom about the cursor\n"
                               "Arrows: pan    + / -: zoom    Click: identify\n"
                               "Ctrl+F: search    Esc: clear the selection");
        if (ImGui::Button("Close"))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace redline::ui
