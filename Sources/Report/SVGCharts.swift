/// Charts as inline SVG strings: pure functions of their input, with the same output for the same
/// input byte for byte. Every chart has `width`/`height` attributes and a `viewBox`, a `<title>`
/// (the chart's, and one per bar or cell with its exact figures), text labels and the numeric
/// values printed beside the marks, and stays readable in black and white: values are written,
/// series differ by lightness and hatching, significant cells carry a frame and a triangle.
///
/// Labels are escaped here; `id` (used for pattern and title ids) should be made of [a-z0-9-].
public enum SVGCharts {
    // MARK: - Inputs

    /// One bar of `barChart`.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// Printed after the value, e.g. "22.0%" (in parentheses).
        public var share: Double?
        /// Drawn hatched instead of filled (e.g. the unclassified answers beside the themes).
        public var emphasis: Bool
        public init(label: String, value: Double, share: Double? = nil, emphasis: Bool = false) {
            self.label = label
            self.value = value
            self.share = share
            self.emphasis = emphasis
        }
    }

    /// A significance mark: above or below the expected value.
    public enum Mark: Sendable, Equatable {
        case none, above, below
    }

    /// One row of `stackedBars`: a value per series.
    public struct StackRow: Sendable, Equatable {
        public var label: String
        public var values: [Double]
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }

    /// One bar of a group in `groupedBars`.
    public struct GroupedBar: Sendable, Equatable {
        public var series: String
        public var value: Double
        /// Printed beside the bar; default: the value.
        public var text: String?
        public var mark: Mark
        public init(series: String, value: Double, text: String? = nil, mark: Mark = .none) {
            self.series = series
            self.value = value
            self.text = text
            self.mark = mark
        }
    }

    /// A group of `groupedBars`, with an optional reference value drawn as a dashed line.
    public struct BarGroup: Sendable, Equatable {
        public var label: String
        public var bars: [GroupedBar]
        public var reference: Double?
        public init(label: String, bars: [GroupedBar], reference: Double? = nil) {
            self.label = label
            self.bars = bars
            self.reference = reference
        }
    }

    /// One cell of `heatmap`.
    public struct HeatCell: Sendable, Equatable {
        /// Shade, 0 (white) … 1 (darkest); clamped.
        public var intensity: Double
        public var text: String
        /// A second, smaller line.
        public var detail: String?
        public var mark: Mark
        /// The cell's tooltip and accessible description.
        public var title: String
        public init(intensity: Double, text: String, detail: String? = nil, mark: Mark = .none, title: String) {
            self.intensity = intensity
            self.text = text
            self.detail = detail
            self.mark = mark
            self.title = title
        }
    }

    // MARK: - Shared drawing

    static let fontFamily = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
    static let barFill = "#3a6595"
    static let ink = "#1a1a1a"
    static let muted = "#555555"

    /// Approximate width of `text` at `size` px (no font metrics here: 0.6 em per character, a
    /// little more than DejaVu or Arial need on average, so printed values never collide).
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }

    /// The label column: wide enough for the longest label up to `maxWidth`, and how many
    /// characters fit in it (longer labels are cut with "…").
    static func labelColumn(_ labels: [String], size: Double, minWidth: Double = 60, maxWidth: Double) -> (width: Double, characters: Int) {
        let perCharacter = size * 0.56
        let cap = Int((maxWidth - 10) / perCharacter)
        let characters = min(labels.map(\.count).max() ?? 0, cap)
        return (max(minWidth, Double(characters) * perCharacter + 10), characters)
    }

    /// `text` cut to `characters` with "…" when longer.
    static func fit(_ text: String, characters: Int) -> String {
        guard text.count > characters, characters > 1 else { return text }
        return String(text.prefix(characters - 1)) + "…"
    }

    static func c(_ v: Double) -> String { NumberText.coordinate(v) }

    /// A value as printed: integers with thousands separators, others with one decimal.
    static func valueText(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return NumberText.integer(Int(v)) }
        return NumberText.fixed(v, decimals: 1)
    }

    static func open(id: String, title: String, width: Double, height: Double) -> String {
        let w = c(width), h = c(height), id = HTML.attribute(id)
        return "<svg class=\"chart\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title\" font-family=\"\(fontFamily)\" font-size=\"12\" fill=\"\(ink)\">"
            + "<title id=\"\(id)-title\">\(HTML.text(title))</title>"
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double? = nil,
                     weight: String? = nil, fill: String? = nil) -> String {
        var attributes = "x=\"\(c(x))\" y=\"\(c(y))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if let size { attributes += " font-size=\"\(c(size))\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        return "<text \(attributes)>\(HTML.text(s))</text>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
                     strokeWidth: Double? = nil) -> String {
        var s = "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(0, width)))\" height=\"\(c(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\"" }
        if let strokeWidth { s += " stroke-width=\"\(c(strokeWidth))\"" }
        return s + "/>"
    }

    /// A small triangle pointing up (above) or down (below), centred on (x, y).
    static func triangle(_ mark: Mark, x: Double, y: Double, size: Double = 7, fill: String) -> String {
        let h = size / 2
        switch mark {
        case .none: return ""
        case .above:
            return "<polygon points=\"\(c(x - h)),\(c(y + h)) \(c(x + h)),\(c(y + h)) \(c(x)),\(c(y - h))\" fill=\"\(fill)\"/>"
        case .below:
            return "<polygon points=\"\(c(x - h)),\(c(y - h)) \(c(x + h)),\(c(y - h)) \(c(x)),\(c(y + h))\" fill=\"\(fill)\"/>"
        }
    }

    /// A hatching pattern (diagonal lines over a background).
    static func hatch(id: String, background: String, line: String, spacing: Double = 6, angle: Int = 45, lineWidth: Double = 1.6) -> String {
        "<pattern id=\"\(HTML.attribute(id))\" width=\"\(c(spacing))\" height=\"\(c(spacing))\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(\(angle))\"><rect width=\"\(c(spacing))\" height=\"\(c(spacing))\" fill=\"\(background)\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(c(spacing))\" stroke=\"\(line)\" stroke-width=\"\(c(lineWidth))\"/></pattern>"
    }

    /// The scale's top: the largest value (1 when all are 0, so nothing divides by 0).
    static func scaleMax(_ values: [Double]) -> Double {
        let m = values.filter(\.isFinite).max() ?? 0
        return m > 0 ? m : 1
    }

    // MARK: - Horizontal bar chart

    /// One horizontal bar per item, label on the left, value (and share) printed at the bar's end.
    public static func barChart(_ bars: [Bar], title: String, id: String, width: Double = 680) -> String {
        let rowHeight = 22.0, barHeight = 14.0, top = 6.0
        let (labelWidth, labelCharacters) = labelColumn(bars.map(\.label), size: 12, maxWidth: 280)
        let valueSpace = 118.0
        let plotWidth = max(40, width - labelWidth - valueSpace)
        let maxValue = scaleMax(bars.map(\.value))
        let height = top * 2 + rowHeight * Double(bars.count) + 2
        var svg = open(id: id, title: title, width: width, height: height)
        if bars.contains(where: \.emphasis) {
            svg += "<defs>" + hatch(id: "\(id)-hatch", background: "#ffffff", line: "#666666") + "</defs>"
        }
        for (i, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(i)
            let value = bar.value.isFinite ? max(0, bar.value) : 0
            let length = plotWidth * value / maxValue
            var printed = valueText(value)
            if let share = bar.share { printed += " (" + NumberText.percent(share.isFinite ? share : 0) + ")" }
            svg += "<g><title>\(HTML.text(bar.label + ": " + printed))</title>"
            svg += text(fit(bar.label, characters: labelCharacters), x: labelWidth - 8, y: y + 15, anchor: "end")
            svg += bar.emphasis
                ? rect(x: labelWidth, y: y + 4, width: length, height: barHeight, fill: "url(#\(HTML.attribute(id))-hatch)",
                       stroke: "#333333", strokeWidth: 1)
                : rect(x: labelWidth, y: y + 4, width: length, height: barHeight, fill: barFill)
            svg += text(printed, x: labelWidth + length + 5, y: y + 15, size: 11)
            svg += "</g>"
        }
        svg += "<line x1=\"\(c(labelWidth))\" y1=\"\(c(top))\" x2=\"\(c(labelWidth))\" y2=\"\(c(height - top))\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
        return svg + "</svg>"
    }

    // MARK: - Stacked bars

    /// Fills of the stacked series, in order, distinguishable without colour: dark, hatched, light,
    /// white, cross-hatched, grey.
    static func seriesFill(_ index: Int, id: String) -> (fill: String, text: String, stroke: String?) {
        switch index % 6 {
        case 0: return ("#8f2d1f", "#ffffff", nil)
        case 1: return ("url(#\(HTML.attribute(id))-s1)", ink, nil)
        case 2: return ("#9fc3e0", ink, nil)
        case 3: return ("#ffffff", ink, "#777777")
        case 4: return ("url(#\(HTML.attribute(id))-s4)", ink, nil)
        default: return ("#bdbdbd", ink, nil)
        }
    }

    static func seriesDefs(id: String) -> String {
        "<defs>" + hatch(id: "\(id)-s1", background: "#f6c48f", line: "#9a5a16", spacing: 6, angle: 45, lineWidth: 1.4)
            + hatch(id: "\(id)-s4", background: "#eeeeee", line: "#666666", spacing: 5, angle: -45, lineWidth: 1)
            + "</defs>"
    }

    /// One bar per row split into series; `normalized` draws each row as 100 % (shares printed in
    /// the segments wide enough), otherwise lengths are absolute. The row total is printed at the end.
    public static func stackedBars(_ rows: [StackRow], series: [String], title: String, id: String,
                                   normalized: Bool = true, width: Double = 680) -> String {
        let rowHeight = 24.0, barHeight = 16.0
        let (labelWidth, labelCharacters) = labelColumn(rows.map(\.label), size: 12, maxWidth: 280)
        let totalSpace = 70.0
        let plotWidth = max(40, width - labelWidth - totalSpace)
        func clean(_ v: Double) -> Double { v.isFinite ? max(0, v) : 0 }
        let totals = rows.map { $0.values.map(clean).reduce(0, +) }
        let maxTotal = scaleMax(totals)
        // Legend: from the plot's left edge (or the chart's when it would not fit), wrapping.
        var legend = ""
        let legendWidths = series.map { 19 + textWidth($0, size: 11) + 16 }
        var x = legendWidths.reduce(0, +) <= width - labelWidth ? labelWidth : 4
        var legendY = 5.0
        for (i, name) in series.enumerated() {
            if x + legendWidths[i] - 16 > width && x > 4 {
                x = 4
                legendY += 18
            }
            let style = seriesFill(i, id: id)
            legend += rect(x: x, y: legendY, width: 14, height: 12, fill: style.fill, stroke: style.stroke ?? "#333333", strokeWidth: 0.8)
            legend += text(name, x: x + 19, y: legendY + 10, size: 11)
            x += legendWidths[i]
        }
        let legendHeight = series.isEmpty ? 6 : legendY + 21
        let height = legendHeight + rowHeight * Double(rows.count) + 8
        var svg = open(id: id, title: title, width: width, height: height) + seriesDefs(id: id) + legend
        for (r, row) in rows.enumerated() {
            let y = legendHeight + rowHeight * Double(r)
            let total = totals[r]
            let length = normalized ? (total > 0 ? plotWidth : 0) : plotWidth * total / maxTotal
            var tooltip = row.label + ": "
            tooltip += series.enumerated().map { i, name in
                let v = i < row.values.count ? clean(row.values[i]) : 0
                return "\(name) \(valueText(v))" + (total > 0 ? " (\(NumberText.percent(v / total)))" : "")
            }.joined(separator: ", ")
            svg += "<g><title>\(HTML.text(tooltip))</title>"
            svg += text(fit(row.label, characters: labelCharacters), x: labelWidth - 8, y: y + 16, anchor: "end")
            var offset = labelWidth
            for (i, value) in row.values.enumerated() where i < series.count {
                let v = clean(value)
                guard total > 0, v > 0 else { continue }
                let w = length * v / total
                let style = seriesFill(i, id: id)
                svg += rect(x: offset, y: y + 4, width: w, height: barHeight, fill: style.fill, stroke: style.stroke ?? "#ffffff",
                            strokeWidth: 0.8)
                let label = normalized ? NumberText.fixed(100 * v / total, decimals: 0) + "%" : valueText(v)
                if w >= textWidth(label, size: 10) + 6 {
                    // On hatching, the value sits on a small white plate to stay legible.
                    if i % 6 == 1 || i % 6 == 4 {
                        let plate = textWidth(label, size: 10) + 4
                        svg += rect(x: offset + w / 2 - plate / 2, y: y + 6, width: plate, height: 12, fill: "#ffffff")
                    }
                    svg += text(label, x: offset + w / 2, y: y + 16, anchor: "middle", size: 10, fill: style.text)
                }
                offset += w
            }
            if total == 0 {
                svg += rect(x: labelWidth, y: y + 4, width: plotWidth, height: barHeight, fill: "none", stroke: "#bbbbbb", strokeWidth: 0.8)
            }
            svg += text("n = " + valueText(total), x: labelWidth + (normalized ? plotWidth : length) + 6, y: y + 16, size: 11)
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    // MARK: - Grouped bars

    /// Groups of horizontal bars, one per series, each labelled with its series name (so no colour
    /// legend is needed), the value printed at its end, and a triangle for a significant mark.
    /// A group's `reference` is drawn as a dashed line across its bars.
    public static func groupedBars(_ groups: [BarGroup], title: String, id: String, width: Double = 680,
                                   referenceLabel: String = "all") -> String {
        let headerHeight = 20.0, barRow = 17.0, barHeight = 12.0, gap = 8.0
        let seriesNames = groups.flatMap { $0.bars.map(\.series) }
        let (labelWidth, labelCharacters) = labelColumn(seriesNames, size: 11, minWidth: 50, maxWidth: 200)
        let valueSpace = 150.0
        let plotWidth = max(40, width - labelWidth - valueSpace)
        func clean(_ v: Double) -> Double { v.isFinite ? max(0, v) : 0 }
        let maxValue = scaleMax(groups.flatMap { $0.bars.map { clean($0.value) } + [$0.reference.map(clean) ?? 0] })
        var height = 4.0
        for g in groups { height += headerHeight + barRow * Double(g.bars.count) + gap }
        var svg = open(id: id, title: title, width: width, height: height)
        var y = 4.0
        for group in groups {
            svg += "<g>"
            svg += text(fit(group.label, characters: Int(width / 7.4)), x: 2, y: y + 14, weight: "bold")
            y += headerHeight
            let groupTop = y
            for bar in group.bars {
                let v = clean(bar.value)
                let length = plotWidth * v / maxValue
                let printed = bar.text ?? valueText(v)
                let markText = bar.mark == .above ? " (above)" : bar.mark == .below ? " (below)" : ""
                svg += "<g><title>\(HTML.text(group.label + ", " + bar.series + ": " + printed + markText))</title>"
                svg += text(fit(bar.series, characters: labelCharacters), x: labelWidth - 8, y: y + 11, anchor: "end", size: 11)
                let fill = bar.mark == .none ? "#9fb8d3" : barFill
                svg += rect(x: labelWidth, y: y + 2, width: length, height: barHeight, fill: fill)
                var textX = labelWidth + length + 5
                if bar.mark != .none {
                    svg += triangle(bar.mark, x: textX + 4, y: y + 8, size: 8, fill: ink)
                    textX += 11
                }
                svg += text(printed, x: textX, y: y + 12, size: 11)
                svg += "</g>"
                y += barRow
            }
            svg += "<line x1=\"\(c(labelWidth))\" y1=\"\(c(groupTop))\" x2=\"\(c(labelWidth))\" y2=\"\(c(y))\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
            if let reference = group.reference {
                let rx = labelWidth + plotWidth * clean(reference) / maxValue
                svg += "<line x1=\"\(c(rx))\" y1=\"\(c(groupTop - 2))\" x2=\"\(c(rx))\" y2=\"\(c(y))\" stroke=\"\(ink)\" "
                    + "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"><title>\(HTML.text(referenceLabel + ": " + valueText(reference)))</title></line>"
            }
            svg += "</g>"
            y += gap
        }
        return svg + "</svg>"
    }

    // MARK: - Heatmap

    /// The shade of a heatmap cell: white to dark blue (light to dark grey in black and white).
    static func shade(_ intensity: Double) -> (fill: String, text: String) {
        let t = intensity.isFinite ? min(1, max(0, intensity)) : 0
        let from = (247.0, 251.0, 255.0), to = (8.0, 48.0, 107.0)
        func channel(_ a: Double, _ b: Double) -> String {
            let v = Int((a + (b - a) * t).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return ("#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2), t > 0.6 ? "#ffffff" : ink)
    }

    /// Rows × columns of shaded cells, each with its text (and detail line); marked cells get a
    /// thick frame and a triangle (up: above, down: below). `columnNotes` is a second header line.
    public static func heatmap(rows: [String], columns: [String], columnNotes: [String] = [], cells: [[HeatCell]],
                               title: String, id: String, width: Double = 680) -> String {
        let cellHeight = 32.0, headerHeight = columnNotes.isEmpty ? 22.0 : 36.0
        let (labelWidth, labelCharacters) = labelColumn(rows, size: 12, maxWidth: 270)
        let cellWidth = max(66, (width - labelWidth) / Double(max(1, columns.count)))
        let totalWidth = max(width, labelWidth + cellWidth * Double(columns.count))
        let height = headerHeight + cellHeight * Double(rows.count) + 4
        var svg = open(id: id, title: title, width: totalWidth, height: height)
        let headerCharacters = Int(((cellWidth - 6) / 6.6).rounded(.down))
        for (j, column) in columns.enumerated() {
            let x = labelWidth + cellWidth * (Double(j) + 0.5)
            svg += "<g><title>\(HTML.text(column + (j < columnNotes.count ? " " + columnNotes[j] : "")))</title>"
            svg += text(fit(column, characters: headerCharacters), x: x, y: 14, anchor: "middle", size: 11, weight: "bold")
            if j < columnNotes.count {
                svg += text(fit(columnNotes[j], characters: headerCharacters), x: x, y: 28, anchor: "middle", size: 10, fill: muted)
            }
            svg += "</g>"
        }
        for (i, row) in rows.enumerated() {
            let y = headerHeight + cellHeight * Double(i)
            svg += "<g><title>\(HTML.text(row))</title>"
                + text(fit(row, characters: labelCharacters), x: labelWidth - 8, y: y + cellHeight / 2 + 4, anchor: "end") + "</g>"
            for j in columns.indices {
                guard i < cells.count, j < cells[i].count else { continue }
                let cell = cells[i][j]
                let x = labelWidth + cellWidth * Double(j)
                let style = shade(cell.intensity)
                svg += "<g><title>\(HTML.text(cell.title))</title>"
                svg += rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: style.fill, stroke: "#ffffff", strokeWidth: 1)
                if cell.mark != .none {
                    svg += rect(x: x + 2, y: y + 2, width: cellWidth - 4, height: cellHeight - 4, fill: "none", stroke: style.text == ink ? ink : "#ffffff",
                                strokeWidth: 2.5)
                    svg += triangle(cell.mark, x: x + cellWidth - 10, y: y + 10, size: 8, fill: style.text)
                }
                let mainY = cell.detail == nil ? y + cellHeight / 2 + 4 : y + 14
                svg += text(cell.text, x: x + cellWidth / 2, y: mainY, anchor: "middle", size: 11,
                            weight: cell.mark == .none ? nil : "bold", fill: style.text)
                if let detail = cell.detail {
                    svg += text(detail, x: x + cellWidth / 2, y: y + 26, anchor: "middle", size: 9, fill: style.text)
                }
                svg += "</g>"
            }
        }
        return svg + "</svg>"
    }
}
