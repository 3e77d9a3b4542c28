package sealed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// testWorkFactor makes the tests' scrypt fast; TestDefaultWorkFactor
// checks the real one.
const testWorkFactor = 10

// initialWorkFactor is WorkFactor as the package set it.
var initialWorkFactor = WorkFactor

func TestMain(m *testing.M) {
	WorkFactor = testWorkFactor
	os.Exit(m.Run())
}

// seal encrypts plain with passphrase.
func seal(t *testing.T, plain []byte, passphrase string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := Encrypt(&buf, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open decrypts data with passphrase, reading it to the end.
func open(data []byte, passphrase string) ([]byte, error) {
	r, err := Decrypt(bytes.NewReader(data), passphrase)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestRoundTrip(t *testing.T) {
	big := bytes.Repeat([]byte("SQLite format 3\x00 Helena Park "), 10000) // several 64 KiB chunks
	tests := []struct {
		name       string
		plain      []byte
		passphrase string
	}{
		{"empty file", nil, "a passphrase"},
		{"a line", []byte(`{"format": "rapport-export"}`), "correct horse battery staple"},
		{"several chunks", big, "ünïcode pässphrase ✓"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sealed := seal(t, tt.plain, tt.passphrase)
			if !IsEncrypted(sealed) {
				t.Errorf("IsEncrypted(output) = false; output begins %q", sealed[:min(len(sealed), 30)])
			}
			for _, leak := range []string{"SQLite format 3", "rapport-export", "Helena", tt.passphrase} {
				if bytes.Contains(sealed, []byte(leak)) {
					t.Errorf("the encrypted file holds %q in plain text", leak)
				}
			}
			got, err := open(sealed, tt.passphrase)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.plain) {
				t.Errorf("decrypted %d bytes, want the %d encrypted", len(got), len(tt.plain))
			}
		})
	}
}

func TestWrongPassphrase(t *testing.T) {
	sealed := seal(t, []byte("secret notes"), "right")
	for _, wrong := range []string{"wrong", "Right", "right ", "righ"} {
		_, err := open(sealed, wrong)
		if !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("Decrypt with %q: err = %v, want ErrWrongPassphrase", wrong, err)
		}
	}
	if _, err := open(sealed, ""); !errors.Is(err, ErrNoPassphrase) {
		t.Errorf("Decrypt with no passphrase: err = %v, want ErrNoPassphrase", err)
	}
	if _, err := Encrypt(io.Discard, ""); !errors.Is(err, ErrNoPassphrase) {
		t.Errorf("Encrypt with no passphrase: err = %v, want ErrNoPassphrase", err)
	}
}

func TestDamaged(t *testing.T) {
	plain := bytes.Repeat([]byte("a year of notes "), 10000)
	sealed := seal(t, plain, "pass")
	flipped := bytes.Clone(sealed)
	flipped[len(flipped)-100] ^= 1
	tests := []struct {
		name string
		data []byte
	}{
		{"cut short", sealed[:len(sealed)-1000]},
		{"cut at a chunk boundary", sealed[:len(sealed)-(len(sealed)-200)%65552]},
		{"a byte changed", flipped},
		{"header only", sealed[:100]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := open(tt.data, "pass")
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v (%d bytes read), want ErrDamaged", err, len(got))
			}
		})
	}
}

func TestEncryptedToAKey(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, id.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("hello"))
	w.Close()
	if !IsEncrypted(buf.Bytes()) {
		t.Error("IsEncrypted(a file encrypted to a key) = false")
	}
	if _, err := open(buf.Bytes(), "pass"); !errors.Is(err, ErrNotPassphrase) {
		t.Errorf("err = %v, want ErrNotPassphrase", err)
	}
}

func TestArmored(t *testing.T) {
	var buf bytes.Buffer
	a := armor.NewWriter(&buf)
	w, err := Encrypt(a, "pass")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "armored notes")
	w.Close()
	a.Close()
	if !IsEncrypted(buf.Bytes()) {
		t.Fatalf("IsEncrypted(armored) = false: %q", buf.String()[:40])
	}
	got, err := open(buf.Bytes(), "pass")
	if err != nil || string(got) != "armored notes" {
		t.Errorf("got %q, %v; want the armored notes", got, err)
	}
}

func TestIsEncrypted(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"age-encryption.org/v1\n-> scrypt", true},
		{"-----BEGIN AGE ENCRYPTED FILE-----\n", true},
		{"age-encryption.org/v1", false}, // the header line is not finished
		{"age-encryption.org/v2\n", false},
		{"SQLite format 3\x00", false},
		{`{"format": "rapport-export"`, false},
		{"BEGIN:VCARD\r\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsEncrypted([]byte(tt.head)); got != tt.want {
			t.Errorf("IsEncrypted(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
	if HeaderLen < len(Header)+1 {
		t.Errorf("HeaderLen = %d is too short for the binary header", HeaderLen)
	}
}

// TestDefaultWorkFactor checks that files are made with age's own
// default work factor (a second of scrypt), not a weaker one, unless a
// test lowered it; and that Encrypt writes the factor it is given.
func TestDefaultWorkFactor(t *testing.T) {
	if DefaultWorkFactor != 18 || initialWorkFactor != DefaultWorkFactor {
		t.Fatalf("DefaultWorkFactor = %d, WorkFactor was %d; want both 18", DefaultWorkFactor, initialWorkFactor)
	}
	sealed := seal(t, []byte("x"), "p")
	if head := string(sealed[:100]); !strings.Contains(head, "\n-> scrypt ") || !strings.Contains(head, fmt.Sprintf(" %d\n", testWorkFactor)) {
		t.Errorf("header %q does not name scrypt with work factor %d", head, testWorkFactor)
	}
}
