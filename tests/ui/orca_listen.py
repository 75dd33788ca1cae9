"""The real Orca, headless, for the kiosk's tests: what it says, line by line.

The project's own copy of the method of a measuring harness (Orca with a
private speech-dispatcher and Orca's INFO debug log): Orca runs with the
kiosk's Orca profile (data/orca/user-settings.conf, the laptop layout that
leaves the numeric keypad to the kiosk) in a private preferences folder,
plus an orca-customizations.py that logs every utterance ("SPEECH OUTPUT:
'...'") and turns braille and sound off. Speech goes to a private
speech-dispatcher whose only output module appends to a file; no audio
device is needed (ALSA "null").

Run inside gui-run.sh with Debian's /usr/bin/python3.
Orca refuses to start while another Orca of the same user runs (it asks
pgrep machine-wide): Orca.start() raises Unavailable then.
"""
import os
import re
import shutil
import subprocess
import time

SAY = re.compile(r"^\S+ - SPEECH OUTPUT: '(.*?)'( voice=\S+)?\s*(\{.*\})?\s*$")

CUSTOMIZATIONS = """\
import os
import orca.debug as debug
import orca.settings as settings
debug.debugLevel = debug.LEVEL_INFO
debug.debugFile = open(os.environ["BK_ORCA_LOG"], "a", buffering=1)
settings.enableBraille = False
settings.enableSound = False
settings.speechServerFactory = "speechdispatcherfactory"
"""

SPEECHD_CONF = """\
LogLevel 3
LogDir "{dir}/speechd-log"
AudioOutputMethod "alsa"
AudioALSADevice "null"
DefaultModule capture
AddModule "capture" "sd_generic" "capture.conf"
DefaultLanguage "en"
"""

CAPTURE_CONF = """\
Debug 0
GenericExecuteSynth "printf '%s\\\\n' \\'$DATA\\' >> {dir}/speechd-capture.txt"
GenericLanguage "en" "en" "utf-8"
GenericLanguage "de" "de" "utf-8"
AddVoice "en" "MALE1" "en"
AddVoice "de" "MALE1" "de"
DefaultVoice "en"
"""


class Unavailable(Exception):
    """Orca or speech-dispatcher is not installed, or Orca cannot start here."""


def installed():
    return shutil.which("orca") is not None and shutil.which("speech-dispatcher") is not None


def profile_path(source_root):
    return os.path.join(source_root, "data", "orca", "user-settings.conf")


class Orca:
    def __init__(self, workdir, profile):
        self.dir = os.path.join(workdir, "orca")
        self.prefs = os.path.join(self.dir, "prefs")
        self.log_path = os.path.join(self.dir, "orca-debug.log")
        os.makedirs(os.path.join(self.dir, "speechd-conf", "modules"))
        os.makedirs(os.path.join(self.dir, "speechd-log"))
        os.makedirs(self.prefs)
        shutil.copy(profile, os.path.join(self.prefs, "user-settings.conf"))
        with open(os.path.join(self.prefs, "orca-customizations.py"), "w") as f:
            f.write(CUSTOMIZATIONS)
        with open(os.path.join(self.dir, "speechd-conf", "speechd.conf"), "w") as f:
            f.write(SPEECHD_CONF.format(dir=self.dir))
        with open(os.path.join(self.dir, "speechd-conf", "modules", "capture.conf"), "w") as f:
            f.write(CAPTURE_CONF.format(dir=self.dir))
        open(self.log_path, "w").close()
        self.speechd = None
        self.orca = None
        self.env = dict(os.environ)

    def start(self, timeout=90):
        """Starts speech-dispatcher, then Orca; returns once Orca said it is on."""
        if not installed():
            raise Unavailable("orca or speech-dispatcher is not installed")
        if subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"],
                          stdout=subprocess.DEVNULL).returncode == 0:
            raise Unavailable("another Orca of this user runs; Orca refuses to start next to it")
        runtime = os.environ.get("XDG_RUNTIME_DIR", self.dir)
        sock_dir = os.path.join(runtime, "speech-dispatcher")
        os.makedirs(sock_dir, exist_ok=True)
        sock = os.path.join(sock_dir, "speechd.sock")
        self.speechd = subprocess.Popen(
            ["speech-dispatcher", "-C", os.path.join(self.dir, "speechd-conf"),
             "-c", "unix_socket", "-S", sock, "-t", "0", "-s"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.monotonic() + 20
        while not os.path.exists(sock):
            if time.monotonic() > end or self.speechd.poll() is not None:
                raise RuntimeError("speech-dispatcher did not start")
            time.sleep(0.05)
        self.env["SPEECHD_ADDRESS"] = "unix_socket:" + sock
        self.env["BK_ORCA_LOG"] = self.log_path
        self.env.pop("NO_AT_BRIDGE", None)
        self.orca = subprocess.Popen(["orca", "-u", self.prefs], env=self.env,
                                     stdout=open(os.path.join(self.dir, "orca.out"), "w"),
                                     stderr=subprocess.STDOUT)
        end = time.monotonic() + timeout
        while True:
            log = self.read_log()
            if "Startup complete notification made" in log or "SPEECH OUTPUT: 'Screen reader on" in log:
                return
            if self.orca.poll() is not None:
                raise RuntimeError("Orca ended at start:\n" + self.read_out())
            if time.monotonic() > end:
                raise RuntimeError("Orca did not become ready in %d s:\n%s" % (timeout, self.read_out()))
            time.sleep(0.2)

    def read_out(self):
        try:
            with open(os.path.join(self.dir, "orca.out"), errors="replace") as f:
                return f.read()[-3000:]
        except OSError:
            return ""

    def read_log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def utterances(self):
        """Everything Orca said so far, in order."""
        said = []
        for line in self.read_log().splitlines():
            m = SAY.match(line)
            if m:
                said.append(m.group(1))
        return said

    def mark(self):
        return len(self.utterances())

    def said_since(self, mark):
        return self.utterances()[mark:]

    def wait_said(self, mark, patterns, timeout=30, pump=None):
        """Waits until, after mark, each regex in patterns matched some
        utterance (in any order); returns the utterances then. Raises
        TimeoutError with what was said."""
        regexes = [re.compile(p) for p in patterns]
        end = time.monotonic() + timeout
        while True:
            said = self.said_since(mark)
            missing = [r.pattern for r in regexes if not any(r.search(u) for u in said)]
            if not missing:
                return said
            if time.monotonic() > end:
                raise TimeoutError("Orca did not say %s; it said %r" % (missing, said))
            if pump is not None:
                pump(0.2)
            else:
                time.sleep(0.2)

    def errors(self):
        """Python exceptions in Orca's log (a dropped event looks like this)."""
        return [line for line in self.read_log().splitlines()
                if "Traceback" in line or "Error:" in line and "AttributeError" in line]

    def stop(self):
        # Orca handles SIGTERM in Python only when the next event arrives:
        # TERM, a short grace, then KILL; Orca keeps nothing worth saving.
        for proc, grace in ((self.orca, 1.5), (self.speechd, 3)):
            if proc is None or proc.poll() is not None:
                continue
            proc.terminate()
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
