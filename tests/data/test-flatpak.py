#!/usr/bin/python3
# Checks the Flatpak manifest against the build files: app ID, command,
# modules and sandbox permissions. It does not build anything.
# Paths come from BK_SOURCE_ROOT (set by tests/meson.build).

import json
import os
import re
import sys

SOURCE_ROOT = os.environ.get('BK_SOURCE_ROOT') or os.path.abspath(
    os.path.join(os.path.dirname(__file__), '..', '..'))
MANIFEST_DIR = os.path.join(SOURCE_ROOT, 'flatpak')

REQUIRED_FINISH_ARGS = [
    '--socket=wayland',
    '--socket=fallback-x11',
    '--share=ipc',
    '--device=dri',
    '--socket=pulseaudio',
]

# pkg-config names the GNOME runtime provides; every other dependency() of
# the build files must be a module of the manifest, or the Flatpak fails to build.
RUNTIME_PROVIDES = {
    'glib-2.0', 'gio-2.0', 'gio-unix-2.0', 'gobject-2.0', 'gmodule-2.0', 'json-glib-1.0', 'sqlite3',
    'libxml-2.0', 'cairo', 'cairo-xlib', 'epoxy', 'gtk4', 'gtk4-unix-print', 'gtk4-x11', 'libadwaita-1',
    'gstreamer-1.0', 'gstreamer-app-1.0', 'gstreamer-audio-1.0', 'libsoup-3.0',
    'libcrypto', 'libssl',
}
# pkg-config name -> manifest module that provides it
MODULE_FOR = {
    'espeak-ng': 'espeak-ng',
    'libsodium': 'libsodium',
    'poppler-glib': 'poppler',
    'tesseract': 'tesseract',
    'libqrencode': 'qrencode',
}

# cc.find_library() names (libraries without a pkg-config file) -> module;
# libm comes with the C library.
LIBRARY_MODULE_FOR = {
    'stemmer': 'snowball',
}
LIBRARIES_PROVIDED = {'m'}

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def strip_meson_comments(text):
    return '\n'.join(line.split('#', 1)[0] for line in text.splitlines())


def project_app_id():
    text = strip_meson_comments(read(os.path.join(SOURCE_ROOT, 'meson.build')))
    m = re.search(r"^\s*app_id\s*=\s*'([^']+)'", text, re.MULTILINE)
    if not m:
        sys.exit("meson.build: no `app_id = '…'` found")
    return m.group(1)


def project_executables():
    text = strip_meson_comments(read(os.path.join(SOURCE_ROOT, 'src', 'meson.build')))
    return re.findall(r"\bexecutable\(\s*'([^']+)'", text)


def build_dependencies():
    names = set()
    for root, _dirs, files in os.walk(os.path.join(SOURCE_ROOT, 'src')):
        for f in files:
            if f == 'meson.build':
                names.update(re.findall(r"\bdependency\(\s*'([^']+)'",
                                        strip_meson_comments(read(os.path.join(root, f)))))
    top = strip_meson_comments(read(os.path.join(SOURCE_ROOT, 'meson.build')))
    names.update(re.findall(r"\bdependency\(\s*'([^']+)'", top))
    return names


def build_libraries():
    """The names given to cc.find_library() in the build files."""
    names = set()
    paths = [os.path.join(SOURCE_ROOT, 'meson.build')]
    for root, _dirs, files in os.walk(os.path.join(SOURCE_ROOT, 'src')):
        paths += [os.path.join(root, f) for f in files if f == 'meson.build']
    for path in paths:
        names.update(re.findall(r"\bfind_library\(\s*'([^']+)'",
                                strip_meson_comments(read(path))))
    return names


def module_sources(module):
    return module.get('sources', []) if isinstance(module, dict) else []


def is_local_app_module(module):
    return any(s.get('type') == 'dir' and os.path.normpath(s.get('path', '')) == '..'
               for s in module_sources(module))


def flatten_modules(modules):
    for module in modules:
        yield module
        if isinstance(module, dict):
            yield from flatten_modules(module.get('modules', []))


