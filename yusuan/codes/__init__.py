"""政府收支分类科目 dictionaries: 功能分类 and both 经济分类 systems, as printed in real documents.

``lookup``/``names``/``name_matches`` answer "is this code known, and is its printed name right?";
``level``/``parent`` give the 类/款/项 structure; ``government_class_for`` maps 部门预算经济分类
onto 政府预算经济分类. Data files and their sources: README.md beside this file.
"""

from yusuan.codes.dictionary import codes_named, known_codes, lookup, name_matches, names, system_of
from yusuan.codes.mapping import MappingRow, UnitKind, government_class_for, mapping_for
from yusuan.codes.model import SYSTEMS, CodeEntry, MatchResult, PrintedName, Status, System
from yusuan.codes.normalize import level, normalize_code, normalize_name, parent

__all__ = [
    "SYSTEMS",
    "CodeEntry",
    "MappingRow",
    "MatchResult",
    "PrintedName",
    "Status",
    "System",
    "UnitKind",
    "codes_named",
    "government_class_for",
    "known_codes",
    "level",
    "lookup",
    "mapping_for",
    "name_matches",
    "names",
    "normalize_code",
    "normalize_name",
    "parent",
    "system_of",
]
