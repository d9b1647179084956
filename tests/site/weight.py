"""What a page costs a reader on a first visit, read from the built files: the page and every
file that its markup and stylesheets make a browser fetch before the page has rendered, each as
many bytes as it takes served gzipped (as GitHub Pages serves text). Scripts may fetch more
(search fetches its index, a page opened from search results the scripts that mark the words):
tests/site/browser/test_weight_browser.py checks that a browser asks for nothing else."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import soupsieve
import tinycss2
from bs4 import BeautifulSoup, Tag
from tinycss2.ast import AtRule, Declaration, FunctionBlock, Node, QualifiedRule, URLToken

ORIGIN = "http://site.test/"  # a stand-in origin to resolve the page's relative addresses
# Links a browser fetches when it renders the page; the others (canonical, alternate, search,
# next) name addresses without fetching them.
FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload"}
# Types GitHub Pages serves gzipped; fonts and images are sent as they are (already packed).
TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt"}
# Pseudo-classes and pseudo-elements: a rule under :hover or ::before still applies to the
# element as far as the files it needs are concerned (counted: the check stays on the safe side).
PSEUDO = re.compile(r"::?[A-Za-z-]+(?:\([^)]*\))?")
VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
DECLARATIONS = "\n"  # between a rule's declarations, as this module keeps them
FONT_PROPERTIES = ("font-family", "font")
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Fetch:
    url: str  # as the browser asks for it, query included
    path: str  # the file of the built site, from its root
    size: int  # bytes on the wire (gzipped for text)


def wire_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, mtime=0)) if path.suffix in TEXT_SUFFIXES else len(data)


def first_visit(out: Path, page: str) -> list[Fetch]:
    """The page and what it loads, each address once, in the order found."""
    root = out.resolve()
    page_url = urljoin(ORIGIN, page)
    soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "lxml")
    fetched: dict[str, Fetch] = {}

    def add(url: str) -> Path | None:
        if not url.startswith(ORIGIN):
            return None  # data: and the like; another origin fails the CSP tests
        path = urlsplit(url).path.removeprefix(urlsplit(ORIGIN).path)
        file = root / path
        assert file.is_file(), f"{page} loads {url}, which the build did not make"
        if url not in fetched:
            fetched[url] = Fetch(url, path, wire_size(file))
        return file

    add(page_url)
    for url in _markup_urls(soup, page_url):
        add(url)
    sheets = [(page_url, style.get_text()) for style in soup.find_all("style")]
    sheets += [
        (url, file.read_text(encoding="utf-8"))
        for url in list(fetched)
        if url.endswith(".css") or ".css?" in url
        if (file := add(url)) is not None
    ]
    faces: dict[str, list[str]] = {}
    used: list[tuple[str, str, list[str]]] = []  # (selector, declaration text, urls)
    while sheets:
        base, text = sheets.pop(0)
        rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        for kind, url, extra in _read_rules(rules, base):
            if kind == "import" and url not in fetched and (file := add(url)) is not None:
                sheets.append((url, file.read_text(encoding="utf-8")))
            elif kind == "face":
                faces.setdefault(extra[0].casefold(), []).append(url)
            elif kind == "rule":
                used.append((extra[0], extra[1], [url] if url else []))
    for url in _fetched_by_rules(soup, faces, used):
        add(url)
    return list(fetched.values())


def _markup_urls(soup: BeautifulSoup, page_url: str) -> Iterator[str]:
    for el in soup.select("link[href], script[src], img[src]"):
        if el.name == "link" and not FETCHED_RELS & set(_rels(el)):
            continue
        yield urljoin(page_url, str(el.get("href") or el.get("src")))


def _rels(el: Tag) -> list[str]:
    rel = el.get("rel") or []
    return [r.lower() for r in (rel.split() if isinstance(rel, str) else rel)]


def _read_rules(rules: Iterable[Node], base: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """("import", url, ()), ("face", first src url, (family,)) and ("rule", url or "",
    (selector, the declarations' text)) for every rule, inside @media and @supports too."""
    for rule in rules:
        if isinstance(rule, AtRule):
            name = rule.lower_at_keyword
            if name == "import":
                strings = [t.value for t in rule.prelude if t.type == "string"]
                url = next(iter(_urls(rule.prelude) + strings), None)
                if url is not None:
                    yield "import", urljoin(base, url), ()
            elif name == "font-face" and rule.content is not None:
                decls = _declarations(rule.content)
                family = _family(decls.get("font-family", []))
                srcs = _urls(decls.get("src", []))
                if family and srcs:  # a browser fetches the first source it can use
                    yield "face", urljoin(base, srcs[0]), (family,)
            elif rule.content is not None:  # @media, @supports, @layer: rules inside
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                yield from _read_rules(inner, base)
        elif isinstance(rule, QualifiedRule):
            selector = tinycss2.serialize(rule.prelude).strip()
            decls = _declarations(rule.content)
            text = DECLARATIONS.join(
                f"{name}: {tinycss2.serialize(value)}" for name, value in decls.items()
            )
            urls = [u for value in decls.values() for u in _urls(value)]
            for url in urls or [""]:
                yield "rule", urljoin(base, url) if url else "", (selector, text)


def _family(tokens: list[Node]) -> str:
    """A font family's name, as CSS reads it quoted or not (Font\\ Awesome, "Font Awesome")."""
    kinds = ("ident", "string", "whitespace")
    words = [getattr(t, "value", " ") for t in tokens if t.type in kinds]
    return " ".join("".join(str(w) for w in words).split())


def _declarations(content: list[Node]) -> dict[str, list[Node]]:
    parsed = tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True)
    return {d.lower_name: d.value for d in parsed if isinstance(d, Declaration)}


def _urls(tokens: Iterable[Node]) -> list[str]:
    found = []
    for token in tokens:
        if isinstance(token, URLToken):
            found.append(token.value)
        elif isinstance(token, FunctionBlock):
            if token.lower_name == "url":
                found += [t.value for t in token.arguments if t.type == "string"]
            else:
                found += _urls(token.arguments)
    return [u for u in found if not u.startswith("data:")]


def _fetched_by_rules(
    soup: BeautifulSoup, faces: dict[str, list[str]], rules: list[tuple[str, str, list[str]]]
) -> Iterator[str]:
    """Images of the rules that apply to an element of the page, and the fonts of the families
    they name, through custom properties too (a property's every value counts wherever it is
    set: the check stays on the safe side). Of rules with the same selector, the last one that
    sets the font wins, as in the cascade."""
    variables: dict[str, list[str]] = {}
    last_font: dict[str, int] = {}
    for index, (selector, text, _) in enumerate(rules):
        for name, value in _split(text):
            if name.startswith("--"):
                variables.setdefault(name, []).append(value)
            elif name in FONT_PROPERTIES:
                last_font.update(dict.fromkeys(_selectors(selector), index))
    for index, (selector, text, urls) in enumerate(rules):
        named = " ".join(v for n, v in _split(text) if n in FONT_PROPERTIES)
        named = _expand(named, variables).casefold()
        families = [family for family in faces if family in named]
        winning = [s for s in _selectors(selector) if last_font.get(s) == index]
        if families and winning and _applies(soup, ",".join(winning)):
            for family in families:
                yield from faces[family]
        if urls and _applies(soup, selector):
            yield from (u for u in urls if u)


def _selectors(selector: str) -> list[str]:
    """The selectors of a list, each written one way (no spaces, ':' for '::', lower case)."""
    return [WHITESPACE.sub("", s).replace("::", ":").lower() for s in selector.split(",")]


def _split(text: str) -> Iterator[tuple[str, str]]:
    for declaration in text.split(DECLARATIONS):
        name, _, value = declaration.partition(":")
        yield name.strip(), value


def _expand(value: str, variables: dict[str, list[str]], depth: int = 8) -> str:
    """The text with every var(--name) followed: each value --name has anywhere."""
    names = VAR.findall(value)
    if not names or depth == 0:
        return value
    found = [_expand(v, variables, depth - 1) for name in names for v in variables.get(name, [])]
    return " ".join([value, *found])


def _applies(soup: BeautifulSoup, selector: str) -> bool:
    """Whether a rule's selector matches an element of the page, pseudo-classes and
    pseudo-elements left out; a selector soupsieve cannot read counts as matching."""
    plain = ",".join(PSEUDO.sub("", part).strip() or "*" for part in selector.split(","))
    try:
        return soup.select_one(plain) is not None
    except soupsieve.SelectorSyntaxError:
        return True
