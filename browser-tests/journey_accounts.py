"""Journey k: accounts in the browser.

The administrator adds a school coordinator on «Пользователи» and reads the one-time password off
the page; the coordinator signs in with it, finds every page but «Мой профиль» closed, is refused a
common password, sets a proper one and reaches the home page; the administrator deactivates the
coordinator, whose open session is thrown out at the next request. `h` is the journeys module.
"""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def run(d, j, tmp, h):
    login = f"koord{int(time.time()) % 100000}"
    h.ALLOWED_WORDS.add("koord")
    h.login(d, j, "admin")
    h.nav(d, "Пользователи")
    h.check_page(d, j, "users")
    form = d.find_element(By.ID, "new-user")
    h.type_in(form, "Логин", login)
    h.type_in(form, "Имя", "Проверкина П. П.")
    Select(h.in_form(form, "Роль")).select_by_visible_text("Координатор школы")
    Select(h.in_form(form, "Школа (для координатора школы)")).select_by_index(1)
    h.type_in(form, "Почта", "proverkina@example.ru")
    h.click(d, h.form_button(form, "Добавить"))
    h.check_page(d, j, "a coordinator added")
    codes = d.find_elements(By.CSS_SELECTOR, "main .notice code.token")
    j.need(codes, "the one-time password is shown once on the page")
    password = codes[0].text.strip()
    j.expect(login in h.body_text(d), f"the list names the new user {login}")

    # The coordinator: one-time password, then only «Мой профиль» until a new one is set.
    h.logout(d)
    h.sign_in(d, j, login, password)
    j.need(d.current_url.split("?")[0].endswith("/account"), f"the first sign-in leads to «Мой профиль»: {d.current_url}")
    h.check_page(d, j, "one-time password: my profile")
    j.expect("временным паролем" in h.body_text(d), "the page says why it is the only one open")
    h.go(d, "/measures")
    j.expect(d.current_url.split("?")[0].endswith("/account"), f"another page leads back to «Мой профиль»: {d.current_url}")
    form = d.find_element(By.ID, "password")
    h.type_in(form, "Временный пароль", password)
    h.type_in(form, "Новый пароль", "1234567890")
    h.type_in(form, "Новый пароль ещё раз", "1234567890")
    h.click(d, h.form_button(form, "Сменить пароль"))
    h.check_page(d, j, "a common password not saved", expected_status=422)
    j.expect("слишком распространён" in h.body_text(d), "a common password is refused with the reason")
    form = d.find_element(By.ID, "password")
    h.type_in(form, "Временный пароль", password)
    h.type_in(form, "Новый пароль", "сосновый-бор-2025")
    h.type_in(form, "Новый пароль ещё раз", "сосновый-бор-2025")
    h.click(d, h.form_button(form, "Сменить пароль"))
    j.need(not d.current_url.split("?")[0].endswith("/account"), f"a proper password opens the other pages: {d.current_url}")
    h.check_page(d, j, "password changed: home")
    j.expect("Пароль изменён" in h.body_text(d), "the home page says the password was changed")
    kept = d.get_cookies()

    # The administrator, in another browser (this one's cookies put aside), deactivates the coordinator.
    d.delete_all_cookies()
    h.go(d, "/login")
    h.login(d, j, "admin")
    h.nav(d, "Пользователи")
    h.click(d, d.find_element(By.XPATH, f"//main//table//a[normalize-space()='{login}']"))
    h.check_page(d, j, "one user")
    h.click(d, h.button(d, "Отключить пользователя"))
    h.check_page(d, j, "user disabled saved")
    j.expect("отключён" in h.body_text(d), "the user's page says the user is disabled")

    # The coordinator's open session ends at the next request.
    d.delete_all_cookies()
    h.go(d, "/login")
    for c in kept:
        d.add_cookie({k: c[k] for k in ("name", "value", "path") if k in c})
    h.go(d, "/")
    j.expect(d.current_url.split("?")[0].endswith("/login"), f"the disabled coordinator is sent to sign in: {d.current_url}")
    d.delete_all_cookies()
