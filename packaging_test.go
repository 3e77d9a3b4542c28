package main

import (
	"encoding/xml"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// metainfoPath is the AppStream metadata that make package-deb installs.
const metainfoPath = "packaging/linux/app.rapport.desktop.metainfo.xml"

// metainfo is the part of the AppStream metadata the test checks.
type metainfo struct {
	ID          string `xml:"id"`
	Name        string `xml:"name"`
	Launchables []struct {
		Type  string `xml:"type,attr"`
		Value string `xml:",chardata"`
	} `xml:"launchable"`
	Screenshots []struct {
		Images []string `xml:"image"`
	} `xml:"screenshots>screenshot"`
	Categories []string `xml:"categories>category"`
	Releases   []struct {
		Version string `xml:"version,attr"`
		Date    string `xml:"date,attr"`
	} `xml:"releases>release"`
}

// TestMetainfoMatchesTheApp checks the AppStream metadata against the
// app, so that they cannot drift apart: its ID is FyneApp.toml's (the
// desktop entry's name), it launches that desktop entry, its newest
// release is FyneApp.toml's version, its categories are the desktop
// entry's, and each screenshot is an image in docs/.
func TestMetainfoMatchesTheApp(t *testing.T) {
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := filepath.Base(metainfoPath), meta.ID+".metainfo.xml"; got != want {
		t.Errorf("the metainfo file is %s, want %s (named after the app ID)", got, want)
	}
	data, err := os.ReadFile(metainfoPath)
	if err != nil {
		t.Fatal(err)
	}
	var m metainfo
	if err := xml.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", metainfoPath, err)
	}
	if m.ID != meta.ID {
		t.Errorf("id = %q, want FyneApp.toml's ID %q", m.ID, meta.ID)
	}
	if m.Name != meta.Name {
		t.Errorf("name = %q, want %q", m.Name, meta.Name)
	}
	if len(m.Launchables) != 1 || m.Launchables[0].Type != "desktop-id" || m.Launchables[0].Value != meta.ID+".desktop" {
		t.Errorf("launchables = %+v, want one desktop-id %s.desktop", m.Launchables, meta.ID)
	}
	if len(m.Releases) == 0 || m.Releases[0].Version != meta.Version {
		t.Errorf("releases = %+v, want the newest first with FyneApp.toml's version %s", m.Releases, meta.Version)
	}
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	cats := regexp.MustCompile(`(?m)^\s*Categories\s*=\s*\[(.*)\]`).FindSubmatch(toml)
	if cats == nil {
		t.Fatal("FyneApp.toml has no Categories")
	}
	if got, want := `"`+strings.Join(m.Categories, `", "`)+`"`, string(cats[1]); got != want {
		t.Errorf("categories %s, want the desktop entry's %s", got, want)
	}
	if len(m.Screenshots) < 2 {
		t.Errorf("%d screenshots, want at least 2", len(m.Screenshots))
	}
	for _, s := range m.Screenshots {
		for _, url := range s.Images {
			if !strings.HasPrefix(url, "https://rapport.app/docs/") {
				t.Errorf("screenshot %s is not under https://rapport.app/docs/, where docs/ is published", url)
			}
			if _, err := os.Stat(filepath.Join("docs", path.Base(url))); err != nil {
				t.Errorf("screenshot %s: %v", url, err)
			}
		}
	}
}
