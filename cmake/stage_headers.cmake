# cmake -DSOURCE_DIR=... -DSTAGE=... -DHEADERS=a;b -P stage_headers.cmake
# Copies each header to STAGE/sheaf/<path relative to SOURCE_DIR> (include/sheaf/sheaf.hpp to
# STAGE/sheaf/sheaf.hpp), turning the tree's includes "core/x.hpp" and "converters/x.hpp" into
# "sheaf/core/x.hpp" and "sheaf/converters/x.hpp", the paths they have once installed.
file(REMOVE_RECURSE ${STAGE}/sheaf)
foreach(header ${HEADERS})
  file(RELATIVE_PATH rel ${SOURCE_DIR} ${header})
  string(REGEX REPLACE "^include/sheaf/" "" rel "${rel}")
  file(READ ${header} text)
  string(REGEX REPLACE "#include \"(core|converters)/" "#include \"sheaf/\\1/" text "${text}")
  file(WRITE ${STAGE}/sheaf/${rel} "${text}")
endforeach()
