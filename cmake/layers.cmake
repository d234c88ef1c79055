# Layers the build enforces (../shared/DESIGN.md, "Layers and the direction of dependency").
# Each library's include directory is a *view*: a folder under build/layers/<target>/ holding
# symbolic links to just the source folders that layer may see, under their usual names
# ("engine/model/...", "parsers/..."). A header outside its view is not found, so a layer that
# includes what it must not fails to compile (tests/compile_fail/ shows it). Link dependencies
# follow the same order. Each view is whole (a layer's own folders and all it may see below), so
# one -I names everything a layer can include. Tests and benchmarks see the whole tree.

# clearhouse_layer_view(TARGET DIR...): DIR is a source folder relative to the project root.
function(clearhouse_layer_view target)
  set(view ${PROJECT_BINARY_DIR}/layers/${target})
  file(REMOVE_RECURSE ${view})
  foreach(dir ${ARGN})
    get_filename_component(parent ${view}/${dir} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${dir} ${view}/${dir} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC ${view})
  set_property(TARGET ${target} PROPERTY CLEARHOUSE_LAYER_VIEW ${view})
endfunction()

# The engine's own folders (engine/*) minus the ones named: what the engine core may see.
function(clearhouse_engine_folders out)
  file(GLOB entries LIST_DIRECTORIES true CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/engine/*)
  set(folders)
  foreach(entry ${entries})
    if(IS_DIRECTORY ${PROJECT_SOURCE_DIR}/${entry})
      get_filename_component(name ${entry} NAME)
      if(NOT name IN_LIST ARGN)
        list(APPEND folders ${entry})
      endif()
    endif()
  endforeach()
  set(${out} ${folders} PARENT_SCOPE)
endfunction()
