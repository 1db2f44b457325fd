package apiclient

import (
	"regexp"
	"strings"
)

// maxBodyText bounds the text BodyText keeps: enough for any real error
// message, short enough that a proxy's whole HTML page never fills a
// diagnostic.
const maxBodyText = 300

var htmlTags = regexp.MustCompile(`<[^>]*>`)

// BodyText turns an error body that is not the vendor's JSON envelope (an
// IIS or proxy HTML page, plain text) into one readable line: invalid UTF-8
// replaced, tags dropped, whitespace collapsed, capped on a character
// boundary. Vendor decoders use
// it for their fallback.
func BodyText(body []byte) string {
	// Invalid UTF-8 (a binary or mis-encoded page) would be mangled later
	// by the plugin protocol; replace it here so the text stays readable.
	text := htmlTags.ReplaceAllString(strings.ToValidUTF8(string(body), "\uFFFD"), " ")
	return shorten(strings.Join(strings.Fields(text), " "), maxBodyText)
}
