import Foundation
import Model
import Yams

/// `hoursOfOperation:` — hours of operation by name.
struct HoursOfOperationReader: ManifestKindReader {
    let kind = ResourceKind.hoursOfOperation
    let summary = "Hours of operation by name."

    static let day = FieldShape.stringOrList(.string(pattern: "^[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]$"))
    static let schedule = ObjectSpec("schedule", "Open ranges per weekday; days not listed are closed.",
                                     Weekday.allCases.map { FieldSpec($0.rawValue, day, "\"HH:MM-HH:MM\" or a list of them.") })
    let spec = ObjectSpec("hoursOfOperation", "Hours of operation.", [
        FieldSpec("timeZone", .string(minLength: 1), required: true, "IANA time zone, e.g. America/New_York."),
        ManifestSchema.descriptionField,
        FieldSpec("schedule", .object(HoursOfOperationReader.schedule), "Open ranges per weekday; days not listed are closed."),
        ManifestSchema.tagsField, ManifestSchema.renamedFrom,
    ])

    func read(_ body: ResourceBody) -> HoursOfOperation? {
        var timeZone: String?
        if let node = body["timeZone"], let zone = body.string("timeZone") {
            if TimeZone(identifier: zone) == nil || !zone.contains("/") && zone != "UTC" {
                body.context.error("'timeZone' in \(body.owner) is not an IANA time zone: '\(zone)'"
                                   + EditDistance.didYouMean(zone, among: TimeZone.knownTimeZoneIdentifiers), at: node)
            } else {
                timeZone = zone
            }
        }
        var schedule: [Weekday: [TimeRange]] = [:]
        if let days = body.object("schedule", spec: Self.schedule) {
            for day in Weekday.allCases {
                guard let dayNode = days[day.rawValue] else { continue }
                let ranges = readDay(dayNode, what: "'\(day.rawValue)' in \(body.owner)", context: body.context)
                if !ranges.isEmpty { schedule[day] = ranges }
            }
        }
        let description = body.limitedString("description")
        guard let timeZone else { return nil }
        return HoursOfOperation(name: body.name, timeZone: timeZone) {
            $0.description = description
            $0.schedule = schedule
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    /// One day's ranges, sorted; ranges that are malformed, empty or overlapping are reported.
    private func readDay(_ dayNode: Node, what: String, context: ReadContext) -> [TimeRange] {
        var items: [(String, Node)] = []
        if case .sequence = dayNode {
            items = context.stringList(dayNode, what: what) ?? []
        } else if let text = context.string(dayNode, what: what) {
            items = [(text, dayNode)]
        }
        var ranges: [(TimeRange, Node)] = []
        for (text, node) in items {
            guard let range = TimeRange(parsing: text) else {
                context.error("\(what) must be a time range HH:MM-HH:MM (00:00 to 23:59), found '\(text)'", at: node)
                continue
            }
            guard range.start < range.end else {
                context.error("\(what): range '\(text)' must start before it ends", at: node)
                continue
            }
            ranges.append((range, node))
        }
        ranges.sort { $0.0 < $1.0 }
        for i in ranges.indices.dropFirst() where ranges[i].0.overlaps(ranges[i - 1].0) {
            context.error("\(what): range '\(ranges[i].0)' overlaps '\(ranges[i - 1].0)'", at: ranges[i].1)
        }
        return ranges.map(\.0)
    }

    func store(_ resources: [HoursOfOperation], into desired: inout DesiredState) {
        desired.hoursOfOperation = resources.sortedByName()
    }
}
