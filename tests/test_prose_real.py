"""The prose rules on every real report of ../shared/corpus (skipped when absent).

Each finding listed here was read against the report and found true (the
reading is recorded in docs/prose-rules.md); any new finding, or a listed one
that goes away, fails the test.  The real set is mostly excerpts that stop
mid-report: rules about what a section lacks keep quiet on a section the text
ends in, so these files give few findings.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import SHARED, check_file  # noqa: E402

from nianbao.config import Config, resolve  # noqa: E402
from nianbao.engine import check_document  # noqa: E402
from nianbao.load import load_path  # noqa: E402

CORPUS = SHARED / "corpus"
PROSE_RULES = ("NB301", "NB303", "NB304", "NB305", "NB306", "NB307", "NB308", "NB31", "NB4")

CONFIRMED = {
    'guanting-town-2024.txt': [
        '3:5 NB303 依申请公开',
        '3:5 NB303 政府信息管理',
        '3:5 NB303 政府信息公开平台建设',
        '3:5 NB303 工作考核',
        '3:5 NB303 社会评议',
        '3:5 NB303 责任追究',
        '70:5 NB305',
        '78:6 NB301',
    ],
    'huaian-city-2024.pdf': [
        '9:1 NB303 社会评议',
        '9:1 NB303 责任追究',
        '18:1 NB305',
    ],
    'huaian-hongze-district-2023.pdf': [
        '10:1 NB303 工作考核',
        '10:1 NB303 社会评议',
        '10:1 NB303 责任追究',
        '15:1 NB305',
    ],
    'huaian-hongze-district-2024.pdf': [
        '9:1 NB303 社会评议',
        '9:1 NB303 责任追究',
        '16:1 NB305',
    ],
    'real/015_cangzhou-wjw-2023.txt': [
        '15:14 NB308',
    ],
    'real/024_wuhan-qingshan-hbj-2024.txt': [
        '11:1 NB312',
    ],
    'real/029_quanzhou-luojiang-jyj-2021.txt': [
        '5:162 NB308',
    ],
    'real/030_unknown-qu-jyj-2021-mixedtemplate.txt': [
        '2:1 NB303 政府信息公开平台建设',
    ],
    'real/031_tianzhen-xfj-2021.txt': [
        '4:1 NB303 政府信息公开平台建设',
    ],
    'real/034_weihai-wendeng-zhxzzfj-2021-p3.txt': [
        '12:20 NB311',
    ],
    'real/036_xjnlk-zhen-2023.txt': [
        '2:1 NB303 主动公开',
        '2:1 NB303 依申请公开',
        '2:1 NB303 政府信息管理',
        '2:1 NB303 政府信息公开平台建设',
        '2:1 NB303 监督保障',
    ],
    'real/037_kaili-wanchao-zhen-2023.txt': [
        '6:120 NB308',
        '8:1 NB303 依申请公开',
        '8:1 NB303 工作考核',
        '8:1 NB303 社会评议',
        '8:1 NB303 责任追究',
    ],
    'real/039_xiliu-zhen-2023-spam-mirror.txt': [
        '2:163 NB308',
        # the prose says 0 行政规范性文件 made and 0 in force; table 二 (read since pipe rows
        # without a leading pipe are read) says 4 made, 32 in force
        '6:57 NB401',
        '6:80 NB401',
    ],
    'real/041_dabu-sanhe-zhen-2023.txt': [
        '4:1 NB303 工作考核',
        '4:1 NB303 社会评议',
        '4:1 NB303 责任追究',
    ],
    'real/042_ningdu-duifang-xiang-2023.txt': [
        '14:70 NB308',
        '16:5 NB303 社会评议',  # 总体情况 has 考核 and 追究 but no 评议
    ],
    # 总体情况 is bounded since "二、主动公开信息情况" is read as section 二 (NB104): it mentions
    # 主动公开, 依申请公开, the website and WeChat, 组织保障, but not 政府信息管理, 考核 or 追究
    'real/038_zhangjiagang-fenghuang-zhen-2023.txt': [
        '10:1 NB303 政府信息管理',
        '10:1 NB303 工作考核',
        '10:1 NB303 责任追究',
    ],
    # the flattened 2019 report: its 总体情况 (now found inside the one long line) says nothing
    # of 依申请公开 or 责任追究 (it has 考核)
    'real/001_pingtan-2019-full-flattext.txt': [
        '11:449 NB303 依申请公开',
        '11:449 NB303 责任追究',
    ],
    'real/043_taojiang-songmutang-zhen-2022.txt': [
        '5:1 NB303 政府信息公开平台建设',
    ],
    'real/055_yiwu-niansanli-jd-2023-traditional.txt': [
        '11:16 NB314',
    ],
    'shanghai-science-commission-2024.md': [
        '34:31 NB311',
    ],
    'shuyang-county-2025-ocr.txt': [
        '8:4 NB303 社会评议',
        '8:4 NB303 责任追究',
        '175:4 NB305',
    ],
    'template-2021-blank.docx': [
        '2:1 NB303 主动公开',
        '2:1 NB303 依申请公开',
        '2:1 NB303 政府信息管理',
        '2:1 NB303 政府信息公开平台建设',
        '2:1 NB303 监督保障',
        '7:1 NB304',
    ],
}


def _reports() -> list:
    if not CORPUS.is_dir():
        return []
    files = [p for p in CORPUS.iterdir() if p.is_file()] + [p for p in (CORPUS / "real").glob("*") if p.is_file()]
    return sorted(p for p in files if p.suffix in (".txt", ".md", ".pdf", ".docx", ".html")
                  and p.name not in ("INDEX.md", "README.md"))


def _key(f) -> str:
    m = re.search(r"「([^」]+)」", f.message) if f.rule == "NB303" else None
    return f"{f.start.line}:{f.start.column} {f.rule}" + (f" {m.group(1)}" if m else "")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", _reports(), ids=lambda p: p.relative_to(CORPUS).as_posix())
def test_real_report_gives_only_confirmed_prose_findings(path):
    if path.suffix == ".pdf":
        pytest.importorskip("pypdfium2")
    if path.suffix == ".docx":
        pytest.importorskip("docx")
    got = sorted((_key(f) for f in check_file(path, select=PROSE_RULES)),
                 key=lambda s: (int(s.split(":")[0]), int(s.split(":")[1].split()[0]), s))
    want = CONFIRMED.get(path.relative_to(CORPUS).as_posix(), [])
    assert got == sorted(want, key=lambda s: (int(s.split(":")[0]), int(s.split(":")[1].split()[0]), s))


@pytest.mark.skipif(not (CORPUS / "huaian-hongze-district-2024.pdf").is_file(), reason="../shared/corpus is absent")
def test_real_pair_compared_and_consistent():
    """洪泽区 2023 and 2024 (titles “洪泽区人民政府” and “淮安市洪泽区人民政府”) pair up;
    the carry-over (0/0), 现行有效 (5 + 3 − 0 = 8) and the text agree: nothing to say."""
    pytest.importorskip("pypdfium2")
    from nianbao.pairing import pair_paths
    rules = resolve(Config(select=["NB41"]))
    a, b = (str(CORPUS / f"huaian-hongze-district-{y}.pdf") for y in (2023, 2024))
    assert pair_paths([a, b], rules.template) == {b: a}
    assert check_document(load_path(b), rules, load_path(a)) == []
