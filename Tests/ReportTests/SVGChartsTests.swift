import Testing
import Report

/// Occurrences of `needle` in `haystack`.
func occurrences(_ needle: String, in haystack: String) -> Int {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    guard !n.isEmpty, h.count >= n.count else { return 0 }
    var count = 0
    var i = 0
    while i <= h.count - n.count {
        if h[i] == n[0] && Array(h[i..<(i + n.count)]) == n {
            count += 1
            i += n.count
        } else {
            i += 1
        }
    }
    return count
}

@Suite struct SVGChartsTests {
    @Test func barChartExactOutput() {
        // One bar, label "a": label column 60 (the minimum), plot 680 − 60 − 118 = 502 wide, the
        // bar fills it; height = 2 × 6 + 22 + 2 = 36.
        let svg = SVGCharts.barChart([SVGCharts.Bar(label: "a", value: 5, share: 0.25)], title: "T", id: "c")
        #expect(svg == "<svg class=\"chart\" width=\"680\" height=\"36\" viewBox=\"0 0 680 36\" role=\"img\" "
            + "aria-labelledby=\"c-title\" font-family=\"DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif\" "
            + "font-size=\"12\" fill=\"#1a1a1a\"><title id=\"c-title\">T</title>"
            + "<g><title>a: 5 (25.0%)</title><text x=\"52\" y=\"21\" text-anchor=\"end\">a</text>"
            + "<rect x=\"60\" y=\"10\" width=\"502\" height=\"14\" fill=\"#3a6595\"/>"
            + "<text x=\"567\" y=\"21\" font-size=\"11\">5 (25.0%)</text></g>"
            + "<line x1=\"60\" y1=\"6\" x2=\"60\" y2=\"30\" stroke=\"#1a1a1a\" stroke-width=\"1\"/></svg>")
    }

    @Test func barChartHasOneBarPerItemWithLabelsAndValues() {
        let bars = [SVGCharts.Bar(label: "proprete", value: 235, share: 0.22),
                    SVGCharts.Bar(label: "loyer <& charges>", value: 1068, share: 0.5),
                    SVGCharts.Bar(label: "vide", value: 0, share: 0)]
        let svg = SVGCharts.barChart(bars, title: "Answers per theme", id: "themes")
        #expect(occurrences("<rect", in: svg) == 3)
        #expect(occurrences("<g><title>", in: svg) == 3)
        #expect(svg.contains(">proprete</text>"))
        #expect(svg.contains(">loyer &lt;&amp; charges&gt;</text>"))
        #expect(svg.contains(">235 (22.0%)</text>"))
        #expect(svg.contains(">1,068 (50.0%)</text>"))
        #expect(svg.contains(">0 (0.0%)</text>"))
        #expect(svg.contains("<title id=\"themes-title\">Answers per theme</title>"))
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>"))
        #expect(svg.contains(" width=\"680\" ") && svg.contains(" viewBox=\"0 0 680 "))
        // The emphasised bar is hatched: a pattern (with its own background rect) and a fill by url.
        let hatched = SVGCharts.barChart(bars + [SVGCharts.Bar(label: "(unclassified)", value: 10, emphasis: true)], title: "t", id: "h")
        #expect(occurrences("<pattern id=\"h-hatch\"", in: hatched) == 1)
        #expect(occurrences("fill=\"url(#h-hatch)\"", in: hatched) == 1)
    }

    @Test func zeroTotalsGiveNoNaN() {
        let bars = SVGCharts.barChart([SVGCharts.Bar(label: "a", value: 0), SVGCharts.Bar(label: "b", value: .nan)], title: "t", id: "z1")
        let stacked = SVGCharts.stackedBars([SVGCharts.StackRow(label: "empty", values: [0, 0, 0]),
                                             SVGCharts.StackRow(label: "odd", values: [.nan, .infinity, -1])],
                                            series: ["x", "y", "z"], title: "t", id: "z2")
        let absolute = SVGCharts.stackedBars([SVGCharts.StackRow(label: "empty", values: [0, 0])], series: ["x", "y"],
                                             title: "t", id: "z3", normalized: false)
        let grouped = SVGCharts.groupedBars([SVGCharts.BarGroup(label: "g", bars: [SVGCharts.GroupedBar(series: "s", value: 0)],
                                                                reference: 0)], title: "t", id: "z4")
        let heat = SVGCharts.heatmap(rows: ["r"], columns: ["c"], cells: [[SVGCharts.HeatCell(intensity: .nan, text: "–", title: "r × c")]],
                                     title: "t", id: "z5")
        let empty = SVGCharts.barChart([], title: "t", id: "z6")
        for svg in [bars, stacked, absolute, grouped, heat, empty] {
            #expect(!svg.contains("NaN") && !svg.contains("nan") && !svg.contains("inf"))
            #expect(svg.hasSuffix("</svg>"))
        }
        #expect(stacked.contains(">n = 0</text>"))
        #expect(heat.contains("fill=\"#f7fbff\""))  // NaN intensity draws as the lightest shade
    }

    @Test func stackedBarsSplitEachRow() {
        let svg = SVGCharts.stackedBars([SVGCharts.StackRow(label: "proprete", values: [30, 10, 10, 0])],
                                        series: ["plainte", "attente", "satisfaction", "neutre"], title: "Intent", id: "i")
        #expect(svg.contains(">plainte</text>") && svg.contains(">neutre</text>"))   // legend
        #expect(svg.contains(">proprete</text>"))
        #expect(svg.contains(">60%</text>") && svg.contains(">20%</text>"))           // 30/50, 10/50
        #expect(svg.contains(">n = 50</text>"))
        #expect(svg.contains("<title>proprete: plainte 30 (60.0%), attente 10 (20.0%), satisfaction 10 (20.0%), neutre 0 (0.0%)</title>"))
        // Hatched series come from patterns defined inside the chart.
        #expect(svg.contains("<pattern id=\"i-s1\"") && svg.contains("fill=\"url(#i-s1)\""))
    }

    @Test func groupedBarsMarkSignificantBars() {
        let group = SVGCharts.BarGroup(label: "partenariats", bars: [
            SVGCharts.GroupedBar(series: "locataire", value: 0.018, text: "1.8%", mark: .below),
            SVGCharts.GroupedBar(series: "partenaire", value: 0.431, text: "43.1%", mark: .above),
            SVGCharts.GroupedBar(series: "salarie", value: 0.101, text: "10.1%"),
        ], reference: 0.072)
        let svg = SVGCharts.groupedBars([group], title: "Differences", id: "g")
        #expect(occurrences("<rect", in: svg) == 3)
        #expect(occurrences("<polygon", in: svg) == 2)
        #expect(svg.contains(">partenariats</text>") && svg.contains(">salarie</text>"))
        #expect(svg.contains(">43.1%</text>"))
        #expect(svg.contains("stroke-dasharray"))
        #expect(svg.contains("<title>partenariats, partenaire: 43.1% (above)</title>"))
    }

    @Test func heatmapMarksSignificantCells() {
        let cells = [[SVGCharts.HeatCell(intensity: 1, text: "43.1%", detail: "n 44 · z +14.0", mark: .above, title: "a"),
                      SVGCharts.HeatCell(intensity: 0, text: "1.8%", detail: "n 14 · z -5.8", mark: .below, title: "b"),
                      SVGCharts.HeatCell(intensity: 0.5, text: "10.1%", title: "c")]]
        let svg = SVGCharts.heatmap(rows: ["partenariats"], columns: ["partenaire", "locataire", "salarie"],
                                    columnNotes: ["102 answers", "778 answers", "188 answers"], cells: cells, title: "By groupe", id: "h")
        #expect(occurrences("<polygon", in: svg) == 2)
        #expect(occurrences("stroke-width=\"2.5\"", in: svg) == 2)
        #expect(svg.contains("fill=\"#08306b\""))   // intensity 1: darkest
        #expect(svg.contains("fill=\"#f7fbff\""))   // intensity 0: lightest
        #expect(svg.contains(">n 44 · z +14.0</text>") && svg.contains(">778 answers</text>") && svg.contains(">partenariats</text>"))
    }

    @Test func outputIsDeterministic() {
        func charts() -> [String] {
            [SVGCharts.barChart([SVGCharts.Bar(label: "x", value: 1.0 / 3.0, share: 2.0 / 3.0)], title: "t", id: "d1"),
             SVGCharts.stackedBars([SVGCharts.StackRow(label: "x", values: [1, 2, 3])], series: ["a", "b", "c"], title: "t", id: "d2"),
             SVGCharts.groupedBars([SVGCharts.BarGroup(label: "x", bars: [SVGCharts.GroupedBar(series: "a", value: 0.1)], reference: 0.3)],
                                   title: "t", id: "d3"),
             SVGCharts.heatmap(rows: ["x"], columns: ["a"], cells: [[SVGCharts.HeatCell(intensity: 0.3, text: "3", title: "t")]],
                               title: "t", id: "d4")]
        }
        #expect(charts() == charts())
        // Coordinates have at most one decimal: 1/3 of the 502-wide plot is 167.3.
        let thirds = SVGCharts.barChart([SVGCharts.Bar(label: "x", value: 1), SVGCharts.Bar(label: "y", value: 3)], title: "t", id: "d5")
        #expect(thirds.contains("<rect x=\"60\" y=\"10\" width=\"167.3\" height=\"14\""))
        #expect(thirds.contains("<rect x=\"60\" y=\"32\" width=\"502\" height=\"14\""))
    }
}
