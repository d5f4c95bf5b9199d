#include "converters/epub/stylesheet.hpp"

namespace sheaf::epub {

std::string_view builtin_stylesheet() {
  return R"css(@charset "UTF-8";
/* sheaf built-in stylesheet. Sizes are relative so the reader's font settings win. */

body {
  margin: 0 4%;
  line-height: 1.6;
  font-family: Georgia, "Times New Roman", serif;
  text-align: start;
  widows: 2;
  orphans: 2;
}
/* CJK text: fonts that have the glyphs, more leading, no synthetic italics. */
:lang(zh), :lang(zh-Hans) {
  font-family: "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
}
:lang(zh-Hant), :lang(zh-TW), :lang(zh-HK) {
  font-family: "Songti TC", "Noto Serif CJK TC", "Source Han Serif TC", "PMingLiU", serif;
}
:lang(ja) {
  font-family: "Hiragino Mincho ProN", "Noto Serif CJK JP", "Source Han Serif JP", "Yu Mincho", serif;
}
:lang(ko) {
  font-family: "AppleMyungjo", "Noto Serif CJK KR", "Source Han Serif KR", "Batang", serif;
}
:lang(zh) body, :lang(ja) body, :lang(ko) body, body:lang(zh), body:lang(ja), body:lang(ko) {
  line-height: 1.8;
  text-align: justify;
}
:lang(zh) em, :lang(ja) em, :lang(ko) em {
  font-style: normal;
  font-weight: bold;
}

h1, h2, h3, h4, h5, h6 {
  font-family: "Helvetica Neue", Arial, "PingFang SC", "Noto Sans CJK SC", "Hiragino Sans", sans-serif;
  line-height: 1.3;
  margin: 1.4em 0 0.6em;
  text-align: start;
  page-break-after: avoid;
  break-after: avoid;
}
h1 { font-size: 1.6em; }
h2 { font-size: 1.35em; }
h3 { font-size: 1.15em; }
h4, h5, h6 { font-size: 1em; }

p { margin: 0 0 0.9em; }
a { color: #1a4f8b; text-decoration: none; }

header.chapter-header { margin-bottom: 1.5em; }
header.chapter-header h1 { margin-top: 0.5em; }
.byline, .source { margin: 0.2em 0; font-size: 0.9em; color: #555; }
.source a { word-break: break-all; }

figure { margin: 1.2em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
img { max-width: 100%; height: auto; }
figcaption { margin-top: 0.4em; font-size: 0.9em; line-height: 1.5; color: #444; text-align: start; }
figcaption .credit { display: block; margin-top: 0.2em; font-size: 0.85em; color: #777; }
.remote-image, .image-missing { font-size: 0.9em; color: #555; }
p.remote-image { margin: 0; padding: 0.6em; border: 1px dashed #aaa; }

blockquote { margin: 1em 0 1em 1.2em; padding-left: 0.8em; border-left: 3px solid #ccc; color: #333; }
ul, ol { margin: 0 0 0.9em; padding-left: 1.8em; }
li { margin: 0.2em 0; }
li.task { list-style-type: none; }
dl { margin: 0 0 0.9em; }
dt { font-weight: bold; margin-top: 0.5em; }
dd { margin: 0 0 0.4em 1.5em; }
hr { border: 0; border-top: 1px solid #bbb; margin: 1.5em 20%; }

code, pre {
  font-family: "Source Code Pro", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  font-size: 0.9em;
}
pre {
  white-space: pre-wrap;
  word-wrap: break-word;
  margin: 0 0 0.9em;
  padding: 0.5em 0.7em;
  background-color: #f4f4f4;
  line-height: 1.4;
  text-align: left;
}
.math { font-family: "STIX Two Math", "Cambria Math", serif; }
.math.display { display: block; margin: 0.6em 0; text-align: center; }

table { border-collapse: collapse; margin: 1em 0; max-width: 100%; font-size: 0.95em; }
caption { caption-side: top; margin-bottom: 0.4em; font-size: 0.9em; color: #444; }
th, td { border: 1px solid #aaa; padding: 0.25em 0.5em; vertical-align: top; text-align: start; }
th { background-color: #eee; font-weight: bold; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }

sup a { text-decoration: none; }
section.footnotes { margin-top: 2em; border-top: 1px solid #bbb; font-size: 0.9em; }
h2.footnotes-title { font-size: 1em; }
aside.footnote { margin: 0.5em 0; }

nav ol { list-style-type: none; padding-left: 1em; }
nav > ol { padding-left: 0; }
section.cover { text-align: center; margin: 0; padding: 0; }
)css";
}

}  // namespace sheaf::epub
