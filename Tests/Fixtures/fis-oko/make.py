#!/usr/bin/env python3
"""Regenerate the ФИС ОКО / ВПР shaped import fixtures in this directory.

Run from the repository root:

    .build/browser-venv/bin/python Tests/Fixtures/fis-oko/make.py

Needs openpyxl (3.1.x) and LibreOffice (`soffice`) on PATH. The output is
deterministic: every number is written out below, no randomness is used, and
the ZIP containers are rewritten with a fixed entry timestamp and fixed
document dates so that re-running the script gives byte-identical files
(as long as the same LibreOffice version converts file 3).

See README.md for what each file imitates and what importing it must give.
"""

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = "2023-01-15T00:00:00Z"
ZIP_DATE = (2023, 1, 15, 0, 0, 0)
YEAR = 2022

# ---------------------------------------------------------------------------
# The municipality: six schools.
# ---------------------------------------------------------------------------

# code, full name, short name, settlement, type, login, ОКПО, ИНН, parent, distance
# distance: a float/int is written as a number cell, a str as a text cell.
SCHOOLS = [
    ("S000001",
     "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
     "СОШ № 1", "п. Заречный", "СОШ", "sch380101", "12345678", "3801000001", None, 0),
    ("S000002",
     "Муниципальное автономное общеобразовательное учреждение «Лицей»",
     "Лицей", "п. Заречный", "лицей", "sch380102", "12345679", "3801000002", None, 0),
    ("S000003",
     "МБОУ «Гимназия им. А. С. Пушкина»",
     "Гимназия", "с. Ключи", "гимназия", "sch380103", None, "3801000003", None, "54,5"),
    ("S000004",
     "МКОУ «Каменская основная общеобразовательная школа»",
     "Каменская ООШ", "д. Каменка", "ООШ", "sch380104", None, None, None, 38),
    ("S000005",
     "МБОУ «Школа-интернат № 5»",
     "Школа-интернат № 5", "с. Ключи", "школа-интернат", "sch380105", None, None, None, 54),
    ("S000006",
     "Филиал МБОУ СОШ № 1 в д. Берёзовка",
     "Берёзовский филиал", "д. Берёзовка", "филиал", "sch380106", None, None, "S000001", 17),
]
LOGIN = {s[0]: s[5] for s in SCHOOLS}
SHORT = {s[0]: s[2] for s in SCHOOLS}
CODES = [s[0] for s in SCHOOLS]

# ---------------------------------------------------------------------------
# Result counts: (n, c2, c3, c4, c5) per school.
# ---------------------------------------------------------------------------

# File 2: ВПР 2022, Математика, 5 класс (given on upload, not in the file).
VPR5_MATH = {
    "S000001": (23, 5, 8, 7, 3),
    "S000002": (28, 1, 7, 12, 8),
    "S000003": (25, 2, 9, 10, 4),
    "S000004": (4, 1, 2, 1, 0),
    "S000005": (12, 4, 5, 3, 0),
    "S000006": (6, 0, 3, 2, 1),
}

# File 3: ВПР 2022, three procedures in one sheet.
OKO_PROCEDURES = [
    (4, "Русский язык", {
        "S000001": (26, 3, 9, 10, 4),
        "S000002": (30, 1, 6, 14, 9),
        "S000003": (22, 2, 7, 9, 4),
        "S000004": (5, 1, 2, 2, 0),
        "S000005": (9, 2, 4, 3, 0),
        "S000006": (7, 0, 3, 3, 1),
    }),
    (4, "Окружающий мир", {
        "S000001": (27, 1, 8, 13, 5),
        "S000002": (29, 0, 5, 15, 9),
        "S000003": (21, 1, 6, 10, 4),
        "S000004": (5, 0, 2, 3, 0),
        "S000005": (10, 1, 5, 4, 0),
        "S000006": (7, 0, 2, 4, 1),
    }),
    (6, "История", {
        "S000001": (24, 4, 10, 7, 3),
        # The «2» cell of this row is the formula =100-H?-I?-J? (12 + 28 + 40 + 20).
        "S000002": (25, 3, 7, 10, 5),
        "S000003": (19, 2, 8, 6, 3),
        "S000004": (3, 1, 1, 1, 0),
        "S000005": (11, 3, 5, 3, 0),
        "S000006": (8, 1, 4, 3, 0),
    }),
]
FORMULA_ROW = (6, "История", "S000002")

