"""Journey j: the region's administrator at region size (30 municipalities, 800 schools).

The region is loaded as a region starts with Opora (bench/lib/region.sh): each municipality made by
`opora setup` with its programme active, the registry, context and results of the whole region
loaded at once with `opora import --region`. The administrator reads the municipalities side by side,
sorts them, opens one read-only, filters the region's schools by municipality and category, pages
through them, reads the region's report and downloads its workbook, and sees the regional import.
Every page is checked at 1280 and 390 px as in the other journeys. `h` is the journeys module.
"""
import re
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def rows(d):
    return d.find_elements(By.CSS_SELECTOR, "main table.region tbody tr")


def run(d, j, tmp, h, login, password, municipalities=30):
    h.sign_in(d, j, login, password)
    j.need(d.current_url.split("?")[0].endswith("/region"), f"a regional user starts at «Муниципалитеты»: {d.current_url}")
    h.check_page(d, j, "municipalities of the region")
    j.need(len(rows(d)) == municipalities, f"«Муниципалитеты» lists {municipalities} municipalities: {len(rows(d))}")
    first = rows(d)[0].text
    j.expect("2026" in first or re.search(r"\d{4}–\d{4}", first), f"each row names its active programme and period: «{first[:120]}»")

    # Sorted by the schools with low results: the first row has the most.
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='по числу школ НРО']"))
    h.check_page(d, j, "municipalities by НРО")
    counts = [int(c.text) for c in d.find_elements(By.CSS_SELECTOR, "main table.region tbody tr td:nth-of-type(5)") if c.text.isdigit()]
    j.expect(counts and counts == sorted(counts, reverse=True), f"sorted by НРО, most first: {counts[:8]}")

    # One municipality opened for reading: its pages, and nothing to change on them.
    target = rows(d)[0].find_element(By.TAG_NAME, "th").text
    h.click(d, rows(d)[0].find_element(By.XPATH, ".//button[normalize-space()='Открыть']"))
    h.check_page(d, j, "an opened municipality's home")
    j.expect(f"страницы муниципалитета «{target}» — только чтение" in h.body_text(d), f"the bar says «{target}» is read-only")
    h.nav(d, "Мониторинг")
    h.check_page(d, j, "an opened municipality's monitoring")
    j.expect(target in h.body_text(d) or "Мониторинг результатов" in h.h1(d), "its monitoring is shown")
    h.nav(d, "Мероприятия")
    h.check_page(d, j, "an opened municipality's measures")
    link = d.find_elements(By.CSS_SELECTOR, "main table tbody tr a[href^='/measures/']")
    if link:
        h.click(d, link[0])
        h.check_page(d, j, "a measure, read-only")
        forms = d.find_elements(By.CSS_SELECTOR, "main form[method='post']")
        j.expect(not forms, f"no form to change a measure for a regional user: {len(forms)}")

    # Every school of the region, one municipality highlighted, one category, then all of them paged.
    h.nav(d, "Школы региона")
    h.check_page(d, j, "schools of the region")
    Select(h.field(d, "Муниципалитет")).select_by_visible_text(target)
    Select(h.field(d, "Категория")).select_by_value("lowResults")
    h.click(d, h.button(d, "Показать"))
    h.check_page(d, j, "schools of one municipality, НРО")
    cells = [r.find_elements(By.TAG_NAME, "td")[0].text for r in d.find_elements(By.CSS_SELECTOR, "main table.data tbody tr")]
    j.expect(cells and all(c == target for c in cells), f"only schools of «{target}» are listed: {sorted(set(cells))[:3]}")
    j.expect(f"Цветом выделены школы муниципалитета «{target}»" in h.body_text(d), "the scatter highlights the chosen municipality")
    dim = d.find_elements(By.CSS_SELECTOR, "main svg circle.dim")
    j.expect(len(dim) > 500, f"the other schools are drawn grey behind: {len(dim)}")
    Select(h.field(d, "Муниципалитет")).select_by_value("")
    Select(h.field(d, "Категория")).select_by_value("")
    h.click(d, h.button(d, "Показать"))
    j.expect("Школы 1–100 из 800" in h.body_text(d), "800 schools, a hundred a page")
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='Следующие →']"))
    h.check_page(d, j, "schools of the region, page 2")
    j.expect("Школы 101–200 из 800" in h.body_text(d), "the second page")

    # The report and its workbook.
    h.nav(d, "Отчёт региона")
    h.check_page(d, j, "report of the region")
    j.expect(all(f"Район № {k:03d}" in h.body_text(d) for k in (1, municipalities)), "the report names every municipality")
    href = d.find_element(By.XPATH, "//main//a[normalize-space()='Скачать XLSX']").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie}), timeout=60) as r:
        body = r.read()
        j.expect(r.status == 200 and body[:2] == b"PK", f"the workbook downloads: {r.status}, {body[:2]!r}")

    h.nav(d, "Загрузка по региону")
    h.check_page(d, j, "regional import")
    j.expect("Муниципалитет" in h.body_text(d), "the regional import says how rows find their municipality")
