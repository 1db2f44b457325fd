package main

import (
	"fmt"
	"image/color"
	"sort"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// writeChart plots the no-change plan's wall time against the number of
// resources: one line per CLI, latency and cap setting, and the floor
// beside each CLI and latency (the caps do not touch it), so a curve
// bending upwards (worse than linear) shows at a glance.
func writeChart(path string, results []result) error {
	p := plot.New()
	p.Title.Text = "No-change plan (refresh) time"
	p.X.Label.Text = "resources (users across all vendors)"
	p.Y.Label.Text = "seconds"
	p.Legend.Top = true
	p.Legend.Left = true

	clis := map[string]bool{}
	for _, r := range results {
		clis[r.CLI.version] = true
	}
	// group is one CLI and latency: the provider's lines at each cap
	// setting and their floor share its colour.
	type group struct {
		cli     string
		latency time.Duration
	}
	type key struct {
		group
		caps string // "" for the floor
	}
	points := map[key]plotter.XYs{}
	floorSeen := map[key]map[int]bool{}
	for _, r := range results {
		if r.Op != opPlan {
			continue
		}
		g := group{r.CLI.version, r.Latency}
		pk := key{g, r.Caps}
		points[pk] = append(points[pk], plotter.XY{X: float64(r.Resources), Y: r.Provider.Wall.Seconds()})
		// One floor per CLI, latency and size, whatever the caps.
		fk := key{g, ""}
		if floorSeen[fk] == nil {
			floorSeen[fk] = map[int]bool{}
		}
		if !floorSeen[fk][r.Resources] {
			floorSeen[fk][r.Resources] = true
			points[fk] = append(points[fk], plotter.XY{X: float64(r.Resources), Y: r.Floor.Wall.Seconds()})
		}
	}
	keys := make([]key, 0, len(points))
	groups := map[group]int{}
	for k := range points {
		keys = append(keys, k)
		groups[k.group] = 0
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.cli != b.cli {
			return a.cli < b.cli
		}
		if a.latency != b.latency {
			return a.latency < b.latency
		}
		// Providers before the floor, lifted before default.
		return a.caps != "" && (b.caps == "" || a.caps > b.caps)
	})
	next := 0
	for _, k := range keys {
		if _, ok := groups[k.group]; ok && groups[k.group] == 0 {
			next++
			groups[k.group] = next
		}
	}
	for _, k := range keys {
		xys := points[k]
		sort.Slice(xys, func(a, b int) bool { return xys[a].X < xys[b].X })
		line, dots, err := plotter.NewLinePoints(xys)
		if err != nil {
			return err
		}
		c := plotutil.Color(groups[k.group] - 1)
		series := fmt.Sprintf("%s latency", k.latency)
		if len(clis) > 1 {
			series = k.cli + ", " + series
		}
		label := fmt.Sprintf("%s: provider, %s caps", series, k.caps)
		switch k.caps {
		case "":
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
			c = lighter(c)
			label = series + ": floor (terraform_data)"
		case capsDefault:
			// The default caps' line is dotted with square marks, in the
			// group's colour, so it reads apart from the lifted one in print.
			line.Dashes = []vg.Length{vg.Points(1), vg.Points(2)}
			line.Width = vg.Points(1.5)
			dots.Shape = draw.BoxGlyph{}
		}
		line.Color, dots.Color = c, c
		p.Add(line, dots)
		p.Legend.Add(label, line, dots)
	}
	return p.Save(7*vg.Inch, 4.5*vg.Inch, path)
}

func lighter(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((v>>8 + 255) / 2) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 255}
}
