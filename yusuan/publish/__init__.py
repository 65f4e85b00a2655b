"""Publish (发布): Disclosure → the complete disclosure document in a regional template.

``publish(d, fmt, template=…)`` builds the printed document from the model (cover, 目录, 部门概况,
every table the template prints, 情况说明 and 名词解释 generated from the figures), renders it as
HTML, PDF, XLSX or DOCX (or text, for tests), reads its own output back, and refuses a document
that fails the checker or still has an unfilled slot unless forced (then it is stamped a draft).
"""

from yusuan._callable_package import make_callable
from yusuan.publish.publisher import Published, PublishRefused, model_hash, publish
from yusuan.publish.render import FORMATS
from yusuan.publish.spec import load_template, template_names

__all__ = ["FORMATS", "PublishRefused", "Published", "load_template", "model_hash", "publish", "template_names"]

# ``yusuan.publish(d, fmt)`` stays callable after this package is imported (it shadows the function)
make_callable(__name__, lambda: publish)
