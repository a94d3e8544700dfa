"""审查报告.html: one self-contained page (inline CSS, inline SVG, no script
needed) that reads on screen and prints on A4, one page break per agency."""

from __future__ import annotations

from html import escape

from .common import SEVERITY_CN, STATUS_ERROR, STATUS_PASS, STATUS_UNREADABLE, STATUS_WARNING, location

CSS = """
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Zen Hei","Microsoft YaHei","PingFang SC",
"SimSun",sans-serif;color:#1f2328;background:#fff;font-size:14px;line-height:1.6}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #b42318;padding-bottom:4px}
h3{font-size:16px;margin:18px 0 6px}
.meta{color:#57606a}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px 16px;min-width:150px}
.card b{display:block;font-size:26px;color:#b42318}.card.ok b{color:#1a7f37}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.s-error{color:#b42318;font-weight:bold}.s-warning{color:#9a6700;font-weight:bold}.s-info{color:#0969da}
.src{font-family:"Noto Sans Mono CJK SC",monospace;background:#f6f8fa;white-space:pre-wrap;word-break:break-all;font-size:12px}
.agency{margin-top:32px}
.agency h2{border-bottom-color:#0969da}
.ok{color:#1a7f37}
a{color:#0969da}
svg text{font-size:12px;fill:#1f2328}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{padding:0;font-size:11px}
 a{color:inherit;text-decoration:none}
 .agency{break-before:page;page-break-before:always;margin-top:0}
 table{page-break-inside:auto}tr{break-inside:avoid;page-break-inside:avoid}
 thead{display:table-header-group}
 .noprint{display:none}
}
"""


def _e(x) -> str:
    return escape(str(x), quote=True)


def bar_chart(pairs: list) -> str:
    """A horizontal bar chart (inline SVG) of (label, count)."""
    pairs = [(k, v) for k, v in pairs if v]
    if not pairs:
        return '<p class="ok">没有发现问题。</p>'
    top = max(v for _k, v in pairs)
    row_h, label_w, bar_w = 26, 150, 420
    h = row_h * len(pairs) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 70}" height="{h}" '
           f'role="img" aria-label="问题分类统计">']
    for i, (k, v) in enumerate(pairs):
        y = 5 + i * row_h
        w = max(2, round(bar_w * v / top))
        out.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{_e(k)}</text>'
                   f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" fill="#b42318"/>'
                   f'<text x="{label_w + w + 6}" y="{y + 17}">{v}</text>')
    out.append("</svg>")
    return "".join(out)


