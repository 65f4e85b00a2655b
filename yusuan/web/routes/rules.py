"""规则: the rule catalogue — id, title, severity and rationale of every registered rule."""

from __future__ import annotations

from itertools import groupby

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from yusuan.check.registry import all_rules
from yusuan.web.app import render
from yusuan.web.security import may_view

router = APIRouter(include_in_schema=False, dependencies=[Depends(may_view)])
GROUP_LABELS = {
    "summary": "收支总表", "row": "表内行", "function": "功能分类", "economic": "经济分类", "cross": "表间",
    "fiscal": "财政拨款", "narrative": "情况说明", "history": "跨年度", "codes": "科目编码", "code": "科目编码",
    "complete": "公开完整性", "list": "清单表", "text": "文字", "units": "单位",
    "three_public": "“三公”经费", "performance": "绩效目标", "read": "读取",
    "projects": "项目", "procurement": "政府采购", "income": "收入",
}


@router.get("/rules", response_class=HTMLResponse)
def rules(request: Request) -> Response:
    rules = all_rules()
    groups = [(g, GROUP_LABELS.get(g, g), list(rs)) for g, rs in groupby(rules, key=lambda r: r.group)]
    return render(request, "rules.html", groups=groups, count=len(rules))
