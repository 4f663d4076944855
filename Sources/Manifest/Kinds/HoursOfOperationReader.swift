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
    static let date = FieldShape.string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    static let override = ObjectSpec("hoursOfOperationOverride", "An override of the weekly schedule for a range of dates.", [
        FieldSpec("from", date, required: true, "First day, \"YYYY-MM-DD\"."),
        FieldSpec("to", date, required: true, "Last day (included), \"YYYY-MM-DD\"; not before 'from'."),
        FieldSpec("type", .enumeration(HoursOfOperationOverride.Kind.allCases.map(\.rawValue)), required: true,
                  "OPEN, CLOSED (all day, no schedule) or STANDARD."),
        ManifestSchema.descriptionField,
        FieldSpec("schedule", .object(HoursOfOperationReader.schedule),
                  "Open ranges per weekday within the dates; required for OPEN and STANDARD, not allowed for CLOSED."),
    ])
    /// Connect's limit ("up to 50 overrides per hours of operation", not adjustable).
    static let overridesLimit = 50
    let spec = ObjectSpec("hoursOfOperation", "Hours of operation.", [
        FieldSpec("timeZone", .string(minLength: 1), required: true, "IANA time zone, e.g. America/New_York."),
        ManifestSchema.descriptionField,
        FieldSpec("schedule", .object(HoursOfOperationReader.schedule), "Open ranges per weekday; days not listed are closed."),
        FieldSpec("overrides", .map(.object(HoursOfOperationReader.override)),
                  "Overrides by name (at most 50): closures and special hours for ranges of dates. Absent: not managed."),
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
        let schedule = readSchedule(body.object("schedule", spec: Self.schedule), owner: body.owner)
        let description = body.limitedString("description")
        var overrides: [HoursOfOperationOverride]?
        if let node = body["overrides"] {
            guard let read = readOverrides(node, body) else { return nil }
            overrides = read
        }
        guard let timeZone else { return nil }
        return HoursOfOperation(name: body.name, timeZone: timeZone) {
            $0.description = description
            $0.schedule = schedule
            $0.overrides = overrides
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
    }

    private func readSchedule(_ days: ResourceBody?, owner: String) -> [Weekday: [TimeRange]] {
        var schedule: [Weekday: [TimeRange]] = [:]
        guard let days else { return schedule }
        for day in Weekday.allCases {
            guard let dayNode = days[day.rawValue] else { continue }
            let ranges = readDay(dayNode, what: "'\(day.rawValue)' in \(owner)", context: days.context)
            if !ranges.isEmpty { schedule[day] = ranges }
        }
        return schedule
    }

    /// `overrides:` — name → override; nil when any has errors. Overrides of one hours must not
    /// share a date, and there are at most 50.
    private func readOverrides(_ node: Node, _ body: ResourceBody) -> [HoursOfOperationOverride]? {
        let context = body.context
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, ReadContext.isNull(s) { return [] }
            context.error("\(body.what("overrides")) must be a mapping from override name to its settings, found \(context.describe(node))",
                          at: node)
            return nil
        }
        var read: [(override: HoursOfOperationOverride, node: Node)] = [], complete = true
        for (name, keyNode, value) in context.pairs(of: mapping, owner: body.what("overrides")) {
            let owner = "override '\(name)' of \(body.owner)"
            if name.isEmpty || name.count > 127 {
                context.error("\(owner): an override name must be 1 to 127 characters long", at: keyNode)
                complete = false
            } else if let override = body.nested(value, spec: Self.override, owner: owner).flatMap({ readOverride($0, name: name, at: keyNode) }) {
                read.append((override, keyNode))
                continue
            }
            complete = false
        }
        if read.count > Self.overridesLimit {
            context.error("\(body.owner) has \(read.count) overrides; Connect allows at most \(Self.overridesLimit)", at: node)
            complete = false
        }
        for (i, later) in read.enumerated() {
            for earlier in read[..<i] where earlier.override.overlaps(later.override) {
                context.error("override '\(later.override.name)' of \(body.owner) (\(later.override.from) to \(later.override.to)) "
                              + "overlaps override '\(earlier.override.name)' (\(earlier.override.from) to \(earlier.override.to))",
                              at: later.node, notes: [Diagnostic.Note("'\(earlier.override.name)' is declared here", at: context.location(earlier.node))])
                complete = false
            }
        }
        return complete ? read.map(\.override).sorted { $0.name < $1.name } : nil
    }

    private func readOverride(_ o: ResourceBody, name: String, at keyNode: Node) -> HoursOfOperationOverride? {
        func date(_ key: String) -> CalendarDate? {
            guard let node = o[key], let text = o.string(key) else { return nil }
            guard let date = CalendarDate(parsing: text) else {
                o.context.error("\(o.what(key)) must be a date YYYY-MM-DD (a day that exists), found '\(text)'", at: node)
                return nil
            }
            return date
        }
        let from = date("from"), to = date("to"), type = o.enumeration("type", as: HoursOfOperationOverride.Kind.self)
        let days = o.object("schedule", spec: Self.schedule)
        let schedule = readSchedule(days, owner: o.owner)
        let description = o.limitedString("description")
        guard let from, let to, let type else { return nil }
        if to < from, let node = o["to"] {
            o.context.error("\(o.what("to")) is \(to), before 'from' (\(from))", at: node)
            return nil
        }
        if type == .closed, let node = o.entries["schedule"]?.key {
            o.context.error("\(o.what("schedule")) does not apply to type CLOSED (closed all day on those dates)", at: node)
            return nil
        }
        if type != .closed, schedule.isEmpty {
            o.context.error("\(o.owner) of type \(type.rawValue) needs a 'schedule' with at least one open range", at: keyNode)
            return nil
        }
        let occurring = from.weekdays(through: to)
        for day in schedule.keys.sorted() where !occurring.contains(day) {
            o.context.warning("'\(day.rawValue)' in \(o.owner) never applies: no \(day.rawValue) falls from \(from) to \(to)",
                              at: days?.entries[day.rawValue]?.key ?? o.node)
        }
        return HoursOfOperationOverride(name: name, from: from, to: to, type: type) {
            $0.description = description
            $0.schedule = schedule
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