# File 4: ОГЭ 2022, Математика, 9 класс, counts.
OGE9_MATH = [
    # code, n, c2, c3, c4, c5
    ("S000001", 48, 4, 18, 17, 9),      # participants as an inline-string cell «48»
    ("S000002", 52, 2, 15, 22, 13),
    ("S000003", 35, 7, 14, 10, 4),      # «Число «2»» is the formula =F4-H4-I4-J4, cached 7
    ("REGION", 12345, 1234, 4321, 4567, 2223),  # «12 345» (U+00A0), «1 234» (U+202F)
]


def pct(c, n):
    """100*c/n rounded half-up to two decimals, as a Decimal."""
    return (Decimal(100 * c) / Decimal(n)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_counts(counts):
    n, *marks = counts
    assert sum(marks) == n, counts
    assert 3 <= n <= 40, counts
    ps = [pct(c, n) for c in marks]
    for c, p in zip(marks, ps):
        assert round(n * float(p) / 100) == c, (counts, p)
    assert abs(sum(ps) - 100) <= Decimal("0.05"), (counts, ps)
    return ps


def excel_general(d):
    """How Excel's General format shows a Decimal with a Russian locale: 21,74 / 50 / 12,5 / 0."""
    s = format(d.normalize(), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s.replace(".", ",")


def mean_score(c2, c3, c4, c5):
    n = c2 + c3 + c4 + c5
    return float((Decimal(2 * c2 + 3 * c3 + 4 * c4 + 5 * c5) / Decimal(n))
                 .quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------------------
# ZIP normalisation (deterministic bytes).
# ---------------------------------------------------------------------------

def normalise_zip(path):
    """Rewrite an xlsx with fixed entry times and fixed document dates.

    Only the container and the dates in docProps/core.xml change; every other
    part keeps the bytes its writer produced.
    """
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, i.compress_type, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name, ctype, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                              r"\g<1>" + FIXED_DATE + r"\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def fixed_props(wb):
    wb.properties.creator = "make.py"
    wb.properties.created = dt.datetime(2023, 1, 15)
    wb.properties.modified = dt.datetime(2023, 1, 15)


# ---------------------------------------------------------------------------
# 1. schools-registry.xlsx
# ---------------------------------------------------------------------------

REGISTRY_HEADER = ["Код ОО", "Полное наименование ОО", "Краткое наименование", "Населённый пункт",
                   "Тип ОО", "Логин ОО", "ОКПО", "ИНН", "Код головной ОО",
                   "Расстояние до районного центра, км"]


def make_registry(path):
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Реестр ОО"
    ws["A1"] = "Реестр общеобразовательных организаций"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(REGISTRY_HEADER))
    for col, h in enumerate(REGISTRY_HEADER, 1):
        c = ws.cell(row=3, column=col, value=h)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for r, school in enumerate(SCHOOLS, 4):
        for col, v in enumerate(school, 1):
            if v is None:
                continue  # empty cells stay empty
            c = ws.cell(row=r, column=col, value=v)
            if isinstance(v, str):
                c.data_type = "s"
                if col in (7, 8):
                    c.number_format = "@"  # ОКПО / ИНН: text format, as a careful operator sets it
    widths = [10, 60, 22, 16, 15, 12, 11, 13, 12, 18]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wb.save(path)
    normalise_zip(path)


# ---------------------------------------------------------------------------
# 2. vpr-5-math-percent-cp1251.csv
# ---------------------------------------------------------------------------

VPR_CSV_HEADER = ["Логин ОО", "Наименование ОО", "Кол-во участников",
                  '% "2"', '% "3"', '% "4"', '% "5"']


def make_vpr_csv(path):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                   lineterminator="\r\n")
    w.writerow(["Всероссийские проверочные работы — 2022"])
    w.writerow(["Математика, 5 класс"])
    w.writerow(["Статистика по отметкам"])
    w.writerow([])
    w.writerow(VPR_CSV_HEADER)
    for code in CODES:
        counts = VPR5_MATH[code]
        ps = check_counts(counts)
        w.writerow([LOGIN[code], SHORT[code], str(counts[0])] + [excel_general(p) for p in ps])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode("cp1251"))