def findings_table(findings, fixes: dict, locs=None) -> str:
    """The table of one report's findings (rendered by the worker that checked it);
    ``locs``: their :func:`.common.location`, when already known."""
    if not findings:
        return '<p class="ok">未发现问题，无需整改。</p>'
    rows = []
    locs = locs or [location(f) for f in findings]
    for i, (f, loc) in enumerate(zip(findings, locs), 1):
        src = f.source.strip()
        rows.append(f'<tr><td class="n">{i}</td><td class="s-{f.severity}">{SEVERITY_CN[f.severity]}</td>'
                    f'<td>{_e(loc["where"])}</td><td>{_e(f.message)}<br><small>{_e(f.rule)} {_e(f.name)}</small></td>'
                    f'<td class="src">{_e(src[:300])}</td><td>{_e(fixes.get(f.rule, ""))}</td></tr>')
    return ('<table><thead><tr><th>序号</th><th>级别</th><th>位置</th><th>问题</th><th>原文</th>'
            '<th>如何修改</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def section(item, table: str) -> str:
    """One agency's part of the page: its heading and ``table`` (:func:`findings_table`)."""
    c = item.counts
    head = (f'<section class="agency" id="{item.anchor}"><h2>审查对象 {item.n}：{_e(item.display_name)}</h2>'
            f'<p class="meta">文件：{_e(item.path)}　层级：{_e(item.level or "未识别")}　'
            f'年度：{_e(item.year or "未识别")}　状态：{_e(item.status)}　'
            f'错误 {c["error"]} 个，警告 {c["warning"]} 个，提示 {c["info"]} 个'
            + (f'　整改清单：{_e(item.rectification)}' if item.rectification else "") + "</p>")
    return head + table + "</section>\n"


def page_head(items, missing, categories: list, top: list, total_findings: int) -> str:
    reviewed = [it for it in items if it.reviewed]
    unreadable = [it for it in items if it.status == STATUS_UNREADABLE]
    with_errors = [it for it in reviewed if it.status == STATUS_ERROR]
    passed = [it for it in reviewed if it.status == STATUS_PASS]
    share = f"{100 * len(passed) / len(reviewed):.1f}%" if reviewed else "—"
    out = ['<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width,initial-scale=1">',
           '<title>政府信息公开工作年度报告审查报告</title><style>', CSS, "</style></head><body>",
           '<header><h1>政府信息公开工作年度报告审查报告</h1>',
           f'<p class="meta">共收到 {len(items)} 个文件，审查报告 {len(reviewed)} 份；'
           f'依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。</p></header>',
           '<h2>总体情况</h2><div class="cards">',
           f'<div class="card"><b>{len(reviewed)}</b>审查的报告</div>',
           f'<div class="card"><b>{len(with_errors)}</b>有错误的报告</div>',
           f'<div class="card"><b>{len(unreadable)}</b>无法读取的文件</div>',
           f'<div class="card ok"><b>{share}</b>通过率（无错误、无警告）</div>',
           f'<div class="card"><b>{total_findings}</b>问题总数</div>',
           f'<div class="card"><b>{len(missing)}</b>未提交</div></div>']
    if unreadable:
        out.append("<h3>无法读取的文件</h3><table><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>")
        out.extend(f"<tr><td>{_e(it.path)}</td><td>{_e(it.reason)}</td></tr>" for it in unreadable)
        out.append("</tbody></table>")
    skipped = [it for it in items if it.status == "已跳过"]
    if skipped:
        out.append("<h3>已跳过的文件</h3><table><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>")
        out.extend(f"<tr><td>{_e(it.path)}</td><td>{_e(it.reason)}</td></tr>" for it in skipped)
        out.append("</tbody></table>")
    unknown = [it for it in reviewed if not it.agency or not it.year]
    if unknown:
        out.append("<h3>未能识别机关或年度的报告</h3><table><thead><tr><th>文件</th><th>机关</th><th>年度</th>"
                   "</tr></thead><tbody>")
        out.extend(f'<tr><td><a href="#{it.anchor}">{_e(it.path)}</a></td><td>{_e(it.agency or "未识别")}</td>'
                   f'<td>{_e(it.year or "未识别")}</td></tr>' for it in unknown)
        out.append("</tbody></table>")
    if missing:
        out.append("<h3>未提交报告的单位</h3><table><thead><tr><th>单位</th><th>层级</th><th>上级</th><th>名单中的文件</th>"
                   "</tr></thead><tbody>")
        out.extend(f"<tr><td>{_e(m.agency)}</td><td>{_e(m.level)}</td><td>{_e(m.parent)}</td><td>{_e(m.file)}</td></tr>"
                   for m in missing)
        out.append("</tbody></table>")
    out.append("<h2>问题分类</h2>")
    out.append(bar_chart(categories))
    out.append("<h2>最常见的问题</h2>")
    if top:
        out.append('<table><thead><tr><th>序号</th><th>规则</th><th>问题</th><th>出现次数</th><th>涉及报告</th></tr>'
                   "</thead><tbody>")
        out.extend(f'<tr><td class="n">{i}</td><td>{_e(code)}</td><td>{_e(summary)}</td><td class="n">{n}</td>'
                   f'<td class="n">{reports}</td></tr>' for i, (code, summary, n, reports) in enumerate(top, 1))
        out.append("</tbody></table>")
    else:
        out.append('<p class="ok">没有发现问题。</p>')
    out.append('<h2>各单位情况</h2><table id="agencies"><thead><tr><th>序号</th><th>单位</th><th>层级</th><th>年度</th>'
               "<th>错误</th><th>警告</th><th>提示</th><th>状态</th></tr></thead><tbody>")
    for i, it in enumerate(sorted(items, key=lambda x: x.severity_key()), 1):
        name = _e(it.display_name)
        link = f'<a href="#{it.anchor}">{name}</a>' if it.reviewed else name
        status_cls = {STATUS_ERROR: "s-error", STATUS_WARNING: "s-warning", STATUS_PASS: "ok"}.get(it.status, "")
        out.append(f'<tr><td class="n">{i}</td><td>{link}</td><td>{_e(it.level or "未识别")}</td>'
                   f'<td>{_e(it.year or "未识别")}</td><td class="n">{it.counts["error"]}</td>'
                   f'<td class="n">{it.counts["warning"]}</td><td class="n">{it.counts["info"]}</td>'
                   f'<td class="{status_cls}">{_e(it.status + ("（无需整改）" if it.status == STATUS_PASS else ""))}'
                   "</td></tr>")
    for m in missing:
        out.append(f'<tr><td class="n"></td><td>{_e(m.agency)}</td><td>{_e(m.level or "未识别")}</td><td>未识别</td>'
                   '<td class="n">0</td><td class="n">0</td><td class="n">0</td><td class="s-error">未提交</td></tr>')
    out.append("</tbody></table>")
    return "".join(out) + "\n"


PAGE_TAIL = '<footer class="meta"><p>本报告由 nianbao 生成。</p></footer></body></html>\n'
