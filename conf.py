"""Sphinx settings for the INET4AI website. Settings only: the logic lives in tools/."""

import os

project = "INET4AI"
author = "INET4AI organizers"

# The published address, in one place: canonical links, the sitemap, OpenGraph and citations.
# An empty INET4AI_BASE_URL (an unset CI variable) counts as unset.
html_baseurl = os.environ.get("INET4AI_BASE_URL") or "https://irtf-net4ai.github.io/inet4ai/"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinx_sitemap",
    "tools.proceedings.sphinx",
    "tools.program.sphinx",
    "tools.theme",  # the theme inet4ai: sphinx-book-theme, with what pages use (tools/theme)
]

root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = [
    "_build",
    ".venv",
    "README.md",
    "proceedings/data",
    "tests",
    "bench",
    "tools",
    ".github",
    ".pytest_cache",
]
nitpicky = True
language = "en"

# The series' data (series.yaml, a folder an edition) is read from proceedings/data; the site's
# title, logo text, footer and OpenGraph site name come from series.yaml (tools/.../series.py).
# `-D series_data=DIR` builds another series, `-D proceedings_data=DIR` another volume.

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline", "attrs_block", "strikethrough"]
myst_heading_anchors = 3
suppress_warnings = ["myst.strikethrough"]  # strikethrough renders in HTML, the only builder

html_theme = "inet4ai"
html_static_path = ["_static"]
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False
html_use_index = False  # no index entries on this site: the page would be empty
html_math_renderer = "mathml"
html_theme_options = {
    "logo": {
        "image_light": "_static/favicon.svg",
        "image_dark": "_static/favicon.svg",  # else the theme writes an <img src="">
    },
    "home_page_in_toc": False,
    "show_navbar_depth": 1,
    # The sidebar lists the four sections only (sub-pages are linked from their section): no
    # nested <details>, whose unlabeled <summary> toggle fails axe-core's summary-name rule.
    "max_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "navigation_with_keys": False,
    # The book theme keeps search, theme switch and page contents in the article header; an
    # empty persistent navbar stops pydata-sphinx-theme from adding a second search bar on top.
    "navbar_persistent": [],
    "footer_content_items": ["copyright.html", "extra-footer.html"],
}
# Without a default mode pydata-sphinx-theme logs "Got invalid theme mode" on a first visit.
html_context = {"default_mode": "light"}
# Sphinx's own favicon setting: the basic layout writes it on every page, search.html included
# (sphinx-favicon skipped pages without a doctree, so Chromium asked for /favicon.ico there).
html_favicon = "_static/favicon.svg"

sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
sitemap_show_lastmod = False

# Link previews: one image for every page, 1200x630 (the logo, _static/favicon.svg, and the
# series' name), from the site's root.
preview_image = "_static/preview.png"

copybutton_prompt_text = ""
# Code blocks, a citation file's text on a paper page and the ACM reference (written as text).
copybutton_selector = "div.highlight pre, div.cite-text pre, p.cite-acm-text"

# Data must appear exactly as written (titles such as "INET4AI '25"): no curly-quote rewriting.
smartquotes = False
