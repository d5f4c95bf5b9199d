"""Deterministic benchmark inputs for bench/run (Python standard library only).

Everything is generated from a fixed seed, so two runs (and two machines) convert the same bytes.
The text is made up here from word pools; no article text is copied. Nothing large is committed:
the inputs are written to the work folder (default /tmp/sheaf-bench) and reused while the
generator version and the parameters are unchanged.
"""
import os
import random

GENERATOR_VERSION = 1

# Made-up vocabulary in the shape of the news mirror: Chinese with some Latin, digits and names.
CJK_NOUNS = (
    "城市 图书馆 居民 工程 数字化 计划 委员会 报告 公园 交通 学校 医院 市场 河流 文化 历史 社区 "
    "记者 政府 项目 资料 调查 读者 建筑 年轻人 周末 系统 网站 团队 会议 档案馆 志愿者 博物馆 "
    "地铁站 菜市场 老街区 研究所 出版社 气象台 体育馆 火车站 大学生 退休教师 设计师 工程师"
).split()
CJK_VERBS = (
    "表示 宣布 完成 启动 介绍 发布 讨论 提出 参观 修复 扩建 开放 关闭 支持 记录 整理 调整 "
    "公布 评估 改造 邀请 回应 解释 推迟 增加 减少"
).split()
CJK_LINKS = "的 在 和 与 对 将 已经 正在 计划 并且 同时 因此 此外 据介绍".split()
LATIN_WORDS = (
    "city library council reading room repair archive survey volunteers station market river "
    "district school report data project museum weekend budget transit opening hours digital "
    "scan catalogue committee review update plan residents visitors staff"
).split()
NAMES = "林晓雯 陈思 赵明 孙悦 王立 周宁 吴桐 郑远 何佳 许朗".split()
SECTIONS = "culture city science opinion world local business".split()


def _cjk_sentence(rng):
    parts = []
    for _ in range(rng.randint(2, 4)):
        clause = "".join(
            rng.choice(CJK_NOUNS) + rng.choice(CJK_LINKS) + rng.choice(CJK_NOUNS) + rng.choice(CJK_VERBS)
            for _ in range(rng.randint(1, 2)))
        roll = rng.random()
        if roll < 0.15:
            clause += f"{rng.randint(2, 98)}%"
        elif roll < 0.3:
            clause += f"{rng.randint(1990, 2025)}年"
        elif roll < 0.38:
            clause += " " + " ".join(rng.choice(LATIN_WORDS) for _ in range(rng.randint(1, 3))) + " "
        parts.append(clause)
    return "，".join(parts) + rng.choice("。。。！？")


