"""Journey h: the admin writes the next programme in the browser.

The demo has the built-in programme (active) and a draft successor for the three years after it.
The admin shows the draft on the pages, renames it, adds a section, a direction, a task and a
measure (its deadline outside the period is said, not refused), has a percentage target above 100
refused with the typed value kept, deletes the unused measure, previews a programme from the
downloadable workbook (and cancels), and switches the open page for parents off and on again. `h` is the journeys module: its page checks and helpers.
"""
import os
import re
import time
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


# ------------------------------------------------------------------ journey i: a new district
SCHOOLS_CSV = """code,name,short_name,settlement,type,distance_km
ud-01,МБОУ Аносовская СОШ,Аносовская СОШ,с. Аносово,СОШ,40
ud-02,МБОУ Усть-Удинская СОШ № 1,Усть-Удинская СОШ № 1,п. Усть-Уда,СОШ,0
ud-03,МБОУ Молькинская СОШ,Молькинская СОШ,с. Молька,СОШ,55
ud-04,МБОУ Усть-Удинская СОШ № 2,Усть-Удинская СОШ № 2,п. Усть-Уда,СОШ,0
"""


def results_csv(years):
    """ВПР of `years`: ud-01 and ud-03 fail half of their pupils (НРО), the others a few."""
    lines = ["year,kind,grade,subject,school_code,participants,fails"]
    for year in years:
        for grade in range(4, 9):
            for subject in ("математика", "русский язык"):
                for code, fails in (("ud-01", 10), ("ud-02", 1), ("ud-03", 9), ("ud-04", 2)):
                    lines.append(f"{year},vpr,{grade},{subject},{code},20,{fails}")
    return "\n".join(lines) + "\n"


def upload(d, h, j, kind_title, path, label):
    h.go(d, "/imports")
    Select(h.field(d, "Что загружаем")).select_by_visible_text(kind_title)
    h.field(d, "Файл").send_keys(path)
    h.click(d, h.button(d, "Проверить файл"))
    h.check_page(d, j, f"{label}: preview")
    h.click(d, h.button(d, "Загрузить"))
    h.check_page(d, j, f"{label}: loaded")
    j.expect("загружен" in notice(d), f"{label}: «{notice(d)[:80]}»")


