"""Journey h: the admin writes the next programme in the browser.

The demo has the built-in programme (active) and a draft successor for the three years after it.
The admin shows the draft on the pages, renames it, adds a section, a direction, a task and a
measure (its deadline outside the period is said, not refused), has a percentage target above 100
refused with the typed value kept, deletes the unused measure, previews a programme from the
downloadable workbook (and cancels), and switches the open page for parents off and on again. `h` is the journeys module: its page checks and helpers.
"""
import os
import re
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def open_details(d, h, summary):
    """Opens the <details> whose summary reads `summary` and answers it."""
    el = d.find_element(By.XPATH, f"//main//details[summary[normalize-space()='{summary}']]")
    if not el.get_attribute("open"):
        h.click(d, el.find_element(By.TAG_NAME, "summary"))
    return el


def notice(d):
    return " ".join(e.text for e in d.find_elements(By.CSS_SELECTOR, "main .notice"))


def run(d, j, tmp, h):
    h.login(d, j, "admin")
    h.nav(d, "Программы")
    h.check_page(d, j, "programmes")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "Черновик" in r.text]
    j.need(rows, "the programmes page lists the demo's draft successor")
    years = re.search(r"(\d{4})–(\d{4})", rows[0].text)
    j.need(years, f"the draft has a period: «{rows[0].text[:80]}»")
    first, last = int(years.group(1)), int(years.group(2))
    h.click(d, rows[0].find_element(By.XPATH, ".//button[normalize-space()='Показывать на страницах']"))
    h.check_page(d, j, "draft chosen")
    j.expect(f"{first}–{last} · Черновик" in h.body_text(d), "the programme bar shows the draft")

    h.go(d, "/programmes")
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='Редактировать']"))
    h.check_page(d, j, "programme editor")
    j.need(h.h1(d) == "Редактирование программы", f"the editor opens: «{h.h1(d)}»")

    # The passport: a new name.
    form = open_details(d, h, "Изменить паспорт и анализ ситуации").find_element(By.TAG_NAME, "form")
    name = f"Программа поддержки школ с низкими результатами обучения на {first}-{last} годы (браузер)"
    h.type_in(form, "Наименование программы", name)
    h.click(d, h.form_button(form, "Сохранить паспорт"))
    h.check_page(d, j, "passport saved")
    j.expect("Изменения сохранены." in notice(d), f"«Изменения сохранены.» after the passport: «{notice(d)}»")
    j.expect(name in h.body_text(d), "the editor names the programme by its new name")

    # A section, a direction in it, a task and a measure.
    form = open_details(d, h, "Добавить раздел").find_element(By.TAG_NAME, "form")
    h.type_in(form, "Название раздела", "Цифровая среда школ (браузер)")
    h.click(d, h.form_button(form, "Добавить раздел"))
    h.check_page(d, j, "section added")
    heads = [e.text for e in d.find_elements(By.CSS_SELECTOR, "main section.edit-section h3")]
    j.need(heads and heads[-1].endswith("Цифровая среда школ (браузер)"), f"the new section is the last: {heads[-1:]}")
    number = heads[-1].split(".")[0].replace("Раздел ", "")

    form = open_details(d, h, "Добавить направление").find_element(By.TAG_NAME, "form")
    h.type_in(form, "Название направления", "Оснащение кабинетов (браузер)")
    Select(h.in_form(form, "Раздел")).select_by_visible_text(f"{number}. Цифровая среда школ (браузер)")
    h.click(d, h.form_button(form, "Добавить направление"))
    h.check_page(d, j, "direction added")
    code = f"{number}.1"
    j.need(d.find_elements(By.XPATH, f"//main//h4[normalize-space()='{code} Оснащение кабинетов (браузер)']"),
           f"the direction is coded {code}")

    form = open_details(d, h, f"Добавить задачу направления {code}").find_element(By.TAG_NAME, "form")
    h.type_in(form, "Задача", "Подключить школы к высокоскоростному интернету")
    h.click(d, h.form_button(form, "Добавить задачу"))
    h.check_page(d, j, "task added")

    form = open_details(d, h, f"Добавить мероприятие в направление {code}").find_element(By.TAG_NAME, "form")
    h.type_in(form, "Наименование мероприятия", "Мониторинг скорости интернета в школах (браузер)")
    h.type_in(form, "Срок", f"15.03.{last + 1}")
    Select(h.in_form(form, "Кто выполняет")).select_by_visible_text("муниципалитет")
    h.click(d, h.form_button(form, "Добавить мероприятие"))
    h.check_page(d, j, "measure added")
    j.expect(f"вне периода программы {first}–{last}" in notice(d), f"the deadline outside the period is said: «{notice(d)}»")
    links = d.find_elements(By.XPATH, "//main//a[normalize-space()='Мониторинг скорости интернета в школах (браузер)']")
    j.need(links, "the measure is listed under its task")

    # A percentage target above 100 is refused next to its field, the typed value kept.
    indicator = d.find_elements(By.CSS_SELECTOR, "main .edit-indicator")
    j.need(indicator, "the draft has indicators")
    summary = indicator[0].find_element(By.TAG_NAME, "summary")
    h.click(d, summary)
    form = indicator[0].find_element(By.TAG_NAME, "form")
    h.type_in(form, f"Цель на {first} год", "120")
    h.click(d, h.form_button(form, "Сохранить индикатор"))
    h.check_page(d, j, "indicator refused", expected_status=422)
    form = d.find_elements(By.CSS_SELECTOR, "main .edit-indicator form")[0]
    j.expect("от 0 до 100" in h.field_error(form, f"Цель на {first} год"), "the error stands next to the target")
    j.expect(h.in_form(form, f"Цель на {first} год").get_attribute("value") == "120", "the typed 120 is kept")
    h.type_in(form, f"Цель на {first} год", "95")
    h.click(d, h.form_button(form, "Сохранить индикатор"))
    h.check_page(d, j, "indicator saved")
    j.expect(f"{first} — 95" in h.body_text(d), f"the target of {first} is 95")

    # The unused measure is deleted from its own page.
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='Мониторинг скорости интернета в школах (браузер)']"))
    h.check_page(d, j, "new measure")
    j.expect("Кто выполняет" in h.body_text(d) and "муниципалитет" in h.body_text(d), "the measure page says who carries it out")
    h.click(d, h.button(d, "Удалить мероприятие"))
    h.check_page(d, j, "measure deleted")
    j.expect("удалено" in notice(d), f"the deletion is said: «{notice(d)}»")

    # A programme from a file: the downloadable workbook, uploaded as it is, is previewed; cancelled.
    h.go(d, "/programmes")
    link = d.find_element(By.XPATH, "//main//a[contains(@href, '/programmes/import-template.xlsx')]")
    status, _, body = h.fetch(d, link.get_attribute("href"))
    j.need(status == 200 and not h.xlsx_problems(body), f"the programme workbook template downloads ({status}): {h.xlsx_problems(body)}")
    path = os.path.join(tmp, "programma.xlsx")
    with open(path, "wb") as f:
        f.write(body)
    form = d.find_element(By.ID, "form-import")
    h.in_form(form, "Файл").send_keys(path)
    h.click(d, h.form_button(form, "Проверить файл"))
    h.check_page(d, j, "programme file preview")
    j.expect("4 мероприятия" in h.body_text(d), "the preview counts the template's example measures")
    j.need(d.find_elements(By.XPATH, "//main//button[normalize-space()='Создать черновик']"), "the preview offers «Создать черновик»")
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='Отмена']"))

    # The open page for parents: off, gone for a visitor, on again.
    h.go(d, "/programmes")
    h.click(d, h.button(d, "Выключить открытую страницу"))
    h.check_page(d, j, "open page off")
    try:
        urllib.request.urlopen(h.BASE + "/public", timeout=60)
        j.fail("/public still answers 200 with the open page off")
    except urllib.error.HTTPError as e:
        j.expect(e.code == 404, f"/public answers {e.code} with the open page off")
    h.click(d, h.button(d, "Включить открытую страницу"))
    h.check_page(d, j, "open page on")
    with urllib.request.urlopen(h.BASE + "/public", timeout=60) as r:
        j.expect(r.status == 200, "/public is open again")
    # The pages show the active programme again for the journeys after this one.
    h.go(d, "/programmes")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "Действует" in r.text]
    if rows and rows[0].find_elements(By.XPATH, ".//button[normalize-space()='Показывать на страницах']"):
        h.click(d, rows[0].find_element(By.XPATH, ".//button[normalize-space()='Показывать на страницах']"))
