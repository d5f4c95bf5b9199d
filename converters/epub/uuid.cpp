#include "converters/epub/uuid.hpp"

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace sheaf::epub {

std::string uuid_v5_urn(std::string_view name) {
  // The URL namespace is right for source URLs and harmless for paths and digests: what matters is
  // that it never changes.
  const boost::uuids::name_generator_sha1 generate(boost::uuids::ns::url());
  return "urn:uuid:" + boost::uuids::to_string(generate(name.data(), name.size()));
}

}  // namespace sheaf::epub