# ---------------------------------------------------------------------------
# 3. oko-two-row-header.xlsx (openpyxl, then saved by LibreOffice Calc)
# ---------------------------------------------------------------------------

OKO_HEADER_TOP = ["Оценочная процедура", "Год", "Класс", "Предмет", "Логин ОО", "Кол-во участников"]
OKO_GROUP = "Распределение отметок, %"
OKO_MARKS = ["2", "3", "4", "5"]


def make_oko_openpyxl(path):
    """Returns the cell reference and cached value of the formula cell."""
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Результаты"
    ws["A1"] = "Результаты оценочных процедур 2022 года"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:J1")
    ws["A2"] = "Муниципалитет: Заречный район"
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, h in enumerate(OKO_HEADER_TOP, 1):
        c = ws.cell(row=3, column=col, value=h)
        c.font, c.alignment = bold, centre
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws["G3"] = OKO_GROUP
    ws["G3"].font, ws["G3"].alignment = bold, centre
    ws.merge_cells("G3:J3")
    for i, m in enumerate(OKO_MARKS):
        c = ws.cell(row=4, column=7 + i, value=m)
        c.data_type = "s"
        c.font, c.alignment = bold, centre
    formula = None
    r = 5
    for grade, subject, table in OKO_PROCEDURES:
        for code in CODES:
            counts = table[code]
            ps = check_counts(counts)
            ws.cell(row=r, column=1, value="ВПР")
            ws.cell(row=r, column=2, value=YEAR)
            ws.cell(row=r, column=3, value=grade)
            ws.cell(row=r, column=4, value=subject)
            ws.cell(row=r, column=5, value=LOGIN[code])
            ws.cell(row=r, column=6, value=counts[0])
            for i, p in enumerate(ps):
                c = ws.cell(row=r, column=7 + i, value=float(p))
                c.number_format = "0.00"
            if (grade, subject, code) == FORMULA_ROW:
                value = 100 - ps[1] - ps[2] - ps[3]
                assert value == ps[0]
                ws.cell(row=r, column=7, value=f"=100-H{r}-I{r}-J{r}")
                formula = (f"G{r}", excel_number(value))
            r += 1
    for i, wdt in enumerate([14, 7, 7, 18, 12, 12, 9, 9, 9, 9], 1):
        ws.column_dimensions[get_column_letter(i)].width = wdt
    wb.save(path)
    # openpyxl cannot store a cached formula result; add <v> like Excel does.
    inject_cached_value(path, "xl/worksheets/sheet1.xml", *formula)
    return formula


def excel_number(d):
    s = format(Decimal(d).normalize(), "f")
    return s


def inject_cached_value(path, part, ref, value):
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in entries:
        if name == part:
            text = data.decode("utf-8")
            pat = re.compile(r'(<c r="%s"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?' % ref)
            assert pat.search(text), "formula cell not found"
            text = pat.sub(lambda m: m.group(1) + m.group(2) + f"<v>{value}</v>", text, count=1)
            data = text.encode("utf-8")
        out.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            z.writestr(name, data)


