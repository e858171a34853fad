"""The review site in a real browser: Debian's chromium driven by Selenium through Debian's
chromium-driver (installed by .ci/run; never a downloaded browser). Screenshots at phone and
laptop width land in $AUDITOR_SCREENSHOTS when set, to look at."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED
from tests.web.conftest import PASSWORD

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def text_now(driver: Any, selector: str) -> str:
    """The text of the element `selector` finds, found and read in one script: while a page
    reloads after a click, an element found in the old page and read in the new one makes
    Chromium fail with "Node with given id does not belong to the document", not with a stale
    element error a wait could expect."""
    script = "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';"
    return str(driver.execute_script(script, selector) or "")


def wait_until(browser: Any, condition: Callable[[Any], bool]) -> None:
    """Wait up to 10 s for `condition`, through the moment a page is replaced (a script run
    while no document is loaded fails; the next try reads the new page)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(condition)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    if not (CHROMEDRIVER.exists() and CHROMIUM.exists()):
        if os.environ.get("AUDITOR_REQUIRE_BROWSER"):
            pytest.fail("chromium and chromium-driver are not installed (.ci/run installs them)")
        pytest.skip("chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.add_argument("--window-size=390,844")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def server(app: Any) -> Iterator[str]:
    from waitress.server import create_server

    srv = create_server(app, host="127.0.0.1", port=0, threads=2)
    port = srv.socket.getsockname()[1]  # type: ignore[union-attr]
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    srv.close()


def shoot(driver: Any, name: str, width: int) -> None:
    folder = os.environ.get("AUDITOR_SCREENSHOTS")
    driver.set_window_size(width, 900)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 4000))
        driver.save_screenshot(str(Path(folder) / f"{name}-{width}.png"))
        driver.set_window_size(width, 900)


def log_in(driver: Any, base: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/login")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "name").send_keys("Juf Test")
    driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "check-form"))


def test_log_in_and_check_a_draft_with_a_phone_number_and_a_photo(
    browser: Any, server: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/login")
    for width in (390, 1280):
        shoot(browser, "login", width)
    log_in(browser, server)
    assert browser.find_element(By.ID, "check-form")
    photo = tmp_path / "klas.jpg"
    shutil.copy(SHARED / "images" / "fr_two_people.jpg", photo)
    browser.find_element(By.ID, "text").send_keys(
        "Vragen over de schoolreis? Bel juf Anouk op 06-41872963."
    )
    browser.find_element(By.ID, "photo").send_keys(str(photo))
    browser.find_element(By.ID, "check-button").click()
    from selenium.webdriver.support.ui import WebDriverWait

    # the check runs the face detector: on a loaded machine the result page can take seconds
    WebDriverWait(browser, 60).until(lambda d: d.find_elements(By.ID, "marked"))
    marked = browser.find_element(By.ID, "marked").text
    assert "06-******63" in marked and "41872963" not in marked
    suggestion = browser.find_element(By.ID, "suggestion").get_attribute("value")
    assert suggestion == "Vragen over de schoolreis? Bel de school op 0571-123456."
    assert "2 herkenbare gezichten" in browser.find_element(By.ID, "photo-result").text
    link = browser.find_element(By.ID, "download-blurred")
    assert link.get_attribute("href").startswith("data:image/jpeg;base64,")
    for width in (390, 1280):
        shoot(browser, "check", width)


def test_dismiss_a_finding(browser: Any, server: str, seeded: dict[str, int]) -> None:
    from selenium.webdriver.common.by import By

    log_in(browser, server)
    browser.get(f"{server}/findings")
    assert "Artikel 1a" in browser.page_source
    for width in (390, 1280):
        shoot(browser, "findings", width)
    fid = seeded["phone"]
    browser.get(f"{server}/findings/{fid}")
    browser.find_element(By.ID, "note").send_keys("nummer van de school zelf")
    browser.find_element(By.ID, "dismiss").click()
    wait_until(browser, lambda driver: text_now(driver, "#status") == "afgewezen")
    assert "nummer van de school zelf" in browser.find_element(By.ID, "history").text
    assert "Juf Test" in browser.find_element(By.ID, "history").text
    for width in (390, 1280):
        shoot(browser, "finding", width)


def test_a_form_post_without_its_token_is_refused(browser: Any, server: str) -> None:
    from selenium.webdriver.common.by import By

    log_in(browser, server)
    browser.execute_script("document.querySelector('#check-form input[name=csrf_token]').remove();")
    browser.find_element(By.ID, "text").send_keys("Sanne uit groep 5 won!")
    browser.find_element(By.ID, "check-button").click()
    wait_until(browser, lambda driver: "Formulier geweigerd" in text_now(driver, "body"))
