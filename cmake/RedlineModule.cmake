# redline_module(NAME DEPS <modules...>): a static library from src/NAME/*.cpp, target redline_NAME,
# alias redline::NAME. Dependencies between modules are PUBLIC so the one-way order is visible here.
function(redline_module name)
    cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
    file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
    if(NOT sources)
        # A module whose first source has not been written yet still needs a target so that the
        # others configure; this placeholder disappears as soon as a .cpp exists.
        set(placeholder ${CMAKE_CURRENT_BINARY_DIR}/${name}_placeholder.cpp)
        file(WRITE ${placeholder} "// placeholder: module ${name} has no sources yet\n")
        set(sources ${placeholder})
    endif()
    add_library(redline_${name} STATIC ${sources})
    add_library(redline::${name} ALIAS redline_${name})
    target_include_directories(redline_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(redline_${name} PRIVATE redline_warnings)
    foreach(dep ${ARG_DEPS})
        target_link_libraries(redline_${name} PUBLIC redline::${dep})
    endforeach()
endfunction()