def libreoffice_convert(src, outdir):
    profile = "file:///tmp/lo-fixtures"
    cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
    if not os.path.exists(out):
        raise RuntimeError("LibreOffice did not write " + out)
    return out


def has_cached_formula(path, ref):
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    m = re.search(r'<c r="%s"[^>]*>(.*?)</c>' % ref, sheet)
    return bool(m and "<f" in m.group(1) and re.search(r"<v>[^<]+</v>", m.group(1)))


def make_oko(path):
    with tempfile.TemporaryDirectory() as tmp:
        src_dir = os.path.join(tmp, "src")
        out_dir = os.path.join(tmp, "out")
        os.makedirs(src_dir)
        os.makedirs(out_dir)
        src = os.path.join(src_dir, "oko-two-row-header.xlsx")
        ref, value = make_oko_openpyxl(src)
        try:
            out = libreoffice_convert(src, out_dir)
            ok = has_cached_formula(out, ref)
        except Exception as e:  # noqa: BLE001
            print("LibreOffice conversion failed:", e, file=sys.stderr)
            ok = False
        if ok:
            shutil.copyfile(out, path)
            writer = "LibreOffice Calc"
        else:
            print("WARNING: LibreOffice output lacks the cached formula value; "
                  "keeping the openpyxl file", file=sys.stderr)
            shutil.copyfile(src, path)
            writer = "openpyxl"
    normalise_zip(path)
    return writer


# ---------------------------------------------------------------------------
# 4. results-prefixed.xlsx (hand-written package, x: prefixed SpreadsheetML)
# ---------------------------------------------------------------------------

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"

PREFIXED_HEADER = ["Год", "Вид процедуры", "Класс", "Предмет", "Код ОО", "Число участников",
                   "Число «2»", "Число «3»", "Число «4»", "Число «5»", "Средний балл"]

