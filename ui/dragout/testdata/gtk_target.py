#!/usr/bin/env python3
"""A GTK 3 drop target for the dragout end-to-end test.

Usage: gtk_target.py OUT X Y

Opens a 300x200 window at (X, Y) that accepts text/uri-list drops
(drag_dest_set), prints "READY <window id>" once it is mapped, and appends
every URI it receives to the file OUT, one per line.
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
gi.require_version("GdkX11", "3.0")
from gi.repository import Gdk, GdkX11, Gtk  # noqa: E402,F401  (GdkX11 gives get_xid)


def main():
    out, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    win = Gtk.Window(title="GTK drop target")
    win.set_default_size(300, 200)
    win.move(x, y)
    win.add(Gtk.Label(label="Drop an invite here (GTK 3)"))
    win.drag_dest_set(Gtk.DestDefaults.ALL,
                      [Gtk.TargetEntry.new("text/uri-list", 0, 0)],
                      Gdk.DragAction.COPY)

    def received(widget, context, x, y, data, info, time):
        uris = data.get_uris() or []
        with open(out, "a", encoding="utf-8") as f:
            for uri in uris:
                f.write(uri + "\n")
        print("RECEIVED", " ".join(uris), flush=True)

    def mapped(widget, event):
        print("READY", widget.get_window().get_xid(), flush=True)
        return False

    win.connect("drag-data-received", received)
    win.connect("map-event", mapped)
    win.connect("destroy", Gtk.main_quit)
    win.show_all()
    Gtk.main()


if __name__ == "__main__":
    main()
