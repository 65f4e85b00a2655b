"""Generate consistent variant documents from the four seed texts, for tests and benchmarks.

    python bench/generate_corpus.py N OUTDIR [--seed S]

Each variant takes one seed (round robin) and changes three things consistently, so that every
identity the seed satisfies still holds exactly in the variant:
- department and unit names, detected generically from the seed ('单位名称：X', '部门：X',
  '主管部门 X', the title, unit rows, the list of units) and replaced everywhere;
- every year (2010–2039) shifted by the same number of years;
- every money amount multiplied by the same integer k (2..9), keeping the printed decimals and
  thousands separators. Money is a number with a decimal point or thousands separators, or an
  integer labelled as money ('316 万元', '（万元） 316'); percentages, scores, counts, codes, 序号
  and other integers are left alone. Ratios (percentages, 执行率) are unchanged by scaling.
OUTDIR receives the documents and manifest.json (per file: seed, k, year shift, names).

Limits: a seed's rounding gap (a printed total a cent off its parts) becomes k cents in the
variant, beyond a one-cent-per-part tolerance; integers not labelled as money stay as printed
(e.g. a 绩效自评 完成值 657 beside its scaled target '>= 600 万元').
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "examples"

REGIONS = (
    "大连市", "鞍山市", "本溪市", "丹东市", "锦州市", "营口市", "阜新市", "辽阳市", "铁岭市",
    "盘锦市", "葫芦岛市", "唐山市", "保定市", "邯郸市", "太原市", "济南市", "青岛市", "洛阳市",
    "长沙市", "成都市", "贵阳市", "昆明市", "西安市", "兰州市", "南宁市", "福州市",
)  # fmt: skip
AGENCIES = (
    "发展和改革委员会", "教育局", "科学技术局", "民政局", "司法局", "人力资源和社会保障局",
    "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局",
    "商务局", "文化广电和旅游局", "卫生健康委员会", "应急管理局", "审计局", "统计局",
)  # fmt: skip
UNIT_SUFFIXES = ("综合服务中心", "信息中心", "发展研究院", "事务保障中心", "监测站", "技术推广中心")

# --- names --------------------------------------------------------------------------------

_NAME = r"([\u4e00-\u9fff（）()]{3,40})"
_NAME_PATTERNS = (
    re.compile(r"单位名称[：:]\s*" + _NAME + r"\s+单位"),
    re.compile(r"^\s*部门[：:]\s*" + _NAME, re.M),
    re.compile(r"(?:主管部门|实施单位)[ \t]+" + _NAME),
    re.compile(r"部门（单位）名称[ \t]+\d*" + _NAME),
    re.compile(r"20\d\d\s*年" + _NAME + r"(?:单位|部门)预算批复表"),
    re.compile(r"^\s*\d{3}[ \t]+" + _NAME + r"[ \t]+(?:预算年度|单位：|截止时间)", re.M),
    re.compile(r"^\s*第[一二三四五]部分[ \t]+" + _NAME + r"[ \t]*20\d\d\s*年", re.M),
    re.compile(r"纳入" + _NAME + r"[ \t]*20\d\d\s*年部门"),
    re.compile(r"^\s*" + _NAME + r"[ \t]*\n\s*20\d\d\s*年部门(?:预算|决算)", re.M),
    re.compile(r"^\d{6}[ \t]+([\u4e00-\u9fff（）() ]{3,40}?)[ \t]+[\d,]+\.\d", re.M),
)
_UNIT_LIST = re.compile(r"单位包括[：:]\s*\n((?:\s*\d+[.．、][ \t]*[\u4e00-\u9fff（）()]+[ \t]*\n)+)")
_UNIT_ITEM = re.compile(r"\d+[.．、][ \t]*([\u4e00-\u9fff（）()]{3,40})")
_GENERIC = {"单位名称", "主管部门", "实施单位", "项目名称", "部门名称"}


def detect_names(text: str) -> list[str]:
    """Department and unit names of a seed, shortest forms only ('X本级' yields X), in order."""
    found: list[str] = []
    for pattern in _NAME_PATTERNS:
        found += [re.sub(r"\s", "", m.group(1)) for m in pattern.finditer(text)]
    for block in _UNIT_LIST.finditer(text):
        found += _UNIT_ITEM.findall(block.group(1))
    found += [n.removesuffix("本级") for n in found if n.endswith("本级")]
    names = [n for n in dict.fromkeys(found) if n not in _GENERIC and not n.endswith("本级")]
    cores = [n for n in names if not any(o != n and o in n for o in names)]
    return sorted(cores, key=lambda n: text.find(n) % (len(text) + 1))


def new_names(cores: list[str], rng: random.Random) -> dict[str, str]:
    """A fresh department name for the first core name, unit names derived from it for the rest."""
    department = rng.choice(REGIONS) + rng.choice(AGENCIES)
    out = {cores[0]: department} if cores else {}
    for i, core in enumerate(cores[1:]):
        out[core] = department + UNIT_SUFFIXES[i % len(UNIT_SUFFIXES)] + ("" if i < 6 else str(i))
    return out


def replace_names(text: str, mapping: dict[str, str]) -> str:
    """Replace every name, also when extraction broke it with spaces or newlines; newlines inside
    a match are kept after the new name so the line count does not change."""
    if not mapping:
        return text
    spaced = {n: r"\s*".join(map(re.escape, n)) for n in mapping}
    pattern = re.compile("|".join(f"(?P<n{i}>{spaced[n]})" for i, n in enumerate(mapping)))
    names = list(mapping)

    def sub(m: re.Match[str]) -> str:
        original = names[int(m.lastgroup[1:])]  # type: ignore[index]
        return mapping[original] + "\n" * m.group(0).count("\n")

    return pattern.sub(sub, text)


# --- numbers ------------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]|\.\d)")
_MONEY_AFTER = re.compile(r"[ \t]?(?:万元|亿元|元)")
_MONEY_BEFORE = re.compile(r"（万元）[ \t]*$|\(万元\)[ \t]*$")
_NON_MONEY_AFTER = re.compile(
    r"[ \t]?(?:%|％|个?百分点|万[吨户人辆台家个件]"
    r"|(?:分|吨|户|人次|人|个|次|天|年|平方?米|公里|辆|台|套|家|项|件|期|倍)(?![\u4e00-\u9fff]))"
)
_PERCENT_BEFORE = re.compile(r"\d[ \t]*[%％]")
_COUNT_AFTER = re.compile(r"[ \t]?(?:人|个|次|户|台|辆|平|亿|万|元|家|项|米|套|吨|%|％)")


def classify(line: str, m: re.Match[str]) -> str | None:
    """'money', 'year' or None (left alone) for the number matched in ``line``."""
    token, before, after = m.group(0), line[: m.start()], line[m.end() :]
    if _MONEY_AFTER.match(after) or _MONEY_BEFORE.search(before):
        return "money"
    if ("." in token or "," in token) and _looks_like_money_cell(token, before, after, line):
        return "money"
    if token.isdigit() and len(token) == 4 and 2010 <= int(token) <= 2039 and not _COUNT_AFTER.match(after):
        return "year"
    return None


def _looks_like_money_cell(token: str, before: str, after: str, line: str) -> bool:
    """A printed amount: two decimals or separators, not a percentage, score or measured value."""
    if _NON_MONEY_AFTER.match(after) or "得分" in line or "分值" in line:
        return False
    if _PERCENT_BEFORE.search(before):  # 绩效自评: 完成程度 100% then 分值/得分
        return False
    decimals = token.partition(".")[2]
    return len(decimals) == 2 or ("," in token and not decimals)


def scale(token: str, k: int, commas: bool) -> str:
    """``token`` × k with the same number of decimals; separators if printed, or if the document
    uses them and the original was too short to need them."""
    value = Decimal(token.replace(",", "")) * k
    decimals = len(token.partition(".")[2])
    text = f"{value:,.{decimals}f}"
    plain = token.replace(",", "")
    use = "," in token or (commas and len(plain.partition(".")[0]) < 4)
    return text if use else text.replace(",", "")


def transform_numbers(text: str, k: int, year_shift: int) -> str:
    """Scale money by ``k`` and shift years by ``year_shift``, line by line."""
    commas = bool(re.search(r"\d,\d{3}", text))

    def line_sub(line: str) -> str:
        def sub(m: re.Match[str]) -> str:
            kind = classify(line, m)
            if kind == "money":
                return scale(m.group(0), k, commas)
            if kind == "year":
                return str(int(m.group(0)) + year_shift)
            return m.group(0)

        return NUMBER.sub(sub, line)

    return "\n".join(line_sub(line) for line in text.split("\n"))


# --- variants -----------------------------------------------------------------------------


@dataclass
class Variant:
    """One generated document and how it was derived from its seed."""

    seed: str
    factor: int
    year_shift: int
    names: dict[str, str] = field(default_factory=dict)
    text: str = ""


def make_variant(seed_path: Path, rng: random.Random) -> Variant:
    """Names replaced, years shifted, money scaled — numbers first, so names cannot shift them."""
    text = seed_path.read_text("utf-8")
    factor = rng.randint(2, 9)
    year_shift = rng.choice((-3, -2, -1, 1, 2, 3))
    mapping = new_names(detect_names(text), rng)
    out = replace_names(transform_numbers(text, factor, year_shift), mapping)
    return Variant(seed_path.name, factor, year_shift, mapping, out)


def seed_paths() -> list[Path]:
    """The bundled seed texts, in a stable order."""
    paths = sorted(SEED_DIR.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed texts in {SEED_DIR}")
    return paths


def generate(n: int, outdir: str | Path, seed: int = 0) -> list[Path]:
    """Write ``n`` variants (seeds taken round robin) and manifest.json into ``outdir``."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = seed_paths()
    written, manifest = [], []
    for i in range(n):
        variant = make_variant(seeds[i % len(seeds)], rng)
        path = out / f"{i:05d}_{Path(variant.seed).stem[:3]}_k{variant.factor}.txt"
        path.write_text(variant.text, "utf-8")
        written.append(path)
        manifest.append({"file": path.name, **{k: v for k, v in asdict(variant).items() if k != "text"}})
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: N OUTDIR [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of documents to generate")
    parser.add_argument("outdir", type=Path, help="directory to write them to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same corpus)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    paths = generate(args.n, args.outdir, args.seed)
    print(f"wrote {len(paths)} documents to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
