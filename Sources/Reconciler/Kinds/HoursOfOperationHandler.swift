import ConnectAPI
import Model

struct HoursOfOperationHandler: SearchableKind {
    let readLabel = "hours of operation"
    let kind = ResourceKind.hoursOfOperation

    func declared(in desired: DesiredState) -> [Model.HoursOfOperation] { desired.hoursOfOperation }

    func fields(of h: Model.HoursOfOperation, content: FlowContentProjector) -> [String: FieldValue] {
        [
            "description": .string(h.description ?? ""),
            "timeZone": .string(h.timeZone),
            "schedule": Projection.schedule(h.schedule),
        ]
    }

    func createCalls(_ h: Model.HoursOfOperation, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createHoursOfOperation, [
            "InstanceId": .instanceId, "Name": .string(h.name), "Description": CallShapes.nonEmpty(h.description),
            "TimeZone": .string(h.timeZone), "Config": config(h.schedule), "Tags": .map(tags),
        ], creates: CallShapes.creates(h.address, "HoursOfOperationId", "HoursOfOperationArn"))]
    }

    func updateCalls(_ h: Model.HoursOfOperation, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        guard !changed.isDisjoint(with: ["name", "description", "timeZone", "schedule"]) else { return [] }
        return [PlannedCall(.updateHoursOfOperation, [
            "InstanceId": .instanceId, "HoursOfOperationId": .string(live.id), "Name": .string(h.name),
            "Description": .string(h.description ?? ""), "TimeZone": .string(h.timeZone), "Config": config(h.schedule),
        ])]
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [CallShapes.delete(.deleteHoursOfOperation, "HoursOfOperationId", live)]
    }

    private func config(_ schedule: [Weekday: [TimeRange]]) -> CallValue {
        .list(schedule.keys.sorted().flatMap { day in
            (schedule[day] ?? []).sorted().map { range -> CallValue in
                [
                    "Day": .string(day.connectName),
                    "StartTime": ["Hours": .int(range.start.hours), "Minutes": .int(range.start.minutes)],
                    "EndTime": ["Hours": .int(range.end.hours), "Minutes": .int(range.end.minutes)],
                ]
            }
        })
    }
}

extension HoursOfOperationHandler {
    func criteria(named name: String?) -> ConnectAPI.HoursOfOperation.SearchCriteria? {
        name.map { _ in StringSearchCriteria(StringCondition: .exact("name", name)) }
    }

    func identity(of h: ConnectAPI.HoursOfOperation) -> LiveIdentity? {
        guard let id = h.HoursOfOperationId, let name = h.Name else { return nil }
        return LiveIdentity(id: id, arn: h.HoursOfOperationArn ?? "", address: ResourceAddress(.hoursOfOperation, name))
    }

    func project(_ h: ConnectAPI.HoursOfOperation, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        var days: [String: [String]] = [:]
        for c in h.Config ?? [] {
            days[c.Day.rawValue.lowercased(), default: []].append("\(LiveProjection.time(c.StartTime))-\(LiveProjection.time(c.EndTime))")
        }
        return LiveProjected(fields: [
            "description": .string(h.Description ?? ""),
            "timeZone": .string(h.TimeZone ?? ""),
            "schedule": .object(days.mapValues { .list($0.sorted().map(FieldValue.string)) }),
        ], tags: h.Tags ?? [:], isDefault: ConnectDefaults.hoursOfOperation.contains(identity.address.name))
    }
}

extension HoursOfOperationHandler {
    var exportFile: String { "hours.yaml" }

    /// A day with one range is written as a string (`monday: "08:00-18:00"`), as people do.
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        if let external = export.external(live) { return external }
        var fields = live.fields
        if case let .object(days)? = fields["schedule"] {
            fields["schedule"] = .object(days.mapValues { day in
                if case let .list(ranges) = day, ranges.count == 1 { ranges[0] } else { day }
            })
        }
        return .named(live, fields)
    }
}
