import ConnectAPI
import Model

struct HoursOfOperationHandler: KindHandler {
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

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? {
        let criteria = HoursOfOperationSearchCriteria(StringCondition: StringCondition(FieldName: "name", Value: name, ComparisonType: .EXACT))
        for try await page in reader.pages(SearchRequest<ConnectAPI.HoursOfOperation>(instanceId: instanceId, criteria: criteria)) {
            if let h = page.items.first(where: { $0.Name == name }), let id = h.HoursOfOperationId {
                return FoundResource(id: id, arn: h.HoursOfOperationArn ?? "", tags: h.Tags ?? [:])
            }
        }
        return nil
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
