#include "converters/epub/zip_package.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>

#include "core/error.hpp"

namespace sheaf::epub {
namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw Error(ErrorCode::internal, "zip: " + what + ": " + (error ? zip_error_strerror(error) : "failed"));
}

// MS-DOS date and time fields, computed from UTC without the C library's local time.
std::pair<zip_uint16_t, zip_uint16_t> dos_time(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  const sys_seconds lo = sys_days{year{1980} / January / 1};
  const sys_seconds hi = sys_days{year{2107} / December / 31} + hours{23} + minutes{59} + seconds{58};
  t = std::clamp(t, lo, hi);
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  const auto time = static_cast<zip_uint16_t>((hms.hours().count() << 11) | (hms.minutes().count() << 5) |
                                              (hms.seconds().count() / 2));
  const auto date = static_cast<zip_uint16_t>(((static_cast<int>(ymd.year()) - 1980) << 9) |
                                              (static_cast<unsigned>(ymd.month()) << 5) |
                                              static_cast<unsigned>(ymd.day()));
  return {time, date};
}

}  // namespace

std::string zip_archive(const std::vector<ZipEntry>& entries, std::chrono::sys_seconds mtime) {
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into this growable memory source; it must outlive the zip_t, hence
  // zip_source_keep before handing it to zip_open_from_source.
  SourcePtr memory(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!memory) fail("cannot create a memory buffer", &error);
  zip_source_keep(memory.get());
  ZipPtr archive(zip_open_from_source(memory.get(), ZIP_TRUNCATE, &error));
  if (!archive) {
    zip_source_free(memory.get());  // the reference zip_open_from_source did not take
    fail("cannot open the archive", &error);
  }
  const auto [dos_t, dos_d] = dos_time(mtime);
  for (const ZipEntry& entry : entries) {
    // The bytes are referenced, not copied: `entries` outlives zip_close below.
    zip_source_t* data = zip_source_buffer(archive.get(), entry.bytes.data(), entry.bytes.size(), 0);
    if (!data) fail("cannot add " + entry.name, zip_get_error(archive.get()));
    const zip_int64_t index = zip_file_add(archive.get(), entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      fail("cannot add " + entry.name, zip_get_error(archive.get()));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive.get(), i, entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                 entry.compress ? 9 : 0) != 0 ||
        zip_file_set_dostime(archive.get(), i, dos_t, dos_d, 0) != 0)
      fail("cannot set up " + entry.name, zip_get_error(archive.get()));
  }
  if (zip_close(archive.get()) != 0) fail("cannot write the archive", zip_get_error(archive.get()));
  archive.release();  // zip_close freed it

  zip_stat_t st;
  if (zip_source_stat(memory.get(), &st) != 0 || zip_source_open(memory.get()) != 0)
    fail("cannot read the archive back", zip_source_error(memory.get()));
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(memory.get(), out.data(), st.size);
  zip_source_close(memory.get());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail("short read of the archive", zip_source_error(memory.get()));
  return out;
}

std::vector<std::pair<std::string, std::string>> unzip_archive(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr source(zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error));
  if (!source) throw Error(ErrorCode::parse, "zip: cannot read the archive");
  ZipPtr archive(zip_open_from_source(source.get(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) throw Error(ErrorCode::parse, std::string("zip: ") + zip_error_strerror(&error));
  source.release();  // owned by the archive now
  std::vector<std::pair<std::string, std::string>> out;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
      throw Error(ErrorCode::parse, "zip: damaged entry");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0), zip_fclose);
    if (!file) throw Error(ErrorCode::parse, std::string("zip: cannot open ") + st.name);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    if (zip_fread(file.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size))
      throw Error(ErrorCode::parse, std::string("zip: cannot read ") + st.name);
    out.emplace_back(st.name, std::move(data));
  }
  return out;
}

}  // namespace sheaf::epub
