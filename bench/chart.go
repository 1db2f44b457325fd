package main

import (
	"fmt"
	"image/color"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// writeChart plots the no-change plan's wall time against the number of
// resources: one line per latency, and the floor beside each, so a
// curve bending upwards (worse than linear) shows at a glance.
func writeChart(path string, results []result) error {
	p := plot.New()
	p.Title.Text = "No-change plan (refresh) time"
	p.X.Label.Text = "resources (users across all vendors)"
	p.Y.Label.Text = "seconds"
	p.Legend.Top = true
	p.Legend.Left = true

	type key struct {
		series string
		floor  bool
	}
	points := map[key]plotter.XYs{}
	for _, r := range results {
		if r.Op != opPlan {
			continue
		}
		series := fmt.Sprintf("%s latency", r.Latency)
		points[key{series, false}] = append(points[key{series, false}], plotter.XY{X: float64(r.Resources), Y: r.Provider.Wall.Seconds()})
		points[key{series, true}] = append(points[key{series, true}], plotter.XY{X: float64(r.Resources), Y: r.Floor.Wall.Seconds()})
	}
	keys := make([]key, 0, len(points))
	for k := range points {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].series != keys[j].series {
			return keys[i].series < keys[j].series
		}
		return !keys[i].floor
	})
	for i, k := range keys {
		xys := points[k]
		sort.Slice(xys, func(a, b int) bool { return xys[a].X < xys[b].X })
		line, dots, err := plotter.NewLinePoints(xys)
		if err != nil {
			return err
		}
		c := plotutil.Color(i / 2)
		line.Color, dots.Color = c, c
		label := k.series + ": provider"
		if k.floor {
			line.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
			line.Color = lighter(c)
			dots.Color = lighter(c)
			label = k.series + ": floor (terraform_data)"
		}
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
