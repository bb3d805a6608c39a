# Installs the built vexil into a scratch prefix, then configures, builds and runs the consumer
# against it: the exported package works for a project that is not vexil.
set(prefix "${BUILD_DIR}/package-test/prefix")
set(consumer "${BUILD_DIR}/package-test/consumer")
file(REMOVE_RECURSE "${BUILD_DIR}/package-test")
foreach(step
    "${CMAKE_COMMAND};--install;${BUILD_DIR};--prefix;${prefix}"
    "${CMAKE_COMMAND};-S;${SOURCE_DIR}/tests/package;-B;${consumer};-DCMAKE_PREFIX_PATH=${prefix};-DCMAKE_BUILD_TYPE=Release"
    "${CMAKE_COMMAND};--build;${consumer}"
    "${consumer}/consumer")
  execute_process(COMMAND ${step} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "package test failed at: ${step}\n${out}\n${err}")
  endif()
endforeach()
message(STATUS "package test: ${out}")

# The installed program: its manual page, completions and plugins are where a system looks for
# them, and it draws lettering and finishes a CMYK PDF with the plugins installed beside it.
include(GNUInstallDirs)
foreach(file
    "bin/vexil" "share/man/man1/vexil.1" "share/bash-completion/completions/vexil"
    "share/zsh/site-functions/_vexil" "share/fish/vendor_completions.d/vexil.fish"
    "${CMAKE_INSTALL_LIBDIR}/vexil/libvexil-text.so" "${CMAKE_INSTALL_LIBDIR}/vexil/libvexil-finish.so"
    "${CMAKE_INSTALL_LIBDIR}/vexil/libvexil-emblem.so")
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "package test: ${file} was not installed")
  endif()
endforeach()
execute_process(COMMAND "${prefix}/bin/vexil" render "${SOURCE_DIR}/designs/brazil.toml" -o
                        "${BUILD_DIR}/package-test/brazil.pdf" --colors cmyk
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT EXISTS "${BUILD_DIR}/package-test/brazil.pdf")
  message(FATAL_ERROR "package test: the installed vexil could not render Brazil: ${err}")
endif()
