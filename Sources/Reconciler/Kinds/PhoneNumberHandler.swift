import ConnectAPI
import Model

/// Phone numbers already claimed in the instance: the flow each rings and its description.
/// Read with two calls for the whole instance, ListPhoneNumbersV2 (InstanceId) and
/// ListFlowAssociations (VOICE_PHONE_NUMBER), since no phone-number API returns the flow.
/// Patchbay never claims or releases a number (a released number cannot be claimed back for
/// up to 180 days): a declared number the instance does not have is a plan error, and prune
/// leaves numbers alone (they carry no owner).
struct PhoneNumberHandler: KindHandler {
    struct Raw: Sendable {
        var summary: PhoneNumberSummary
        /// The ARN of the flow associated with the number, if any.
        var flowArn: String?
    }

    let kind = ResourceKind.phoneNumber
    var isOwned: Bool { false }

    func declared(in desired: DesiredState) -> [Model.PhoneNumber] { desired.phoneNumbers }

    /// Only what the manifest sets is compared: an absent `flow` or `description` is left alone.
    func fields(of n: Model.PhoneNumber, content: FlowContentProjector) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        if let flow = n.flow { fields["flow"] = .string(flow) }
        if let description = n.description { fields["description"] = .string(description) }
        return fields
    }

    func missingProblem(_ address: ResourceAddress, instanceId: String) -> String? {
        "phone number '\(address.name)' is not claimed in instance \(instanceId); Patchbay never claims or releases numbers "
            + "(claim it in the Connect console or with ClaimPhoneNumber, then plan again)"
    }

    func createCalls(_ n: Model.PhoneNumber, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] { [] }

    func updateCalls(_ n: Model.PhoneNumber, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] {
        var calls: [PlannedCall] = []
        if changed.contains("flow"), let flow = n.flow {
            calls.append(PlannedCall(.associatePhoneNumberContactFlow, ["PhoneNumberId": .string(live.id), "InstanceId": .instanceId,
                                                                        "ContactFlowId": .id(ResourceAddress(.flow, flow))]))
        }
        if changed.contains("description"), let description = n.description {
            calls.append(PlannedCall(.updatePhoneNumberMetadata, ["PhoneNumberId": .string(live.id),
                                                                  "PhoneNumberDescription": .string(description)]))
        }
        return calls
    }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] { [] }

    func liveReferences(_ live: LiveResource) -> [ResourceAddress] { CallShapes.reference(live.fields, "flow", .flow) }

    func translatingRenames(_ fields: [String: FieldValue], _ renames: Renames) -> [String: FieldValue] {
        renames.renaming(fields, "flow", .flow)
    }

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? { nil }

    func search(_ context: LiveReadContext) async throws -> [Raw] {
        let numbers = try await context.all("phone numbers", context.reader.pages(
            ListRequest<Listings.PhoneNumbers>(instanceId: context.instanceId)))
        guard !numbers.isEmpty else { return [] }  // no number, no association to read
        let associations = try await context.all("phone numbers", context.reader.pages(
            ListRequest<Listings.FlowAssociations>(instanceId: context.instanceId, filter: "VOICE_PHONE_NUMBER")))
        var flows: [String: String] = [:]
        for association in associations {
            if let number = association.ResourceId, let flow = association.FlowId { flows[number] = flow }
        }
        return numbers.map { Raw(summary: $0, flowArn: $0.PhoneNumberArn.flatMap { flows[$0] }) }
    }

    func identity(of raw: Raw) -> LiveIdentity? {
        guard let id = raw.summary.PhoneNumberId, let number = raw.summary.PhoneNumber else { return nil }
        return LiveIdentity(id: id, arn: raw.summary.PhoneNumberArn ?? "", address: ResourceAddress(.phoneNumber, number))
    }

    /// Nothing is compared unless the manifests manage it (see `details`).
    func project(_ raw: Raw, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: [:], tags: [:])
    }

    /// The managed fields, from what the two listings returned (no further call).
    func details(_ raw: Raw, _ identity: LiveIdentity, _ context: DetailContext) -> DetailPlan {
        var fields: [String: FieldValue] = [:]
        if context.manages("flow", of: identity.address) {
            fields["flow"] = raw.flowArn.map { arn in .string(context.names.arns[arn]?.name ?? arn) } ?? .null
        }
        if context.manages("description", of: identity.address) {
            fields["description"] = .string(raw.summary.PhoneNumberDescription ?? "")
        }
        return .known(fields)
    }
}

extension PhoneNumberHandler {
    var exportComments: [String] {
        ["Numbers already claimed in the instance, by E.164 number. Patchbay never claims or releases a number: in",
         "another instance, claim it there first (or remove it here), else plan fails at its declaration."]
    }
}
