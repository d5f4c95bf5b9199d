// Plain-scalar typing follows Jekyll's YAML loader (Psych, YAML 1.1); see docs/formats/jekyll.md.
#include "converters/jekyll/yaml_scalar.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sheaf::jekyll {
namespace {

MetaValue str(const char* s) { return MetaValue{std::string(s)}; }
MetaValue integer(std::int64_t i) { return MetaValue{i}; }

TEST(YamlScalar, NullForms) {
  for (const char* s : {"", "~", "null", "Null", "NULL", "nULL"})
    EXPECT_EQ(resolve_plain_scalar(s), MetaValue{MetaNull{}}) << s;
}

TEST(YamlScalar, BooleansInAnyCase) {
  for (const char* s : {"true", "True", "TRUE", "tRuE", "yes", "Yes", "YES", "on", "On", "ON"})
    EXPECT_EQ(resolve_plain_scalar(s), MetaValue{true}) << s;
  for (const char* s : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
    EXPECT_EQ(resolve_plain_scalar(s), MetaValue{false}) << s;
}

TEST(YamlScalar, NearBooleansStayText) {
  for (const char* s : {"y", "n", "Yes.", "truely", "t", "nope", "onward"})
    EXPECT_EQ(resolve_plain_scalar(s), str(s)) << s;
}

TEST(YamlScalar, DecimalIntegers) {
  EXPECT_EQ(resolve_plain_scalar("0"), integer(0));
  EXPECT_EQ(resolve_plain_scalar("42"), integer(42));
  EXPECT_EQ(resolve_plain_scalar("-17"), integer(-17));
  EXPECT_EQ(resolve_plain_scalar("+5"), integer(5));
  EXPECT_EQ(resolve_plain_scalar("2013"), integer(2013));
  EXPECT_EQ(resolve_plain_scalar("1_000_000"), integer(1000000));
  EXPECT_EQ(resolve_plain_scalar("1__0"), str("1__0"));
  EXPECT_EQ(resolve_plain_scalar("1_"), str("1_"));
}

TEST(YamlScalar, HexOctalBinaryIntegers) {
  EXPECT_EQ(resolve_plain_scalar("0x1F"), integer(31));
  EXPECT_EQ(resolve_plain_scalar("0xff_ff"), integer(65535));
  EXPECT_EQ(resolve_plain_scalar("-0x10"), integer(-16));
  EXPECT_EQ(resolve_plain_scalar("0o17"), integer(15));
  EXPECT_EQ(resolve_plain_scalar("0755"), integer(493));  // YAML 1.1 octal
  EXPECT_EQ(resolve_plain_scalar("0b101"), integer(5));
  EXPECT_EQ(resolve_plain_scalar("0X1F"), str("0X1F"));  // markers are lower case
  EXPECT_EQ(resolve_plain_scalar("08"), str("08"));      // not octal, not decimal
  EXPECT_EQ(resolve_plain_scalar("0x"), str("0x"));
  EXPECT_EQ(resolve_plain_scalar("0b102"), str("0b102"));
}

TEST(YamlScalar, IntegersBeyondInt64StayText) {
  EXPECT_EQ(resolve_plain_scalar("9223372036854775807"),
            integer(std::numeric_limits<std::int64_t>::max()));
  EXPECT_EQ(resolve_plain_scalar("-9223372036854775808"),
            integer(std::numeric_limits<std::int64_t>::min()));
  EXPECT_EQ(resolve_plain_scalar("9223372036854775808"), str("9223372036854775808"));
  EXPECT_EQ(resolve_plain_scalar("0x1FFFFFFFFFFFFFFFF"), str("0x1FFFFFFFFFFFFFFFF"));
}

TEST(YamlScalar, Floats) {
  EXPECT_EQ(resolve_plain_scalar("1.5"), MetaValue{1.5});
  EXPECT_EQ(resolve_plain_scalar("-0.25"), MetaValue{-0.25});
  EXPECT_EQ(resolve_plain_scalar(".5"), MetaValue{0.5});
  EXPECT_EQ(resolve_plain_scalar("+.5"), MetaValue{0.5});
  EXPECT_EQ(resolve_plain_scalar("5."), MetaValue{5.0});
  EXPECT_EQ(resolve_plain_scalar("1_000.5"), MetaValue{1000.5});
  EXPECT_EQ(resolve_plain_scalar("1.5e+3"), MetaValue{1500.0});
  EXPECT_EQ(resolve_plain_scalar("2.e-1"), MetaValue{0.2});
  EXPECT_EQ(resolve_plain_scalar("1.0e+999"), MetaValue{std::numeric_limits<double>::infinity()});
}

TEST(YamlScalar, SpecialFloats) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(resolve_plain_scalar(".inf"), MetaValue{inf});
  EXPECT_EQ(resolve_plain_scalar("+.Inf"), MetaValue{inf});
  EXPECT_EQ(resolve_plain_scalar("-.INF"), MetaValue{-inf});
  const MetaValue nan = resolve_plain_scalar(".NaN");
  ASSERT_TRUE(std::holds_alternative<double>(nan.value));
  EXPECT_TRUE(std::isnan(std::get<double>(nan.value)));
}

TEST(YamlScalar, NotQuiteNumbersStayText) {
  for (const char* s : {".", "+.", "-", "1.2.3", "1.5e3", "1e5", "1.5e+", "1,000", "12:30",
                        "1:30:00", "3 apples", "v1.2", "0x1G", "--1"})
    EXPECT_EQ(resolve_plain_scalar(s), str(s)) << s;
}

TEST(YamlScalar, DatesAndTimesStayAsWritten) {
  for (const char* s : {"2024-06-25", "2013-3-17", "2024-06-25T23:35:57.314Z",
                        "2024-06-25 10:00:00 +0800", "2010-01-09 13:59:59 -08:00"})
    EXPECT_EQ(resolve_plain_scalar(s), str(s)) << s;
}

TEST(YamlScalar, WordsAndCjkStayText) {
  for (const char* s : {"post", "hello world", "自由亚洲电台", "~tilde", "null-ish", "Nothing"})
    EXPECT_EQ(resolve_plain_scalar(s), str(s)) << s;
}

}  // namespace
}  // namespace sheaf::jekyll