def _latin_sentence(rng):
    words = [rng.choice(LATIN_WORDS) for _ in range(rng.randint(6, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, latin=False):
    make = _latin_sentence if latin else _cjk_sentence
    return (" " if latin else "").join(make(rng) for _ in range(rng.randint(2, 5)))


def _title(rng):
    return rng.choice(CJK_NOUNS) + rng.choice(CJK_NOUNS) + rng.choice(CJK_VERBS) + " " + \
        rng.choice(CJK_NOUNS) + rng.choice(CJK_VERBS)


def _esc(text):
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _figure(rng, url, n):
    cap = _cjk_sentence(rng) + "（样例通讯社）"
    return (f'<p></p><figure class="image-richtext image-inline captioned" style="width:800px;">'
            f'<img alt="{_esc(cap)}" height="533" src="{url}/photo-{n}.jpg/@@images/figure-{n:04d}.jpeg" '
            f'title="photo-{n}.jpg" width="800" referrerpolicy="no-referrer">'
            f'<figcaption class="image-caption">{cap}</figcaption><small></small>'
            f'<div id="zoomattribute"><a data-caption="{_esc(cap)}" data-fancybox="" '
            f'href="{url}/photo-{n}.jpg" id="single_image" title="{_esc(cap)}">'
            f'<img src="https://news.example.org/++resources/img/icon-zoom.png" '
            f'referrerpolicy="no-referrer"></a></div></figure><p></p>')


def _html_body(rng, url, title, scale):
    cap = _cjk_sentence(rng)
    out = [
        f'<img src="{url}/@@images/lead-0001.jpeg" alt="{_esc(title)}" title="{_esc(title)}" '
        f'height="400" width="600" referrerpolicy="no-referrer">                        '
        f'<span class="lead_image_caption">{cap}</span>            <div id="zoomattribute">'
        f'                      <a id="single_image" href="{url}/@@images/image/social_media" '
        f'data-fancybox="" data-caption="{_esc(cap)}" title="{_esc(cap)}">                 '
        f'<img src="https://news.example.org/++resources/img/icon-zoom.png" '
        f'referrerpolicy="no-referrer">              </a>                          '
        f'<span class="copyright">样例图片社</span>                   </div> <!-- zoomattribute -->'
        f'                  <p>{paragraph(rng)}</p><ul>',
    ]
    for k in range(3):
        out.append(f'<li><a href="https://news.example.org/{rng.choice(SECTIONS)}/related-{k}.html">'
                   f'<strong>{_title(rng)}&nbsp;&nbsp; {_title(rng)}</strong></a></li>')
    out.append("</ul>")
    for n in range(21 * scale):
        if n % 6 == 5:
            out.append(_figure(rng, url, n))
        elif n % 9 == 8:
            out.append(f"<p>{paragraph(rng, latin=True)}</p>")
        else:
            out.append(f'<p><span style="font-weight: 400;">{paragraph(rng)}</span></p>')
    a, b, c = rng.sample(NAMES, 3)
    out.append(f'<p><span style="font-weight: 400;"></span></p><p><span style="font-weight: 400;">'
               f'记者：{a}&nbsp;&nbsp;&nbsp; 责编：{b}&nbsp;&nbsp;&nbsp; 网编：{c}</span></p>')
    return "<div>\n" + "".join(out) + "\n</div>\n"


def _markdown_body(rng, url, scale):
    out = []
    for n in range(6 * scale):
        out.append(f"## {_title(rng)}\n")
        out.append(f"{paragraph(rng)} **{rng.choice(CJK_NOUNS)}**{paragraph(rng)}"
                   f"[{rng.choice(CJK_NOUNS)}](https://news.example.org/{rng.choice(SECTIONS)}/{n}.html)"
                   f"*{rng.choice(LATIN_WORDS)}*。\n")
        kind = n % 4
        if kind == 0:
            out.extend(f"- {_cjk_sentence(rng)}\n" for _ in range(rng.randint(2, 5)))
        elif kind == 1:
            out.extend(f"{i + 1}. {_latin_sentence(rng)}\n" for i in range(rng.randint(2, 4)))
        elif kind == 2:
            out.append(f"> {paragraph(rng)}\n")
        else:
            out.append("| 项目 | 数量 | note |\n| --- | ---: | --- |\n")
            out.extend(f"| {rng.choice(CJK_NOUNS)} | {rng.randint(1, 9999)} | {rng.choice(LATIN_WORDS)} |\n"
                       for _ in range(rng.randint(2, 6)))
        out.append("\n")
        out.append(f"{paragraph(rng, latin=bool(n % 3 == 0))}\n\n")
    return "\n".join(out)


def write_posts(folder, count, seed):
    """`count` Jekyll posts in the news-mirror shape, sizes 1x-8x the reference, every fourth one
    Markdown-structured (headings, lists, quotes, tables) instead of one raw HTML block."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    names = []
    for i in range(count):
        scale = 1 + (i * 7 + rng.randint(0, 7)) % 8  # every size 1x..8x, spread evenly
        year, day = 2020 + (i // 360) % 6, i % 360
        month, mday = 1 + day // 30, 1 + day % 28
        section = rng.choice(SECTIONS)
        title = _title(rng)
        url = f"https://news.example.org/{section}/{year}/{month:02d}/post-{i:04d}.html"
        body = _markdown_body(rng, url, scale) if i % 4 == 3 else _html_body(rng, url, title, scale)
        text = (f'---\nlayout: post\ntitle: "{title}"\n'
                f"date: {year}-{month:02d}-{mday:02d}T08:{i % 60:02d}:30.120Z\n"
                f"author: 样例通讯社\nfrom: {url}\ntags: [ 样例通讯社 ]\ncomments: True\n"
                f"categories: [ 样例通讯社 ]\n---\n<!--{1741940130120 + i}-->\n"
                f"[{title}]({url})\n------\n\n{body}")
        name = os.path.join(folder, f"{year}-{month:02d}-{mday:02d}-post-{i:04d}.md")
        with open(name, "w", encoding="utf-8") as f:
            f.write(text)
        names.append(name)
    return names


def write_page(path, target_bytes, seed):
    """One HTML page of about `target_bytes`: sections with headings, CJK and Latin paragraphs,
    lists, tables and figures. A smaller target gives a prefix-shaped page of the same mix."""
    rng = random.Random(seed)
    parts = ['<!DOCTYPE html>\n<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n'
             "<title>样例长页面 benchmark page</title>\n</head>\n<body>\n<article>\n"
             "<h1>样例长页面</h1>\n"]
    size = sum(len(p.encode()) for p in parts)
    n = 0
    while size < target_bytes:
        sec = [f'<section id="s{n}">\n<h2>{_title(rng)}</h2>\n']
        for k in range(6):
            sec.append(f"<p>{paragraph(rng, latin=(k % 3 == 2))} <a href=\"https://news.example.org/{n}/{k}\">"
                       f"{rng.choice(CJK_NOUNS)}</a> <em>{rng.choice(LATIN_WORDS)}</em></p>\n")
        kind = n % 3
        if kind == 0:
            sec.append("<ul>\n" + "".join(f"<li>{_cjk_sentence(rng)}</li>\n" for _ in range(5)) + "</ul>\n")
        elif kind == 1:
            sec.append("<table>\n<thead><tr><th>项目</th><th>数量</th><th>note</th></tr></thead>\n<tbody>\n"
                       + "".join(f"<tr><td>{rng.choice(CJK_NOUNS)}</td><td>{rng.randint(1, 9999)}</td>"
                                 f"<td>{_latin_sentence(rng)}</td></tr>\n" for _ in range(6))
                       + "</tbody>\n</table>\n")
        else:
            sec.append(f'<figure><img src="https://news.example.org/img/{n}.jpg" alt="{rng.choice(CJK_NOUNS)}">'
                       f"<figcaption>{_cjk_sentence(rng)}</figcaption></figure>\n"
                       f"<ol>\n" + "".join(f"<li>{_latin_sentence(rng)}</li>\n" for _ in range(3)) + "</ol>\n")
        sec.append("</section>\n")
        chunk = "".join(sec)
        parts.append(chunk)
        size += len(chunk.encode())
        n += 1
    parts.append("</article>\n</body>\n</html>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return os.path.getsize(path)
