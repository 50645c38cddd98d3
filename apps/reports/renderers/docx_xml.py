"""The Word features python-docx has no API for, written as WordprocessingML.

Fields (page numbers, the table of contents), repeating table header rows, rows kept on one
page, cell shading, table captions for screen readers, picture alt text, and the setting that
makes Word refresh fields when the document opens. Kept apart so the renderer reads as prose.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Word rejects a file whose properties are out of schema order: each element goes before these.
AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", *AFTER_TBL_HEADER)
AFTER_CELL_SHD = (
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    *AFTER_OUTLINE,
)  # fmt: skip
AFTER_UPDATE = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip
AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _field_char(kind: str, *, dirty: bool = False) -> Any:
    char = _element("w:fldChar", fldCharType=kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    return char


def field_begin(paragraph: Any, instruction: str, *, dirty: bool = False) -> None:
    """Open a field in the paragraph: its code, then "separate" (the shown result follows)."""
    for child in (
        _field_char("begin", dirty=dirty),
        _instruction(instruction),
        _field_char("separate"),
    ):
        run = paragraph.add_run()
        run._r.append(child)


def _instruction(instruction: str) -> Any:
    text = _element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    return text


def field_end(paragraph: Any) -> None:
    paragraph.add_run()._r.append(_field_char("end"))


def add_field(paragraph: Any, instruction: str, shown: str) -> None:
    """A whole field in one paragraph ("PAGE" showing "1" until Word works it out)."""
    field_begin(paragraph, instruction)
    paragraph.add_run(shown)
    field_end(paragraph)


def update_fields_on_open(document: Any) -> None:
    """Ask Word to refresh fields (the contents, page counts) when the file is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.insert_element_before(_element("w:updateFields", val="true"), *AFTER_UPDATE)


def _tr_pr(row: Any) -> Any:
    return row._tr.get_or_add_trPr()


def repeat_header(row: Any) -> None:
    """Mark a table row as a header row Word repeats at the top of every page."""
    _tr_pr(row).insert_element_before(_element("w:tblHeader", val="true"), *AFTER_TBL_HEADER)


def keep_row_whole(row: Any) -> None:
    """Do not let the row break across pages."""
    _tr_pr(row).insert_element_before(_element("w:cantSplit", val="true"), *AFTER_CANT_SPLIT)


def shade(cell: Any, colour: str) -> None:
    """Fill a table cell with a colour given as "#00703c"."""
    properties = cell._tc.get_or_add_tcPr()
    shading = _element("w:shd", val="clear", color="auto", fill=colour.lstrip("#"))
    properties.insert_element_before(shading, *AFTER_CELL_SHD)


def table_caption(table: Any, caption: str) -> None:
    """The table's title for screen readers (Word's Table Properties → Alt Text)."""
    properties = table._tbl.tblPr
    properties.append(_element("w:tblCaption", val=caption[:255]))


def left_border(paragraph: Any, colour: str = "#b1b4b6") -> None:
    """A thick rule down the paragraph's left, as GOV.UK prints inset text."""
    borders = _element("w:pBdr")
    borders.append(_element("w:left", val="single", sz="24", space="8", color=colour.lstrip("#")))
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *AFTER_PBDR)


def picture_alt_text(run: Any, title: str, description: str) -> None:
    """Alt text on the run's picture (the last one added), for screen readers."""
    for properties in run._r.iter(qn("wp:docPr")):
        properties.set("title", title)
        properties.set("descr", description)


def outline_level(style: Any, level: int) -> None:
    """Set a paragraph style's outline level (9 = body text, left out of the contents)."""
    properties = style.element.get_or_add_pPr()
    for old in properties.findall(qn("w:outlineLvl")):
        properties.remove(old)
    properties.insert_element_before(_element("w:outlineLvl", val=str(level)), *AFTER_OUTLINE)


def language(style: Any, code: str) -> None:
    """The proofing language of a style's text ("en-GB"), for spelling and screen readers."""
    properties = style.element.get_or_add_rPr()
    properties.insert_element_before(_element("w:lang", val=code), *AFTER_LANG)
