# vexil_module(NAME SOURCES … [MODULES …] [HEADERS …] [LIBS …])
#
# Makes the object library vexil_NAME from src/NAME/. Its only include folder is
# build/modules/NAME/, which holds links to src/NAME, to each src/ module named in MODULES, and, in
# vexil/, to the public headers of each group named in HEADERS (below). Nothing else is reachable,
# so a module that includes a module or a public header downstream of it fails to compile: the
# module order is enforced by the compiler, not by a list of exceptions.

# Public headers by the module that owns them. resources.h holds the resource stage's types, which
# the emblem module fills in and layout reads, so it sits with the model. `all` is the umbrella.
set(VEXIL_HEADERS_diag diagnostic.h)
set(VEXIL_HEADERS_geom geom.h)
set(VEXIL_HEADERS_model design.h kinds.h fields.h resources.h print.h)
set(VEXIL_HEADERS_load load.h)
set(VEXIL_HEADERS_scene scene.h)
set(VEXIL_HEADERS_layout layout.h)
set(VEXIL_HEADERS_render render.h)
set(VEXIL_HEADERS_gallery gallery.h)
set(VEXIL_HEADERS_compose random.h)
set(VEXIL_HEADERS_all vexil.h random.h gallery.h)

set(VEXIL_MODULES "" CACHE INTERNAL "")

function(vexil_module name)
  cmake_parse_arguments(PARSE_ARGV 1 M "" "" "SOURCES;MODULES;HEADERS;LIBS")
  set(dir ${PROJECT_BINARY_DIR}/modules/${name})
  file(REMOVE_RECURSE ${dir})
  file(MAKE_DIRECTORY ${dir}/vexil)
  foreach(module ${name} ${M_MODULES})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${module} ${dir}/${module} SYMBOLIC)
  endforeach()
  foreach(group ${M_HEADERS})
    foreach(header ${VEXIL_HEADERS_${group}})
      file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/vexil/${header} ${dir}/vexil/${header} SYMBOLIC)
    endforeach()
  endforeach()
  file(CREATE_LINK ${PROJECT_BINARY_DIR}/include/vexil/version.h ${dir}/vexil/version.h SYMBOLIC)
  add_library(vexil_${name} OBJECT ${M_SOURCES})
  target_include_directories(vexil_${name} PRIVATE ${dir})
  target_link_libraries(vexil_${name} PRIVATE vexil_warnings ${M_LIBS})
  set(VEXIL_MODULES ${VEXIL_MODULES} ${name} CACHE INTERNAL "")
endfunction()