def main():
    app_id = project_app_id()
    manifest_path = os.path.join(MANIFEST_DIR, app_id + '.json')
    if not os.path.exists(manifest_path):
        sys.exit(f'{manifest_path}: missing (the manifest must be named after the app ID)')
    try:
        manifest = json.loads(read(manifest_path))
    except json.JSONDecodeError as e:
        sys.exit(f'{manifest_path}: invalid JSON: {e}')

    manifest_id = manifest.get('id') or manifest.get('app-id')
    check(manifest_id == app_id,
          f'manifest id {manifest_id!r} differs from meson app_id {app_id!r}')

    check(str(manifest.get('runtime', '')).startswith('org.gnome.Platform'),
          f"runtime is {manifest.get('runtime')!r}, expected org.gnome.Platform")
    check(str(manifest.get('sdk', '')).startswith('org.gnome.Sdk'),
          f"sdk is {manifest.get('sdk')!r}, expected org.gnome.Sdk")
    check(bool(manifest.get('runtime-version')), 'runtime-version is missing')

    executables = project_executables()
    command = manifest.get('command')
    check('buergerkiosk' in executables,
          f"src/meson.build has no executable('buergerkiosk' (found {executables})")
    check(command == 'buergerkiosk',
          f"command is {command!r}, expected 'buergerkiosk'")
    check(command in executables,
          f'command {command!r} is not an executable of src/meson.build {executables}')

    finish_args = manifest.get('finish-args', [])
    for arg in REQUIRED_FINISH_ARGS:
        check(arg in finish_args, f'finish-args lack {arg}')
    for arg in finish_args:
        check(not arg.startswith('--filesystem=host') and arg != '--share=network'
              and not arg.startswith('--device=all'),
              f'finish-args has {arg}, which the kiosk does not need')

    modules = list(flatten_modules(manifest.get('modules', [])))
    names = [m.get('name') if isinstance(m, dict) else m for m in modules]

    espeak = [m for m in modules if isinstance(m, dict) and m.get('name') == 'espeak-ng']
    if check(len(espeak) == 1, f'expected one espeak-ng module, modules are {names}'):
        e = espeak[0]
        check(e.get('buildsystem', 'autotools') == 'autotools',
              f"espeak-ng buildsystem is {e.get('buildsystem')!r}, expected autotools")
        git = [s for s in module_sources(e) if s.get('type') == 'git']
        check(any('espeak-ng/espeak-ng' in s.get('url', '') for s in git),
              'espeak-ng is not built from its git repository')
        check(any(s.get('tag') == '1.51' for s in git),
              'espeak-ng is not pinned to tag 1.51')

    for dep in sorted(build_dependencies() - RUNTIME_PROVIDES):
        module = MODULE_FOR.get(dep)
        if check(module is not None,
                 f"dependency('{dep}') is neither in the GNOME runtime nor mapped to a module"):
            check(module in names, f"dependency('{dep}') needs the module {module!r}")
    for lib in sorted(build_libraries() - LIBRARIES_PROVIDED):
        module = LIBRARY_MODULE_FOR.get(lib)
        if check(module is not None,
                 f"find_library('{lib}') is neither in the runtime nor mapped to a module"):
            check(module in names, f"find_library('{lib}') needs the module {module!r}")
    if 'tesseract' in names:
        check('leptonica' in names and names.index('leptonica') < names.index('tesseract'),
              'tesseract needs leptonica built before it')
        check(any('deu.traineddata' in s.get('url', '')
                  for m in modules if isinstance(m, dict) for s in module_sources(m)),
              'tesseract has no German language data (deu.traineddata)')
    for m in modules:
        if not isinstance(m, dict):
            continue
        for s in module_sources(m):
            kind = s.get('type')
            if kind in ('archive', 'file') and 'url' in s:
                check(re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', '')) is not None,
                      f"module {m.get('name')}: {s['url']} has no sha256")
            if kind == 'git':
                check(bool(s.get('commit') or s.get('tag')),
                      f"module {m.get('name')}: git source is pinned to neither tag nor commit")

    apps = [m for m in modules if isinstance(m, dict) and is_local_app_module(m)]
    if check(len(apps) == 1,
             f'expected one module built from the local directory "..", found {len(apps)}'):
        app = apps[0]
        check(app.get('buildsystem') == 'meson',
              f"app module buildsystem is {app.get('buildsystem')!r}, expected meson")
        check(modules.index(app) == len(modules) - 1, 'the app module must be the last module')
        if espeak:
            check(modules.index(espeak[0]) < modules.index(app),
                  'espeak-ng must be built before the app')

    if failures:
        for f in failures:
            print(f'FAIL: {f}', file=sys.stderr)
        return 1
    print(f'{os.path.relpath(manifest_path, SOURCE_ROOT)}: OK (modules: {", ".join(map(str, names))})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
