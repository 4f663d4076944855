import ConnectAPI
import Model

/// Hours of operation, and their overrides where the manifests manage them (`overrides:`): the
/// overrides are part of the hours' diff (`overrides.Christmas.to`), each created, updated or
/// deleted with a call of its own.
struct HoursOfOperationHandler: SearchableKind {
    let readLabel = "hours of operation"
    let kind = ResourceKind.hoursOfOperation
    /// Connect's default quota (connect-api.md §4, Admin Guide "Amazon Connect service quotas").
    let instanceQuota: InstanceQuota? = InstanceQuota(key: "hoursOfOperation", name: "hours of operation per instance", defaultValue: 100, code: "L-20CD02F7")

    func declared(in desired: DesiredState) -> [Model.HoursOfOperation] { desired.hoursOfOperation }

    func fields(of h: Model.HoursOfOperation, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            "description": .string(h.description ?? ""),
            "timeZone": .string(h.timeZone),
            "schedule": Projection.schedule(h.schedule),
        ]
        if let overrides = h.overrides {
            fields["overrides"] = .object(Dictionary(uniqueKeysWithValues: overrides.map { o in
                (o.name, Self.override(description: o.description, from: o.from.description, to: o.to.description,
                                       type: o.type.rawValue, schedule: Projection.schedule(o.schedule)))
            }))
        }
        return fields
    }

    /// One override in the differ's vocabulary (both sides).
    static func override(description: String?, from: String, to: String, type: String, schedule: FieldValue) -> FieldValue {
        .object(["description": .string(description ?? ""), "from": .string(from), "to": .string(to), "type": .string(type),
                 "schedule": schedule])
    }

    func createCalls(_ h: Model.HoursOfOperation, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [PlannedCall(.createHoursOfOperation, [
            "InstanceId": .instanceId, "Name": .string(h.name), "Description": CallShapes.nonEmpty(h.description),
            "TimeZone": .string(h.timeZone), "Config": config(h.schedule), "Tags": .map(tags),
        ], creates: CallShapes.creates(h.address, "HoursOfOperationId", "HoursOfOperationArn"))]
            + (h.overrides ?? []).map { overrideCall(.createHoursOfOperationOverride, $0, hours: .id(h.address)) }
    }

    func updateCalls(_ h: Model.HoursOfOperation, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        var calls: [PlannedCall] = []
        if !changed.isDisjoint(with: ["name", "description", "timeZone", "schedule"]) {
            calls.append(PlannedCall(.updateHoursOfOperation, [
                "InstanceId": .instanceId, "HoursOfOperationId": .string(live.id), "Name": .string(h.name),
                "Description": .string(h.description ?? ""), "TimeZone": .string(h.timeZone), "Config": config(h.schedule),
            ]))
        }
        if changed.contains("overrides"), let overrides = h.overrides {
            calls += overrideCalls(overrides, fields: fields, live: live)
        }
        return calls
    }

    /// The fewest calls from the live overrides to the declared ones: deletes first (a name or
    /// dates may be taken again), then one update per changed override, then creates. An
    /// override whose description is removed is deleted and created again: Connect's
    /// descriptions are 1–250 characters, so an update cannot clear one.
    private func overrideCalls(_ overrides: [Model.HoursOfOperationOverride], fields: [String: FieldValue], live: LiveResource) -> [PlannedCall] {
        guard case let .object(wanted)? = fields["overrides"] else { return [] }
        var before: [String: FieldValue] = [:]
        if case let .object(o)? = live.fields["overrides"] { before = o }
        let hours = CallValue.string(live.id)
        var deletes: [PlannedCall] = [], updates: [PlannedCall] = [], creates: [PlannedCall] = []
        for name in before.keys.sorted() where wanted[name] == nil { deletes += deleteOverride(name, live) }
        for o in overrides {
            guard let old = before[o.name] else {
                creates.append(overrideCall(.createHoursOfOperationOverride, o, hours: hours))
                continue
            }
            guard old != wanted[o.name] else { continue }
            let id = live.partIds[o.name]
            if id == nil || (o.description ?? "").isEmpty && Self.description(old) != "" {
                deletes += deleteOverride(o.name, live)
                creates.append(overrideCall(.createHoursOfOperationOverride, o, hours: hours))
            } else {
                updates.append(overrideCall(.updateHoursOfOperationOverride, o, hours: hours, id: id))
            }
        }
        return deletes + updates + creates
    }

    private static func description(_ override: FieldValue) -> String {
        if case let .object(o) = override, case let .string(d)? = o["description"] { return d }
        return ""
    }

    private func deleteOverride(_ name: String, _ live: LiveResource) -> [PlannedCall] {
        guard let id = live.partIds[name] else { return [] }
        return [PlannedCall(.deleteHoursOfOperationOverride, ["InstanceId": .instanceId, "HoursOfOperationId": .string(live.id),
                                                              "HoursOfOperationOverrideId": .string(id)])]
    }

    private func overrideCall(_ operation: ConnectOperation, _ o: Model.HoursOfOperationOverride, hours: CallValue,
                              id: String? = nil) -> PlannedCall {
        var call = PlannedCall(operation, [
            "InstanceId": .instanceId, "HoursOfOperationId": hours, "HoursOfOperationOverrideId": id.map(CallValue.string),
            "Name": .string(o.name), "Description": CallShapes.nonEmpty(o.description), "Config": config(o.schedule),
            "EffectiveFrom": .string(o.from.description), "EffectiveTill": .string(o.to.description),
            "OverrideType": .string(o.type.rawValue),
        ])
        // A retried create whose first response was lost meets its own override (seen under faults).
        call.duplicateMeansDone = operation == .createHoursOfOperationOverride
        return call
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

    /// ListHoursOfOperationOverrides, only for hours whose overrides the manifests manage.
    func details(_ h: ConnectAPI.HoursOfOperation, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        guard context.manages("overrides", of: identity.address) else { return .none }
        let read = context.read, id = identity.id
        return .fetch {
            let request = ListRequest<Listings.HoursOfOperationOverrides>(instanceId: read.instanceId, parentId: id)
            var overrides: [String: FieldValue] = [:], ids: [String: FieldValue] = [:]
            for o in try await read.items(read.reader.pages(request)) {
                guard let name = o.Name else { continue }
                overrides[name] = Self.override(description: o.Description, from: o.EffectiveFrom ?? "", to: o.EffectiveTill ?? "",
                                                type: o.OverrideType ?? "", schedule: Self.schedule(o.Config))
                ids[name] = o.HoursOfOperationOverrideId.map(FieldValue.string) ?? .null
            }
            return ["overrides": .object(overrides), LiveResource.partIdsField: .object(ids)]
        }
    }

    func project(_ h: ConnectAPI.HoursOfOperation, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: [
            "description": .string(h.Description ?? ""),
            "timeZone": .string(h.TimeZone ?? ""),
            "schedule": Self.schedule(h.Config),
        ], tags: h.Tags ?? [:], isDefault: ConnectDefaults.hoursOfOperation.contains(identity.address.name))
    }

    /// Connect's day / start / end entries as the manifest's schedule.
    static func schedule(_ config: [ConnectAPI.HoursOfOperationConfig]?) -> FieldValue {
        var days: [String: [String]] = [:]
        for c in config ?? [] {
            days[c.Day.rawValue.lowercased(), default: []].append("\(LiveProjection.time(c.StartTime))-\(LiveProjection.time(c.EndTime))")
        }
        return .object(days.mapValues { .list($0.sorted().map(FieldValue.string)) })
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
