package dragout

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// The types every drag offers besides the item's own: the file as a URI
// list, and its path as plain text (what a terminal or a text field wants).
const (
	typeURIList    = "text/uri-list"
	typePlainUTF8  = "text/plain;charset=utf-8"
	typeUTF8String = "UTF8_STRING"
	typePlain      = "text/plain"
)

// errRelative is returned for an Item whose Path is not absolute.
var errRelative = errors.New("dragout: the dragged file's path must be absolute")

// fileURI returns the file:// URI of the absolute slash-separated path p,
// percent-encoding every byte but RFC 3986's unreserved characters and '/'
// (so spaces, '%', '#', '?' and UTF-8 all come out escaped).
func fileURI(p string) (string, error) {
	if !strings.HasPrefix(p, "/") {
		return "", fmt.Errorf("%w: %q", errRelative, p)
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len("file://") + len(p)*3)
	b.WriteString("file://")
	for i := 0; i < len(p); i++ {
		c := p[i]
		if unreserved(c) || c == '/' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0x0f])
	}
	return b.String(), nil
}

// unreserved reports whether c is one of RFC 3986's unreserved characters.
func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// uriList returns the text/uri-list payload (RFC 2483) for path p: its
// file:// URI followed by CRLF.
func uriList(p string) (string, error) {
	u, err := fileURI(p)
	if err != nil {
		return "", err
	}
	return u + "\r\n", nil
}

// offer is what a drag offers: type names (MIME types and X11 target
// names), most preferred first, each with its bytes.
type offer struct {
	types []string
	data  [][]byte
}

// newOffer builds the offer for item: text/uri-list first, then the item's
// own type (when it has data), then the path as plain text.
func newOffer(item Item) (offer, error) {
	list, err := uriList(item.Path)
	if err != nil {
		return offer{}, err
	}
	var o offer
	o.add(typeURIList, []byte(list))
	if len(item.Data) > 0 && item.Type != "" {
		o.add(item.Type, item.Data)
	}
	for _, t := range []string{typePlainUTF8, typeUTF8String, typePlain} {
		o.add(t, []byte(item.Path))
	}
	return o, nil
}

// add appends a type unless one of the same name is already offered.
func (o *offer) add(name string, data []byte) {
	if _, ok := o.lookup(name); ok {
		return
	}
	o.types = append(o.types, name)
	o.data = append(o.data, data)
}

// lookup returns the bytes offered for the type called name. MIME types
// match without regard to case or spaces ("text/plain; charset=UTF-8" is
// text/plain;charset=utf-8).
func (o offer) lookup(name string) ([]byte, bool) {
	want := normType(name)
	for i, t := range o.types {
		if normType(t) == want {
			return o.data[i], true
		}
	}
	return nil, false
}

// normType lower-cases a type name and drops its spaces.
func normType(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", ""))
}

// property is what a selection owner writes on the requestor's window in
// answer to a request: the property's type atom, its format (8 or 32 bits
// per item) and its bytes.
type property struct {
	typ    uint32
	format byte
	data   []byte
}

// The predefined atoms of the core protocol that a negotiation needs.
const (
	atomATOM    = 4
	atomINTEGER = 19
)

// negotiation answers the selection requests of drop targets for an offer
// whose types have been interned as X atoms.
type negotiation struct {
	offer     offer
	typeAtoms []uint32 // typeAtoms[i] is the atom of offer.types[i]
	targets   uint32   // the TARGETS atom
	timestamp uint32   // the TIMESTAMP atom
	time      uint32   // when the selection was acquired
	maxData   int      // the largest payload one request can carry; 0: no limit
}

// answer returns the property to write for a request of the target atom:
// the list of targets, the acquisition time, or the bytes of an offered
// type. An atom that is not one of the offered ones is looked up by name
// (name may be nil), so differently spelled MIME types still match; ok is
// false when the request must be refused.
func (n negotiation) answer(target uint32, name func(uint32) string) (p property, ok bool) {
	switch {
	case target == 0:
		return property{}, false
	case target == n.targets:
		atoms := append([]uint32{n.targets, n.timestamp}, n.typeAtoms...)
		return property{typ: atomATOM, format: 32, data: le32(atoms...)}, true
	case target == n.timestamp:
		return property{typ: atomINTEGER, format: 32, data: le32(n.time)}, true
	}
	data, found := n.bytesFor(target, name)
	if !found || (n.maxData > 0 && len(data) > n.maxData) {
		return property{}, false
	}
	return property{typ: target, format: 8, data: data}, true
}

// bytesFor returns the offered bytes for target, by atom and then by name.
func (n negotiation) bytesFor(target uint32, name func(uint32) string) ([]byte, bool) {
	for i, a := range n.typeAtoms {
		if a == target && i < len(n.offer.data) {
			return n.offer.data[i], true
		}
	}
	if name == nil {
		return nil, false
	}
	s := name(target)
	if s == "" {
		return nil, false
	}
	return n.offer.lookup(s)
}

// enterTypes returns the type atoms that an XdndEnter message carries (the
// first three offered, zero-padded) and whether there are more, which the
// target must then read from the source's XdndTypeList property.
func (n negotiation) enterTypes() (types [3]uint32, more bool) {
	copy(types[:], n.typeAtoms)
	return types, len(n.typeAtoms) > len(types)
}

// le32 encodes 32-bit items in the little-endian order that xgb declares
// to the server.
func le32(v ...uint32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}
