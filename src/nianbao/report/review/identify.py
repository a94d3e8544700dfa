"""Who wrote a report, at which level of government, for which year.

Read from the title, the report's opening text and the file name, in that
order; a manifest (``--manifest 名单.csv``) overrides the guess.  Nothing is
guessed beyond what the words say: a report whose agency or year cannot be
read gets "" / 0 and the overview says so.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass

LEVELS = ("国务院部门", "省级人民政府", "市级人民政府", "县级人民政府", "部门", "乡镇", "街道")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_ORG_END = ("人民政府", "办公厅", "办公室", "委员会", "管理委员会", "街道办事处", "办事处", "总局", "局", "厅", "海关", "关区",
            "管委会",
            "委", "办", "部", "署", "院", "会", "中心", "所", "处", "室", "队", "站", "馆", "镇", "乡", "街道",
            "政府", "行", "社", "团", "公司", "集团")
_ORG_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, _ORG_END), key=len, reverse=True)) + ")$")
_NOISE_RE = [
    re.compile(r"^(?:标题|题目|名称)\s*[:：]\s*"),
    re.compile(r"【[^】]*】"),
    re.compile(r"\[[^\]]*\]"),
    re.compile(r"^(?:附件\s*\d*\s*[:：、]?\s*)"),
    re.compile(r"^[\dA-Za-z]{1,12}[-_－—、.．\s]+"),  # file codes "01-", "A3_"
    re.compile(r"^关于"),
    re.compile(r"(?:19|20)\d{2}\s*年度?$"),
    re.compile(r"^(?:19|20)\d{2}\s*年度?"),
    re.compile(r"[（(](?:19|20)\d{2}[）)]"),
]
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年?")
_SUFFIX_WORDS = ("政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开工作年度报告", "政务公开工作年度报告",
                 "年度报告", "政府信息公开工作报告", "报告")
# clutter of web pages before the name: "当前位置>首页>…", "发布单位:…主题分类:政务公开…", "标题…"
_CLUTTER_RE = re.compile(r"^.*(?:[:：>＞|｜]|当前位置|返回首页|首页|标题|主题分类|发布机构|发布单位|文章来源|来源|"
                         r"政府信息公开年度报告|政府信息公开年报|政府信息公开|政务公开|年度报告|年报)")
# a title line in the opening text: "东风路街道2024年政府信息公开工作年度报告"
_TITLE_LINE_RE = re.compile(r"^\s*#*\s*(.{2,40}?)\s*(?:(?:19|20)\d{2}\s*年度?)\s*政府信息公开(?:工作)?(?:年度报告|年报)\s*$",
                            re.M)
# "现公布XX2022年政府信息公开工作年度报告" / "结合XX政府信息公开工作实际" / "由XX编制"
_VERB_RE = re.compile(r"(?:现予?公布|现公开|现编制|现发布|梳理编制|结合|本年度报告由|本报告由|由)\s*(?:(?:19|20)\d{2}\s*年度?)?"
                      r"([\u4e00-\u9fff（）() ]{2,40}?)\s*(?:(?:19|20)\d{2}\s*年度?)?"
                      r"(?:政府信息公开|政务公开|信息公开|编制)")
# "2024年，松溪县统计局认真贯彻……" / "本机关（松溪县统计局）……"
_OPENING_RE = re.compile(r"(?:19|20)\d{2}\s*年(?:度)?[，,、]?\s*([\u4e00-\u9fff（）()]{2,30}?"
                         r"(?:人民政府办公厅|人民政府办公室|人民政府|街道办事处|委员会|办公厅|办公室|总局|局|厅|委|办|署|镇|乡|街道))"
                         r"(?=认真|深入|坚持|全面|严格|紧紧|紧密|围绕|以|在|按照|持续|始终|高度|积极|进一步|贯彻|坚决|扎实)")


@dataclass
class Identity:
    agency: str  # "" when not read
    agency_source: str  # 标题 / 正文 / 文件名 / 名单 / ""
    level: str  # one of LEVELS, "" when unknown
    year: int  # 0 when not read
    year_source: str  # 标题 / 统计期限 / 文件名 / 名单 / ""
    parent: str = ""  # from the manifest


def normalize_agency(name: str) -> str:
    """The agency name without stray labels, brackets, file codes and years."""
    s = unicodedata.normalize("NFKC", name or "")
    s = re.sub(r"\s+", "", s)
    rest = _CLUTTER_RE.sub("", s)
    if rest != s and len(rest) >= 2 and rest not in _ORG_END and _ORG_RE.search(rest):
        s = rest
    for _ in range(3):
        before = s
        for rx in _NOISE_RE:
            s = rx.sub("", s)
        s = s.strip(":：,，、.。·-—_ \"“”‘’《》")
        s = _strip_unbalanced(s)
        if s == before:
            break
    s = s.replace("(", "（").replace(")", "）")
    return s


def _strip_unbalanced(s: str) -> str:
    """Drop brackets at the ends that close or open nothing: "（松溪县统计局" -> "松溪县统计局"."""
    while s and s[0] in "(（" and s.count("（") + s.count("(") > s.count("）") + s.count(")"):
        s = s[1:]
    while s and s[-1] in ")）" and s.count("）") + s.count(")") > s.count("（") + s.count("("):
        s = s[:-1]
    if len(s) > 2 and s[0] in "(（" and s[-1] in ")）" and "（" not in s[1:-1] and "(" not in s[1:-1]:
        s = s[1:-1]  # wholly enclosed
    while s and s[0] in "）)":
        s = s[1:]
    while s and s[-1] in "（(":
        s = s[:-1]
    return s


def _looks_like_agency(name: str) -> bool:
    return 2 <= len(name) <= 40 and bool(re.search(r"[\u4e00-\u9fff]", name)) and bool(_ORG_RE.search(name))


def level_of(name: str) -> str:
    """The level of government an agency name says, "" when it says none."""
    if not name:
        return ""
    if "街道" in name and re.search(r"(?:街道办事处|街道)(?:办公室)?$", name):
        return "街道"
    if re.search(r"[镇乡](?:人民政府)?$", name):
        return "乡镇"
    m = re.match(r"^(.*?)人民政府(?:办公厅|办公室)?$", name)
    if m and not re.search(r"人民政府(?:办公厅|办公室)$", name):
        place = m.group(1)
        if place in _MUNICIPALITIES or re.search(r"(?:省|自治区|特别行政区)$", place):
            return "省级人民政府"
        if re.search(r"(?:县|旗|区|自治县)$", place):
            return "县级人民政府"
        if re.search(r"(?:市|州|盟|地区)$", place):
            return "市级人民政府"
    if not re.search(r"[省市县区州旗盟镇乡]|自治|街道", name) and (name.startswith(("国家", "国务院", "中国", "中华人民共和国"))
                                                         or re.search(r"(?:部|委员会|总局|总署|署|银行)$", name)):
        return "国务院部门"
    return "部门"


def _agency_in(text: str) -> str:
    """The agency name ``text`` is, without report words at its end; "" when it is none."""
    name = normalize_agency(text)
    for w in _SUFFIX_WORDS:
        if name.endswith(w):
            name = normalize_agency(name[: -len(w)])
    return name if _looks_like_agency(name) else ""


def _from_title(title_agency: str, title: str) -> str:
    return next((n for n in map(_agency_in, (title_agency, title)) if n), "")


def _from_opening(preamble: str) -> str:
    for rx in (_TITLE_LINE_RE, _VERB_RE, _OPENING_RE):
        for m in rx.finditer(preamble):
            name = _agency_in(m.group(1))
            if name:
                return name
    return ""


def _from_file_name(path: str) -> tuple:
    stem = os.path.splitext(os.path.basename(path))[0]
    name = normalize_agency(stem)
    year = 0
    m = _YEAR_RE.search(stem)
    if m:
        year = int(m.group(1))
    for w in _SUFFIX_WORDS:
        i = name.find(w)
        if i > 0:
            name = name[:i]
            break
    name = normalize_agency(re.sub(r"(?:19|20)\d{2}\s*年?度?", "", name))
    return (name if _looks_like_agency(name) else ""), year


def identify(path: str, record) -> Identity:
    agency, source = "", ""
    if record is not None:
        agency = _from_title(record.title_agency, record.title)
        source = "标题" if agency else ""
        if not agency:
            agency = _from_opening(record.preamble)
            source = "正文" if agency else ""
    file_agency, file_year = _from_file_name(path)
    if not agency and file_agency:
        agency, source = file_agency, "文件名"
    year, ysource = 0, ""
    if record is not None and record.title_year:
        year, ysource = record.title_year, "标题"
    elif record is not None and record.period_year:
        year, ysource = record.period_year, "统计期限"
    elif file_year:
        year, ysource = file_year, "文件名"
    return Identity(agency, source, level_of(agency), year, ysource)


# ---------------------------------------------------------------------------
# the manifest


class ManifestError(Exception):
    pass


_COLUMNS = {"file": ("file", "文件", "文件名", "报告文件"), "agency": ("agency", "机关", "单位", "机关名称", "单位名称"),
            "level": ("level", "层级", "级别"), "parent": ("parent", "上级", "上级单位", "上级机关")}


@dataclass
class ManifestRow:
    file: str
    agency: str
    level: str
    parent: str
    line: int


def read_manifest(path: str) -> list:
    """Rows of a manifest CSV (UTF-8, with or without BOM, or GBK)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ManifestError(f"{path}：无法读取单位名单（{exc.strerror or exc}）") from None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes every byte string
        raise ManifestError(f"{path}：单位名单不是 UTF-8 或 GBK 编码")
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise ManifestError(f"{path}：单位名单是空的")
    head = [h.strip().lower() for h in rows[0]]
    index = {}
    for key, names in _COLUMNS.items():
        for i, h in enumerate(head):
            if h in names:
                index[key] = i
                break
    if "agency" not in index:
        raise ManifestError(f"{path}：单位名单第 1 行应是表头，并有 agency（或“机关名称”）列")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        def get(k):
            i = index.get(k)
            return row[i].strip() if i is not None and i < len(row) else ""
        if not any(c.strip() for c in row):
            continue
        level = get("level")
        if level and level not in LEVELS:
            raise ManifestError(f"{path}:{n}：层级“{level}”应是 {'、'.join(LEVELS)} 之一")
        out.append(ManifestRow(get("file"), re.sub(r"\s+", "", get("agency")), level, get("parent"), n))
    return out


class Manifest:
    def __init__(self, rows: list):
        self.rows = rows
        self.used = set()

    def match_index(self, path: str):
        """Index of the row for ``path`` (by relative path ending or by file name), or None."""
        norm = path.replace(os.sep, "/")
        base = os.path.basename(norm)
        best = None
        for i, r in enumerate(self.rows):
            f = r.file.replace("\\", "/").strip("/")
            if not f:
                continue
            if norm == f or norm.endswith("/" + f) or (("/" not in f) and base == f):
                best = i
                break
        return best

    def apply(self, path: str, ident: Identity) -> tuple:
        """(identity, index of the manifest row used or None); the manifest wins."""
        i = self.match_index(path)
        if i is None:
            return ident, None
        r = self.rows[i]
        level = r.level or level_of(r.agency)
        return Identity(r.agency, "名单", level, ident.year, ident.year_source, r.parent), i

    def mark_used(self, index) -> None:
        if index is not None:
            self.used.add(index)

    def missing(self, agencies_seen: set) -> list:
        """Rows whose report did not come: no file of theirs was reviewed."""
        return [r for i, r in enumerate(self.rows) if i not in self.used and r.agency not in agencies_seen]
