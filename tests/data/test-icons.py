#!/usr/bin/python3
# Checks the app icons: both SVGs parse as XML, have the right size and
# viewBox, the symbolic one is monochrome #241f31, and the desktop file
# refers to the icon by the app ID. Paths come from BK_SOURCE_ROOT.

import os
import re
import sys
import xml.etree.ElementTree as ET

SOURCE_ROOT = os.environ.get('BK_SOURCE_ROOT') or os.path.abspath(
    os.path.join(os.path.dirname(__file__), '..', '..'))
SVG_NS = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOR = '#241f31'
COLOR_ATTRS = ('fill', 'stroke', 'stop-color', 'color')

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def project_app_id():
    with open(os.path.join(SOURCE_ROOT, 'meson.build'), encoding='utf-8') as f:
        m = re.search(r"^\s*app_id\s*=\s*'([^']+)'", f.read(), re.MULTILINE)
    if not m:
        sys.exit("meson.build: no `app_id = '…'` found")
    return m.group(1)


def style_colors(element):
    style = element.get('style', '')
    for decl in style.split(';'):
        if ':' in decl:
            key, value = (x.strip() for x in decl.split(':', 1))
            if key in COLOR_ATTRS:
                yield key, value


def colors(element):
    for attr in COLOR_ATTRS:
        if element.get(attr) is not None:
            yield attr, element.get(attr).strip()
    yield from style_colors(element)


def check_svg(path, size, symbolic):
    name = os.path.relpath(path, SOURCE_ROOT)
    if not check(os.path.exists(path), f'{name}: missing'):
        return
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        check(False, f'{name}: not well-formed XML: {e}')
        return
    if not check(root.tag == SVG_NS + 'svg', f'{name}: root element is {root.tag}, not svg'):
        return
    check(root.get('width') in (str(size), f'{size}px'),
          f"{name}: width is {root.get('width')!r}, expected {size}")
    check(root.get('height') in (str(size), f'{size}px'),
          f"{name}: height is {root.get('height')!r}, expected {size}")
    viewbox = (root.get('viewBox') or '').replace(',', ' ').split()
    check(viewbox == ['0', '0', str(size), str(size)],
          f"{name}: viewBox is {root.get('viewBox')!r}, expected '0 0 {size} {size}'")

    shapes = 0
    for el in root.iter():
        tag = el.tag.replace(SVG_NS, '')
        check(tag not in ('image', 'text', 'script', 'foreignObject'),
              f'{name}: contains <{tag}>; icons must be plain shapes')
        if tag in ('path', 'rect', 'circle', 'ellipse', 'polygon', 'line', 'polyline'):
            shapes += 1
        href = el.get('{http://www.w3.org/1999/xlink}href') or el.get('href')
        check(href is None or href.startswith('#'),
              f'{name}: refers to an external resource {href!r}')
        if symbolic:
            for attr, value in colors(el):
                check(value.lower() in (SYMBOLIC_COLOR, 'none', 'currentcolor'),
                      f'{name}: <{tag}> {attr}={value!r}; symbolic icons use only {SYMBOLIC_COLOR}')
    check(shapes >= 3, f'{name}: only {shapes} shapes, that is no real icon')


def main():
    app_id = project_app_id()
    icons = os.path.join(SOURCE_ROOT, 'data', 'icons')
    check_svg(os.path.join(icons, app_id + '.svg'), 128, symbolic=False)
    check_svg(os.path.join(icons, app_id + '-symbolic.svg'), 16, symbolic=True)

    desktop = os.path.join(SOURCE_ROOT, 'data', app_id + '.desktop.in')
    with open(desktop, encoding='utf-8') as f:
        icon_keys = re.findall(r'^Icon=(.*)$', f.read(), re.MULTILINE)
    check(icon_keys == [app_id], f'{os.path.basename(desktop)}: Icon={icon_keys}, expected {app_id}')

    if failures:
        for f in failures:
            print(f'FAIL: {f}', file=sys.stderr)
        return 1
    print('icons: OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