def run_new_district(d, j, tmp, h, login, password, first=2025):
    """A district fresh from `opora setup` writes its own programme for `first`…`first`+2, runs it,
    reports on its second year, closes it and starts the next from it."""
    last, middle = first + 2, first + 1
    h.sign_in(d, j, login, password)

    h.nav(d, "Программы")
    h.check_page(d, j, "programmes of a new district")
    h.click(d, h.button(d, "Удалить черновик"))
    h.check_page(d, j, "setup's draft deleted")
    j.expect("удалён" in notice(d), f"the draft made by setup is deleted: «{notice(d)}»")
    form = d.find_element(By.ID, "form-create")
    Select(h.in_form(form, "Начать")).select_by_value("template")
    h.type_in(form, "Первый год", str(first))
    h.type_in(form, "Последний год", str(last))
    h.click(d, h.form_button(form, "Создать черновик"))
    h.check_page(d, j, "draft from the template")
    j.need(f"{first}–{last} · Черновик" in h.body_text(d), f"the draft {first}–{last} is shown")

    h.go(d, "/programme/edit")
    form = open_details(d, h, "Изменить паспорт и анализ ситуации").find_element(By.TAG_NAME, "form")
    h.type_in(form, "Наименование программы", f"Программа поддержки школ Усть-Удинского района на {first}–{last} годы")
    h.click(d, h.form_button(form, "Сохранить паспорт"))
    h.check_page(d, j, "renamed")
    form = open_details(d, h, "Добавить мероприятие в направление 1.1").find_element(By.TAG_NAME, "form")
    h.type_in(form, "Наименование мероприятия", "Выездной семинар в Аносово")
    h.type_in(form, "Срок", f"15.10.{middle}")
    h.click(d, h.form_button(form, "Добавить мероприятие"))
    h.check_page(d, j, "measure added")
    indicator = d.find_elements(By.CSS_SELECTOR, "main .edit-indicator")[0]
    h.click(d, indicator.find_element(By.TAG_NAME, "summary"))
    form = indicator.find_element(By.TAG_NAME, "form")
    for year, value in ((first, "60"), (middle, "75"), (last, "90")):
        h.type_in(form, f"Цель на {year} год", value)
    h.click(d, h.form_button(form, "Сохранить индикатор"))
    h.check_page(d, j, "targets set")
    j.expect(f"{middle} — 75" in h.body_text(d), f"the target of {middle} is 75")
    h.go(d, "/programmes")
    h.click(d, h.button(d, "Сделать действующей"))
    h.check_page(d, j, "activated")
    j.expect(f"{first}–{last} · Действует" in h.body_text(d), "the programme is active")

    upload(d, h, j, "Реестр школ", write(tmp, "schools-ud.csv", SCHOOLS_CSV), "schools")
    upload(d, h, j, "Результаты по школам", write(tmp, "vpr-ud.csv", results_csv((first - 2, first - 1))), "results")
    h.nav(d, "Школы")
    h.click(d, h.button(d, "Включить в программу школы НРО и НСУ по мониторингу года перед её началом"))
    h.check_page(d, j, "participating schools")
    j.expect("Аносовская СОШ" in notice(d) and "Молькинская СОШ" in notice(d), f"the НРО schools of {first - 1} take part: «{notice(d)}»")

    h.go(d, "/programme/edit")
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='Выездной семинар в Аносово']"))
    h.check_page(d, j, "the new measure")
    Select(h.field(d, "Состояние")).select_by_visible_text("Выполнено")
    h.type_into(d, "Дата выполнения", time.strftime("%d.%m.%Y"))
    h.type_into(d, "Кто выполнил", "Методист района")
    h.type_into(d, "или ссылка на подтверждение", "https://ud-obr.ru/seminar")
    h.click(d, h.button(d, "Сохранить"))
    h.check_page(d, j, "measure done")
    j.expect("Изменения сохранены." in notice(d), "the measure is saved as done")

    h.go(d, f"/report?year={middle}")
    h.check_page(d, j, f"report {middle}")
    j.expect(f"за {middle} год" in h.h1(d), f"the report of {middle}: «{h.h1(d)}»")
    status, _, body = h.fetch(d, f"/report.xlsx?year={middle}")
    j.expect(status == 200 and not h.xlsx_problems(body), f"the {middle} workbook downloads ({status})")

    h.go(d, "/programmes")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "main table tbody tr") if "Действует" in r.text]
    j.need(rows, "the active programme is listed")
    form = [f for f in rows[0].find_elements(By.TAG_NAME, "form") if f.get_attribute("action").endswith("/close")][0]
    h.type_in(form, "Причина закрытия", "Переход на новую программу")
    h.click(d, h.form_button(form, "Закрыть программу"))
    h.check_page(d, j, "closed: final report")
    j.expect("Итоговый отчёт" in h.h1(d), f"closing opens the final report: «{h.h1(d)}»")
    j.expect("4. Эффект программы" in h.body_text(d), "the final report has the programme's effect")
    h.click(d, d.find_element(By.XPATH, "//main//a[normalize-space()='Эффект программы']"))
    h.check_page(d, j, "programme effect")
    j.expect(h.h1(d) == "Эффект программы", f"«Эффект программы» opens: «{h.h1(d)}»")
    effect_rows = d.find_elements(By.CSS_SELECTOR, "main section[aria-labelledby='h-years'] table tbody tr")
    j.expect(effect_rows or "результатов мониторинга пока нет" in h.body_text(d),
             f"a row for each programme year with results, or the page says there are none: {len(effect_rows)}")
    if effect_rows:
        j.expect(d.find_elements(By.CSS_SELECTOR, "main figure.chart svg"), "the chart of the two groups and the effect is drawn")

    h.go(d, "/programmes")
    form = d.find_element(By.ID, "form-create")
    Select(h.in_form(form, "Начать")).select_by_value("previous")
    h.type_in(form, "Первый год", str(last + 1))
    h.type_in(form, "Последний год", str(last + 3))
    details = form.find_element(By.TAG_NAME, "details")
    h.click(d, details.find_element(By.TAG_NAME, "summary"))
    boxes = details.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    j.need(len(boxes) >= 2, f"{len(boxes)} unfinished measures offered for carrying over")
    for box in boxes[:2]:
        h.click(d, box)
    h.click(d, h.form_button(form, "Создать черновик"))
    h.check_page(d, j, "successor")
    j.expect(f"{last + 1}–{last + 3} · Черновик" in h.body_text(d), "the successor is a draft shown on the pages")

    for path in ("/", "/programme", "/plan", "/measures", "/programmes", "/indicators", "/schools", "/monitoring", "/cycle"):
        h.go(d, path)
        j.expect("Балаганск" not in h.body_text(d), f"{path} does not name the template's district")


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path
