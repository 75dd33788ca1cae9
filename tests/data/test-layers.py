#!/usr/bin/env python3
# test-layers.py: the folders of src/ are layers, and includes point down.
#
# A file may include a header of its own folder or of a folder below it in
# the order below; never one beside or above it. core and speech use no GTK.
# Then, per module (a .c with its .h and -private.h), no circle of includes:
# a circle means neither side can be understood or tested without the other.
# Prints each offending line with file and line number; exit 1 on any.
import os
import re
import sys

root = os.environ.get('BK_SOURCE_ROOT') or os.path.join(os.path.dirname(__file__), '..', '..')
src = os.path.join(root, 'src')

# Bottom up. Folders on the same step may not include each other.
ORDER = [
    ['core/util'],
    ['core/model'],
    ['core/store'],
    ['core/import/text'],
    ['core/import', 'core/staff', 'core/outbox'],
    ['core/sync'],
    ['core'],
    ['speech'],
    ['cli', 'ui/model'],
    ['ui/widgets'],
    ['ui/access'],
    ['ui/pages'],
    ['ui/session', 'ui/staff'],
    ['ui/shell'],
    ['.'],
]
RANK = {folder: step for step, folders in enumerate(ORDER) for folder in folders}
NO_GTK = ('core', 'speech', 'cli')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')

headers = {}      # basename -> folder
files = []
for dirpath, _, names in os.walk(src):
    folder = os.path.relpath(dirpath, src)
    for name in names:
        if name.endswith(('.c', '.h')):
            files.append((folder, name))
            if name.endswith('.h'):
                if name in headers:
                    print(f'FAIL: two headers called {name}: {headers[name]} and {folder}')
                    sys.exit(1)
                headers[name] = folder

problems = []
edges = {}


def module(name):
    base = name.rsplit('.', 1)[0]
    return base[:-len('-private')] if base.endswith('-private') else base


for folder, name in sorted(files):
    if folder not in RANK:
        problems.append(f'src/{folder}/{name}: the folder src/{folder} is not in the layer order of {__file__}')
        continue
    path = os.path.join(src, folder, name)
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, target = m.groups()
            where = f'src/{folder}/{name}:{number}'
            if kind == '<':
                if folder.split('/')[0] in NO_GTK and re.match(r'(gtk|gdk|adwaita|graphene)', target):
                    problems.append(f'{where}: {target}: src/{folder} must not use GTK')
                continue
            other = headers.get(os.path.basename(target))
            if other is None:
                continue   # generated (bk-config.h, resources)
            if other != folder and RANK[other] >= RANK[folder]:
                problems.append(f'{where}: includes {target} from src/{other}, which is not below src/{folder}')
            if module(name) != module(os.path.basename(target)):
                edges.setdefault(module(name), set()).add(module(os.path.basename(target)))

# Circles between modules (Tarjan's strongly connected components).
index = {}
low = {}
stack = []
on_stack = set()
circles = []
counter = [0]


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on_stack.add(v)
    for w in sorted(edges.get(v, ())):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            circles.append(sorted(component))


sys.setrecursionlimit(10000)
for v in sorted(edges):
    if v not in index:
        visit(v)
for circle in circles:
    problems.append('include circle: ' + ' -> '.join(circle))

for p in problems:
    print('FAIL:', p)
if problems:
    print(f'{len(problems)} problems')
    sys.exit(1)
print(f'PASS: {len(files)} files in {len(RANK)} layers, includes point down, no circles')
