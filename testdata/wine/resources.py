"""Prints, as JSON, what package_test.go checks of a Windows .exe: its
resource types (3 RT_ICON, 14 RT_GROUP_ICON, 16 RT_VERSION, 24 RT_MANIFEST),
the strings of its version resource, its subsystem and its manifest.

Run with Debian's Python, which has python3-pefile:
    /usr/bin/python3 resources.py rapport.exe
"""
import json
import sys

import pefile

# Only the resources: a full parse of a 30 MB Go binary takes seconds.
pe = pefile.PE(sys.argv[1], fast_load=True)
pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
types, strings, manifest = [], {}, ""
for entry in pe.DIRECTORY_ENTRY_RESOURCE.entries:
    types.append(entry.id)
    if entry.id == pefile.RESOURCE_TYPE["RT_MANIFEST"]:
        data = entry.directory.entries[0].directory.entries[0].data.struct
        manifest = pe.get_data(data.OffsetToData, data.Size).decode("utf-8", "replace")
for info in getattr(pe, "FileInfo", []):
    for item in info:
        for table in getattr(item, "StringTable", []):
            for key, value in table.entries.items():
                strings[key.decode()] = value.decode()
print(json.dumps({"types": types, "strings": strings,
                  "subsystem": pe.OPTIONAL_HEADER.Subsystem, "manifest": manifest}))
