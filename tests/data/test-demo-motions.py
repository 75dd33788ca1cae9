#!/usr/bin/python3
# Checks the bundled demo motions in data/demo/motions: well-formed text,
# the three export layouts, consultation lines, the spread over bodies and
# states, and that related-paper references point at other demo motions.
# With --gresource it checks instead that data/demo/demo.gresource.xml lists
# exactly the motion files (skips while it lists none).
# Paths come from BK_SOURCE_ROOT.

import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

SOURCE_ROOT = os.environ.get('BK_SOURCE_ROOT') or os.path.abspath(
    os.path.join(os.path.dirname(__file__), '..', '..'))
DEMO_DIR = os.path.join(SOURCE_ROOT, 'data', 'demo')
MOTIONS_DIR = os.path.join(DEMO_DIR, 'motions')
TODAY = datetime.date(2026, 11, 23)   # the demo is written relative to this day
SKIP = 77

MONTHS = {m: i + 1 for i, m in enumerate(
    ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August',
     'September', 'Oktober', 'November', 'Dezember'])}
NUMERIC_DATE = re.compile(r'\b(\d{2})\.(\d{2})\.(\d{4})\b')
LONG_DATE = re.compile(r'\b(\d{1,2})\.\s+(' + '|'.join(MONTHS) + r')\s+(\d{4})\b')
CONSULTATION_A = re.compile(r'^[ÖN]\t(\d{2}\.\d{2}\.\d{4})\t\S.*$')
CONSULTATION_B = re.compile(r'^<b>[^<]+</b>\t<b>(\d{2}\.\d{2}\.\d{4})?</b>\t<b>[^<]+</b>$')
NUMBER = re.compile(r'(?:Drucksache Nr\.:|^## Antrag Nr\.)\s*(\S+)', re.MULTILINE)
REFERENCE = re.compile(r'zur Vorlage ([A-Z]*/?\d+/\d+(?:/\d+)?)')
# The headings of an easy-read summary, alone on their line (see the parser).
EASY_HEADING = re.compile(r'^(?:#+ |\*\*)?(?:Zusammenfassung in Leichter Sprache|In Leichter Sprache|'
                          r'Leichte Sprache|Kurz in Leichter Sprache):?(?:\*\*)?$', re.MULTILINE)
BODIES = {
    'Kreistag Beispielkreis': re.compile(r'Landkreis Beispielkreis|Kreistag|Landrat'),
    'Stadtrat Auenbach': re.compile(r'Stadt Auenbach|Stadtrat|Bürgermeisterin'),
    'Gemeinderat Lindental': re.compile(r'Gemeinde Lindental|Gemeinderat Lindental|Rathaus Lindental'),
}

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def motion_files():
    return sorted(f for f in os.listdir(MOTIONS_DIR)
                  if f.endswith(('.txt', '.md')) and f != 'README.md')


def layout_of(text):
    if re.search(r'^## Antrag Nr\. ', text, re.MULTILINE):
        return 'b'
    if 'Sehr geehrte' in text and 'Mit freundlichen Grüßen' in text:
        return 'c'
    if 'Drucksache Nr.:' in text and 'Beratungsfolge:' in text:
        return 'a'
    return None


def parse_date(day, month, year):
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def check_motion(name, raw):
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        check(False, f'{name}: not UTF-8: {e}')
        return None
    check('\r' not in text, f'{name}: has CR line ends')
    check(text.endswith('\n'), f'{name}: does not end with a newline')
    lines = text.splitlines()
    check(20 <= len(lines) <= 60, f'{name}: {len(lines)} lines, expected 20–60')

    layout = layout_of(text)
    check(layout is not None, f'{name}: matches none of the layouts (a), (b), (c)')
    check('Begründung:' in text, f'{name}: no "Begründung:"')

    dates = []
    for d, m, y in NUMERIC_DATE.findall(text):
        date = parse_date(d, m, y)
        check(date is not None, f'{name}: invalid date {d}.{m}.{y}')
        dates.append(date)
    for d, month, y in LONG_DATE.findall(text):
        dates.append(parse_date(d, MONTHS[month], y))

    consultation_dates = []
    if layout == 'a':
        check(re.search(r'^Antragsteller: ', text, re.MULTILINE), f'{name}: no "Antragsteller:"')
        check(re.search(r'^Betreff:$', text, re.MULTILINE), f'{name}: no "Betreff:" line')
        check('gez.' in text, f'{name}: no "gez." signature')
        block = text.split('Beratungsfolge:', 1)[1].split('\n\n', 1)[0].strip().splitlines()
        check(block, f'{name}: empty Beratungsfolge')
        for line in block:
            m = CONSULTATION_A.match(line)
            if check(m, f'{name}: bad Beratungsfolge line {line!r}'):
                consultation_dates.append(parse_date(*m.group(1).split('.')))
    elif layout == 'b':
        for marker in ('**öffentlich**', '**Antragsteller:**', '### Betreff:', '### Beschlussvorschlag:',
                       '#### Begründung:'):
            check(marker in text, f'{name}: no {marker!r}')
        for line in lines:
            if line.startswith('<b>'):
                m = CONSULTATION_B.match(line)
                if check(m, f'{name}: bad consultation line {line!r}') and m.group(1):
                    consultation_dates.append(parse_date(*m.group(1).split('.')))
    elif layout == 'c':
        check(re.search(r'^\S+, den \d{1,2}\. \w+ \d{4}$', text, re.MULTILINE),
              f'{name}: no date line "Ort, den 2. Oktober 2026"')
        check('beantragt' in text, f'{name}: no "beantragt"')
        check(re.search(r'^\d+\. ', text, re.MULTILINE), f'{name}: no numbered points')
        check(re.search(r'^\s+- ', text, re.MULTILINE), f'{name}: no "- " sub-points')
        # letters name the meeting in a sentence; ignore the letter's own date line
        consultation_dates = [parse_date(d, MONTHS[mo], y) for d, mo, y in
                              LONG_DATE.findall(re.sub(r'^\S+, den .*$', '', text, flags=re.MULTILINE))]

    bodies = [b for b, rx in BODIES.items() if rx.search(text)]
    return {
        'name': name,
        'text': text,
        'layout': layout,
        'dates': [d for d in dates if d],
        'consultations': [d for d in consultation_dates if d],
        'bodies': bodies,
        'numbers': NUMBER.findall(text),
        'references': REFERENCE.findall(text),
        'easy': bool(EASY_HEADING.search(text)),
    }