NBSP = "\u00a0"
NNBSP = "\u202f"


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_prefixed(path):
    strings = []

    def sst(s):
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    def s_cell(ref, s):
        return f'<x:c r="{ref}" t="s"><x:v>{sst(s)}</x:v></x:c>'

    def n_cell(ref, v):
        return f'<x:c r="{ref}"><x:v>{v}</x:v></x:c>'

    def inline_cell(ref, s):
        return f'<x:c r="{ref}" t="inlineStr"><x:is><x:t>{xml_escape(s)}</x:t></x:is></x:c>'

    def f_cell(ref, formula, cached):
        return f'<x:c r="{ref}"><x:f>{xml_escape(formula)}</x:f><x:v>{cached}</x:v></x:c>'

    cols = [get_column_letter(i) for i in range(1, 12)]
    rows = []
    rows.append(f'<x:row r="1">' + "".join(s_cell(f"{c}1", h) for c, h in zip(cols, PREFIXED_HEADER))
                + "</x:row>")
    for r, (code, n, c2, c3, c4, c5) in enumerate(OGE9_MATH, 2):
        assert c2 + c3 + c4 + c5 == n
        cells = [n_cell(f"A{r}", YEAR), s_cell(f"B{r}", "ОГЭ"), n_cell(f"C{r}", 9),
                 s_cell(f"D{r}", "Математика"), s_cell(f"E{r}", code)]
        if code == "S000001":
            cells.append(inline_cell(f"F{r}", str(n)))
        elif code == "REGION":
            cells.append(s_cell(f"F{r}", f"{n // 1000}{NBSP}{n % 1000:03d}"))
        else:
            cells.append(n_cell(f"F{r}", n))
        if code == "S000003":
            cells.append(f_cell(f"G{r}", f"F{r}-H{r}-I{r}-J{r}", c2))
        elif code == "REGION":
            cells.append(s_cell(f"G{r}", f"{c2 // 1000}{NNBSP}{c2 % 1000:03d}"))
        else:
            cells.append(n_cell(f"G{r}", c2))
        cells += [n_cell(f"H{r}", c3), n_cell(f"I{r}", c4), n_cell(f"J{r}", c5),
                  n_cell(f"K{r}", mean_score(c2, c3, c4, c5))]
        rows.append(f'<x:row r="{r}">' + "".join(cells) + "</x:row>")
    last = len(OGE9_MATH) + 1

    decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    sheet = (decl + f'<x:worksheet xmlns:x="{NS_MAIN}">'
             f'<x:dimension ref="A1:K{last}"/>'
             "<x:sheetData>" + "".join(rows) + "</x:sheetData></x:worksheet>")
    shared = (decl + f'<x:sst xmlns:x="{NS_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f"<x:si><x:t>{xml_escape(s)}</x:t></x:si>" for s in strings) + "</x:sst>")
    workbook = (decl + f'<x:workbook xmlns:x="{NS_MAIN}" xmlns:r="{NS_REL}">'
                '<x:sheets><x:sheet name="Лист1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>')
    wb_rels = (decl + f'<Relationships xmlns="{NS_PKG_REL}">'
               f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
               f'<Relationship Id="rId2" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/>'
               "</Relationships>")
    rels = (decl + f'<Relationships xmlns="{NS_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>")
    ctypes = (decl + f'<Types xmlns="{NS_CT}">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
              '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
              "</Types>")
    parts = [("[Content_Types].xml", ctypes), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
             ("xl/_rels/workbook.xml.rels", wb_rels), ("xl/worksheets/sheet1.xml", sheet),
             ("xl/sharedStrings.xml", shared)]
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


# ---------------------------------------------------------------------------
# 5. teachers-two-sheets.xlsx
# ---------------------------------------------------------------------------

TEACHERS_HEADER = ["Код ОО", "Табельный номер", "ФИО", "Должность", "Педагогический работник",
                   "Квалификационная категория", "Дата приёма", "Дата увольнения"]

# code, personnel number, name, position, pedagogical, category, from, to
# A date is a real Excel date cell; a str date is a text cell as typed.
TEACHERS = [
    ("S000001", "000117", "Иванова Мария Петровна", "Учитель математики", "да",
     "высшая", dt.date(2008, 8, 25), None),
    ("S000001", "000243", "Сидоров Алексей Николаевич", "Заместитель директора по АХЧ", "нет",
     None, "01.09.2015", None),
    ("S000002", "00035", "Кузнецова Елена Викторовна", "Учитель русского языка и литературы", "да",
     "первая", dt.date(2012, 9, 1), dt.date(2022, 6, 30)),
    ("S000002", "00041", "Ахмедов Рустам Ильдарович", "Учитель истории", "да",
     "без категории", "15.08.2019", None),
    ("S000003", "1029", "Белова Ольга Сергеевна", "Учитель начальных классов", "да",
     "соответствие занимаемой должности", dt.date(1999, 9, 1), None),
    ("S000004", "12", "Фёдоров Иван Семёнович", "Учитель физики", "да",
     "первая", "01.09.2015", None),
]


def make_teachers(path):
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Инструкция"
    ws["A1"] = "Заполните лист «Педагоги»: одна строка на одного работника."
    ws["A2"] = "Даты указывайте в формате ДД.ММ.ГГГГ; табельный номер — как в кадровой программе."
    ws2 = wb.create_sheet("Педагоги")
    for col, h in enumerate(TEACHERS_HEADER, 1):
        ws2.cell(row=1, column=col, value=h).font = Font(bold=True)
    for r, t in enumerate(TEACHERS, 2):
        for col, v in enumerate(t, 1):
            if v is None:
                continue
            c = ws2.cell(row=r, column=col)
            if isinstance(v, dt.date):
                c.value = dt.datetime(v.year, v.month, v.day)
                c.number_format = "DD.MM.YYYY"
            else:
                c.value = v
                c.data_type = "s"
                if col == 2:
                    c.number_format = "@"
    for i, wdt in enumerate([10, 12, 34, 36, 14, 30, 12, 12], 1):
        ws2.column_dimensions[get_column_letter(i)].width = wdt
    wb.save(path)
    normalise_zip(path)


# ---------------------------------------------------------------------------
# 6. context-russian-headers.csv
# ---------------------------------------------------------------------------

CONTEXT_HEADER = ["Год", "Код ОО", "Число обучающихся", "Доля малоимущих семей",
                  "Доля неполных семей", "Доля детей без родителей с высшим образованием",
                  "Доля детей с неродным русским", "Доля на профилактическом учёте", "Примечание"]
CONTEXT_SHARE_KEYS = ["low_income", "single_parent", "no_higher_education_parents",
                      "non_native_russian", "preventive_register"]

# Shares as written in the file: "31,5%" is a percent, "0,12" a fraction.
CONTEXT = [
    ("S000001", 612, ["31,5%", "22%", "0,41", "3,2%", "0,015"], ""),
    ("S000002", 498, ["0,12", "0,18", "15,4%", "0,02", "0%"], ""),
    ("S000003", 355, ["18,25%", "0,2", "0,33", "1,4%", "0,5%"],
     "данные на 01.09.2022; уточняются"),
    ("S000004", 41, ["0,56", "39%", "0,61", "0", "4,9%"], ""),
    ("S000005", 87, ["47,1%", "0,64", "72%", "0,05", "0,115"],
     "интернат: учитываются семьи воспитанников"),
    ("S000006", 23, ["0,39", "0,35", "56,5%", "0", "0"], ""),
]


def share_value(text):
    t = text.replace(",", ".")
    if t.endswith("%"):
        v = Decimal(t[:-1]) / 100
    else:
        v = Decimal(t)
    return float(v.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def make_context(path):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(CONTEXT_HEADER)
    for code, students, shares, note in CONTEXT:
        w.writerow([str(YEAR), code, str(students)] + shares + [note])
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


# ---------------------------------------------------------------------------
# 7. expected.json
# ---------------------------------------------------------------------------

def result_row(file, kind, grade, subject, code, counts, mean):
    n, c2, c3, c4, c5 = counts
    return {"file": file, "year": YEAR, "kind": kind, "grade": grade, "subject": subject,
            "school_code": code, "participants": n, "fails": c2, "marks3": c3, "marks4": c4,
            "marks5": c5, "mean_score": mean}


def make_expected(path, oko_writer):
    schools = []
    for code, full, short, settl, typ, login, okpo, inn, parent, dist in SCHOOLS:
        schools.append({"code": code, "full_name": full, "short_name": short, "settlement": settl,
                        "type": typ, "login": login, "okpo": okpo, "inn": inn, "parent_code": parent,
                        "distance_km": float(dist.replace(",", ".")) if isinstance(dist, str) else dist})
    results = []
    for code in CODES:
        results.append(result_row("vpr-5-math-percent-cp1251.csv", "vpr", 5, "Математика",
                                  code, VPR5_MATH[code], None))
    for grade, subject, table in OKO_PROCEDURES:
        for code in CODES:
            results.append(result_row("oko-two-row-header.xlsx", "vpr", grade, subject,
                                      code, table[code], None))
    for code, n, c2, c3, c4, c5 in OGE9_MATH:
        results.append(result_row("results-prefixed.xlsx", "oge", 9, "Математика", code,
                                  (n, c2, c3, c4, c5), mean_score(c2, c3, c4, c5)))
    context = []
    for code, students, shares, note in CONTEXT:
        row = {"year": YEAR, "school_code": code, "students": students}
        for k, s in zip(CONTEXT_SHARE_KEYS, shares):
            row[k] = share_value(s)
        context.append(row)
    teachers = []
    for code, num, name, pos, ped, cat, start, end in TEACHERS:
        def iso(d):
            if d is None:
                return None
            if isinstance(d, str):
                return dt.datetime.strptime(d, "%d.%m.%Y").date().isoformat()
            return d.isoformat()
        teachers.append({"school_code": code, "personnel_number": num, "name": name,
                         "position": pos, "pedagogical": ped == "да", "category": cat,
                         "employed_from": iso(start), "employed_to": iso(end)})
    doc = {
        "_comment": "Generated by make.py; see README.md. Result counts are what the percentages "
                    "round back to: round(participants * percent / 100).",
        "upload_parameters": {
            "vpr-5-math-percent-cp1251.csv": {"year": YEAR, "kind": "vpr", "grade": 5,
                                              "subject": "Математика"},
        },
        "oko_two_row_header_written_by": oko_writer,
        "schools": schools,
        "results": results,
        "context": context,
        "context_not_loaded_columns": ["Примечание"],
        "teachers": teachers,
    }
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


# ---------------------------------------------------------------------------
# Read-back check: every file against expected.json.
# ---------------------------------------------------------------------------

def verify():
    with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as f:
        exp = json.load(f)
    by_file = {}
    for r in exp["results"]:
        by_file.setdefault(r["file"], []).append(r)
    school_by_login = {s["login"]: s["code"] for s in exp["schools"]}

    def num(t):
        return float(str(t).replace(",", ".").replace(NBSP, "").replace(NNBSP, "").replace(" ", ""))

    def back(n, ps):
        return [round(n * p / 100) for p in ps]

    # 1. registry
    ws = openpyxl.load_workbook(os.path.join(HERE, "schools-registry.xlsx"))["Реестр ОО"]
    assert ws["A1"].value == "Реестр общеобразовательных организаций"
    assert "A1:J1" in {str(m) for m in ws.merged_cells.ranges}
    assert all(c.value is None for c in ws[2])
    assert [c.value for c in ws[3]] == REGISTRY_HEADER
    for row, s in zip(ws.iter_rows(min_row=4, max_row=9), exp["schools"]):
        v = [c.value for c in row]
        assert v[0] == s["code"] and v[5] == s["login"] and v[8] == s["parent_code"], v
        assert v[6] == s["okpo"] and v[7] == s["inn"], v
        assert row[6].value is None or row[6].data_type == "s"
        assert row[7].value is None or row[7].data_type == "s"
        assert num(v[9]) == s["distance_km"], v
        assert (row[9].data_type == "s") == (s["code"] == "S000003"), v
    assert ws.max_row == 9

    # 2. cp1251 CSV
    raw = open(os.path.join(HERE, "vpr-5-math-percent-cp1251.csv"), "rb").read()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("cp1251"), newline=""), delimiter=";"))
    assert rows[4] == VPR_CSV_HEADER and rows[3] == []
    got = []
    for r in rows[5:]:
        n = int(r[2])
        got.append([school_by_login[r[0]], n] + back(n, [num(x) for x in r[3:7]]))
    want = [[e["school_code"], e["participants"], e["fails"], e["marks3"], e["marks4"], e["marks5"]]
            for e in by_file["vpr-5-math-percent-cp1251.csv"]]
    assert got == want, got

    # 3. two-row header (LibreOffice-written)
    path3 = os.path.join(HERE, "oko-two-row-header.xlsx")
    ws = openpyxl.load_workbook(path3, data_only=True)["Результаты"]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A1:J1", "G3:J3"} | {f"{c}3:{c}4" for c in "ABCDEF"} <= merged, merged
    assert [c.value for c in ws[3]][:7] == OKO_HEADER_TOP + [OKO_GROUP]
    assert [c.value for c in ws[4]][6:] == OKO_MARKS
    got = []
    for r in ws.iter_rows(min_row=5, values_only=True):
        n = r[5]
        got.append([r[0], r[1], r[2], r[3], school_by_login[r[4]], n] + back(n, r[6:10]))
    want = [["ВПР", e["year"], e["grade"], e["subject"], e["school_code"], e["participants"],
             e["fails"], e["marks3"], e["marks4"], e["marks5"]]
            for e in by_file["oko-two-row-header.xlsx"]]
    assert got == want, got
    formulas = openpyxl.load_workbook(path3)["Результаты"]
    assert formulas["G18"].value == "=100-H18-I18-J18", formulas["G18"].value
    assert has_cached_formula(path3, "G18")

    # 4. prefixed package
    path4 = os.path.join(HERE, "results-prefixed.xlsx")
    with zipfile.ZipFile(path4) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "<x:worksheet" in sheet and "<x:sheetData>" in sheet and 't="inlineStr"' in sheet
        assert "<x:f>F4-H4-I4-J4</x:f><x:v>7</x:v>" in sheet
    wb = openpyxl.load_workbook(path4, data_only=True)
    assert wb.sheetnames == ["Лист1"]
    rows = list(wb["Лист1"].iter_rows(values_only=True))
    assert list(rows[0]) == PREFIXED_HEADER
    assert rows[1][5] == "48" and rows[2][5] == 52
    assert rows[4][5] == "12" + NBSP + "345" and rows[4][6] == "1" + NNBSP + "234"
    got = [[r[0], r[2], r[3], r[4], int(num(r[5])), int(num(r[6])), r[7], r[8], r[9], r[10]]
           for r in rows[1:]]
    want = [[e["year"], e["grade"], e["subject"], e["school_code"], e["participants"], e["fails"],
             e["marks3"], e["marks4"], e["marks5"], e["mean_score"]]
            for e in by_file["results-prefixed.xlsx"]]
    assert got == want, got

    # 5. teachers
    wb = openpyxl.load_workbook(os.path.join(HERE, "teachers-two-sheets.xlsx"))
    assert wb.sheetnames == ["Инструкция", "Педагоги"]
    assert wb["Инструкция"].max_row == 2 and wb["Инструкция"].max_column == 1
    ws = wb["Педагоги"]
    assert [c.value for c in ws[1]] == TEACHERS_HEADER

    def iso(v):
        if v is None:
            return None
        if isinstance(v, dt.datetime):
            return v.date().isoformat()
        return dt.datetime.strptime(v, "%d.%m.%Y").date().isoformat()
    got = [{"school_code": r[0], "personnel_number": r[1], "name": r[2], "position": r[3],
            "pedagogical": r[4] == "да", "category": r[5], "employed_from": iso(r[6]),
            "employed_to": iso(r[7])} for r in ws.iter_rows(min_row=2, values_only=True)]
    assert got == exp["teachers"], got
    kinds = [type(ws.cell(row=r, column=7).value).__name__ for r in range(2, 8)]
    assert "datetime" in kinds and "str" in kinds, kinds

    # 6. context CSV
    raw = open(os.path.join(HERE, "context-russian-headers.csv"), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))
    assert rows[0] == CONTEXT_HEADER
    got = [{"year": int(r[0]), "school_code": r[1], "students": int(r[2]),
            **{k: share_value(v) for k, v in zip(CONTEXT_SHARE_KEYS, r[3:8])}} for r in rows[1:]]
    assert got == exp["context"], got
    assert sum(1 for r in rows[1:] if r[8]) == 2
    print("read-back check: all files match expected.json")


def main():
    make_registry(os.path.join(HERE, "schools-registry.xlsx"))
    make_vpr_csv(os.path.join(HERE, "vpr-5-math-percent-cp1251.csv"))
    writer = make_oko(os.path.join(HERE, "oko-two-row-header.xlsx"))
    make_prefixed(os.path.join(HERE, "results-prefixed.xlsx"))
    make_teachers(os.path.join(HERE, "teachers-two-sheets.xlsx"))
    make_context(os.path.join(HERE, "context-russian-headers.csv"))
    make_expected(os.path.join(HERE, "expected.json"), writer)
    print("oko-two-row-header.xlsx written by", writer)
    verify()


if __name__ == "__main__":
    main()
