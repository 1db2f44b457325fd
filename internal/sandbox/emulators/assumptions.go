package emulators

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// vendorTitles are the section headings of the vendor-assumptions guide.
var vendorTitles = map[string]string{
	"qacomplete":  "SmartBear QAComplete",
	"questionpro": "QuestionPro",
	"quickhelp":   "BrainStorm QuickHelp",
	"twosms":      "2sms",
}

// AssumptionsTable renders every emulator's switches as the tables of the
// vendor-assumptions guide: per vendor, each open point, the readings the
// provider is proven under with the sandbox options that select them, and
// what a user with a real tenant can check. The guide's template holds this
// text between its markers, and a test keeps the two equal.
func AssumptionsTable() string {
	var b strings.Builder
	for i, d := range All() {
		if i > 0 {
			b.WriteString("\n")
		}
		title := vendorTitles[d.Vendor]
		if title == "" {
			title = d.Vendor
		}
		fmt.Fprintf(&b, "### %s (`%s`)\n\n", title, d.Vendor)
		b.WriteString("| Open point | Readings the provider is proven under (sandbox options) | What to check on your tenant |\n")
		b.WriteString("|---|---|---|\n")
		for _, s := range d.Switches {
			var readings []string
			for j, r := range s.Readings {
				text := r.Name + " " + optionsText(r.Options)
				if j == 0 {
					text += " — the sandbox's default"
				}
				readings = append(readings, text)
			}
			fmt.Fprintf(&b, "| %s (%s) | %s | %s |\n", cell(s.Point), cell(s.Source), cell(strings.Join(readings, "<br>")), cell(s.Check))
		}
	}
	return b.String()
}

// optionsText writes a reading's options as the seed's "options" object
// would hold them, in key order.
func optionsText(opts map[string]any) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(opts)) {
		v, _ := json.Marshal(opts[k])
		parts = append(parts, fmt.Sprintf("%q: %s", k, v))
	}
	return "(`{" + strings.Join(parts, ", ") + "}`)"
}

// cell keeps a table cell on one row.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
