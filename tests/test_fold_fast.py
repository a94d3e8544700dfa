"""parse.normalize.fold takes shortcuts (compatibility characters replaced before the
NFKC check, str.replace instead of str.translate); it must equal the plain definition:
NFKC, then quotes dropped and dashes unified, then no whitespace."""

import random
import unicodedata

from nianbao.parse.normalize import _TABLE, fold


def _reference(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).translate(_TABLE).split())


def test_fold_equals_its_definition():
    rnd = random.Random(20261128)
    pool = ([chr(c) for c in range(0x20, 0x3100, 5)] + [chr(c) for c in range(0xFF00, 0xFFEF)]
            + list("\u3000\u2026\u00a0e\u0301\u0323\u0302ｅ（）．，：；“”《》—－–―─｡\"'　")
            + [chr(c) for c in range(0x1100, 0x11FF, 3)] + [chr(c) for c in range(0xAC00, 0xAC40)]
            + [chr(c) for c in range(0xF900, 0xFB00, 3)] + [chr(c) for c in range(0x2460, 0x24FF)]
            + list("政府信息公开工作年度报告"))
    texts = ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 40))) for _ in range(20000)]
    texts += ["（一）予以公开", "本报告根据《条例》（以下简称“条例”）编制。", "ｅ\u0301", "…　正文 ", ""]
    for t in texts:
        assert fold(t) == _reference(t), t