def check_motions():
    if not check(os.path.isdir(MOTIONS_DIR), f'{MOTIONS_DIR}: missing'):
        return
    readme = os.path.join(MOTIONS_DIR, 'README.md')
    if check(os.path.exists(readme), 'data/demo/motions/README.md: missing'):
        with open(readme, encoding='utf-8') as f:
            check('fictional' in f.read().lower(), 'README.md does not say the content is fictional')

    motions = []
    for name in motion_files():
        with open(os.path.join(MOTIONS_DIR, name), 'rb') as f:
            info = check_motion(name, f.read())
        if info:
            motions.append(info)
    check(len(motions) >= 10, f'only {len(motions)} demo motions, expected at least 10')

    easy = [m['name'] for m in motions if m['easy']]
    check(len(easy) >= 5, f'only {len(easy)} demo motions with an easy-read summary, expected at least 5')

    for layout in 'abc':
        count = sum(1 for m in motions if m['layout'] == layout)
        check(count >= 3, f'layout ({layout}) used {count} times, expected at least 3')

    for body in BODIES:
        check(any(body in m['bodies'] for m in motions), f'no demo motion for {body}')

    decided = [m for m in motions if m['consultations'] and max(m['consultations']) < TODAY]
    upcoming = [m for m in motions if any(
        TODAY < d <= datetime.date(2027, 3, 31) for d in m['consultations'])]
    undated = [m for m in motions if not m['dates']]
    check(decided, 'no fully decided motion (all consultations before 2026-11-23)')
    check(upcoming, 'no motion with a consultation between 2026-11-24 and 2027-03-31')
    check(len(undated) == 1, f'expected exactly one motion without any date, found '
                             f'{[m["name"] for m in undated]}')
    for m in motions:
        check(all(d.year in (2026, 2027) for d in m['dates']),
              f'{m["name"]}: dates outside 2026/2027')

    numbers = {}
    for m in motions:
        for n in m['numbers']:
            check(n not in numbers, f'{m["name"]}: number {n} also used by {numbers.get(n)}')
            numbers[n] = m['name']
    refs = [(m['name'], r) for m in motions for r in m['references']]
    check(refs, 'no motion refers to another paper ("zur Vorlage …")')
    for name, ref in refs:
        check(ref in numbers and numbers[ref] != name,
              f'{name}: refers to {ref}, which is no other demo motion')

    summary = ', '.join(f'{k}: {v}' for k, v in (
        ('motions', len(motions)), ('decided', len(decided)),
        ('upcoming', len(upcoming)), ('undated', len(undated)),
        ('easy-read', sum(1 for m in motions if m['easy']))))
    return summary


def check_gresource():
    path = os.path.join(DEMO_DIR, 'demo.gresource.xml')
    root = ET.parse(path).getroot()
    listed = [f.text.strip() for f in root.iter('file') if f.text]
    listed_motions = [f for f in listed if f.startswith('motions/')]
    if not listed_motions:
        print('SKIP: demo.gresource.xml lists no motions/ files yet')
        return SKIP
    for f in listed:
        check(os.path.exists(os.path.join(DEMO_DIR, f)), f'demo.gresource.xml lists missing file {f}')
    check('motions/README.md' not in listed, 'demo.gresource.xml lists motions/README.md, which is no motion')
    for name in motion_files():
        check('motions/' + name in listed, f'demo.gresource.xml does not list motions/{name}')
    return 0


def main():
    if '--gresource' in sys.argv[1:]:
        rc = check_gresource()
        summary = 'demo.gresource.xml lists all demo motions'
    else:
        rc = 0
        summary = check_motions()
    if failures:
        for f in failures:
            print(f'FAIL: {f}', file=sys.stderr)
        return 1
    if rc == SKIP:
        return SKIP
    print(f'OK ({summary})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
