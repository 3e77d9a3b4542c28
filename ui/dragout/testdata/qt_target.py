#!/usr/bin/env python3
"""A Qt 5 drop target for the dragout end-to-end test.

Usage: qt_target.py OUT X Y

Opens a 300x200 widget at (X, Y) with setAcceptDrops, prints
"READY <window id>" once it is shown, and appends every URI of a drop
(the text/uri-list as the source sent it) to the file OUT, one per line.
"""
import sys

from PyQt5.QtCore import QTimer
from PyQt5.QtWidgets import QApplication, QLabel


class Target(QLabel):
    def __init__(self, out):
        super().__init__("Drop an invite here (Qt 5)")
        self.out = out
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event):
        event.acceptProposedAction()

    def dropEvent(self, event):
        raw = bytes(event.mimeData().data("text/uri-list")).decode("utf-8")
        uris = [line for line in raw.splitlines() if line and not line.startswith("#")]
        with open(self.out, "a", encoding="utf-8") as f:
            for uri in uris:
                f.write(uri + "\n")
        print("RECEIVED", " ".join(uris), flush=True)
        event.acceptProposedAction()


def main():
    out, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    w = Target(out)
    w.setWindowTitle("Qt drop target")
    w.resize(300, 200)
    w.move(x, y)
    w.show()
    QTimer.singleShot(0, lambda: print("READY", int(w.winId()), flush=True))
    sys.exit(app.exec_())


if __name__ == "__main__":
    main()
