#!/usr/bin/env python3
# test-button-words.py: an instruction names a button by the word on it.
#
# Issue 15: easy-read German said "Senden" where the button says
# "Abschicken", and the form's own previous-question button and the window's
# Back were both "Zurück". For every catalogue of po/LINGUAS: each
# instruction below contains the translation of every button it names, and
# the buttons that do different things have different words.
import os
import re
import sys

root = os.environ.get('BK_SOURCE_ROOT') or os.path.join(os.path.dirname(__file__), '..', '..')

FORM_HELP = ('This is a form. First it says what is stored and for how long. '
             'Then it asks its questions; under each question it says what to write. '
             'Next checks your answers: if something is wrong, the problem is written under the question. '
             'Previous question goes back without losing anything. '
             'At the end you see all answers, with a Change button next to each, and Send. '
             'Back or Start page leave the form, and the kiosk forgets what you wrote.')

# instruction msgid -> the button msgids it names
NAMES = {
    'Is everything right? Press Change next to an answer to correct it. Then press Send.': ['Change', 'Send'],
    'Check your answers. Each has a Change button. Then press Send.': ['Change', 'Send'],
    FORM_HELP: ['Next', 'Previous question', 'Change', 'Send'],
}
SEND_AGAIN = 'Sending did not work: %s. Your answers are still here. Please press Send again, or ask the staff for help.'
NAMES[SEND_AGAIN] = ['Send']

# buttons on one screen that do different things
DISTINCT = [('Previous question', 'Back'), ('Next', 'Send')]


def unquote(lines):
    return ''.join(bytes(m, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
                   for m in re.findall(r'"((?:[^"\\]|\\.)*)"', lines))


def catalogue(path):
    text = open(path, encoding='utf-8').read()
    out = {}
    for m in re.finditer(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', text, re.M):
        out[unquote(m.group(1))] = unquote(m.group(2))
    return out


def main():
    failures = 0
    langs = open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8').read().split()
    for lang in langs:
        cat = catalogue(os.path.join(root, 'po', lang + '.po'))
        for instruction, buttons in NAMES.items():
            said = cat.get(instruction)
            if not said:
                print(f'{lang}: no translation of “{instruction[:50]}…”')
                failures += 1
                continue
            for button in buttons:
                word = cat.get(button)
                if not word or word not in said:
                    print(f'{lang}: “{instruction[:50]}…” does not say the button “{word}” ({button}): {said}')
                    failures += 1
        for a, b in DISTINCT:
            if cat.get(a) and cat.get(a) == cat.get(b):
                print(f'{lang}: “{a}” and “{b}” do different things but both read “{cat.get(a)}”')
                failures += 1
    print('1..1')
    print(('not ok' if failures else 'ok') + ' 1 button words')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
