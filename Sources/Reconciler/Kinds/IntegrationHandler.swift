import ConnectAPI
import Model

/// Instance-level integrations: the Lambda functions (Associate/Disassociate/ListLambdaFunctions)
/// and Lex V2 bot aliases (Associate/Disassociate/ListBots) flows may invoke, by ARN. These lists
/// belong to no stack (nothing on them can be tagged): a plain apply only adds what the manifests
/// declare, and only `--prune` removes what they do not.
struct IntegrationHandler: KindHandler {
    let kind: ResourceKind
    /// "Lambda functions per instance: 35" (connect-api.md §4); the Lex bot quota is not listed there.
    var instanceQuota: InstanceQuota? {
        kind == .lambdaFunction ? InstanceQuota(key: "lambdaFunctions", name: "Lambda functions per instance", defaultValue: 35, code: "L-E3D2F503") : nil
    }
    var isOwned: Bool { false }
    var prunesUnowned: Bool { true }

    private var lambda: Bool { kind == .lambdaFunction }

    func declared(in desired: DesiredState) -> [Integration] { desired.integrations.filter { $0.kind == kind } }

    func fields(of i: Integration, content: FlowContentProjector) -> [String: FieldValue] { [:] }

    func createCalls(_ i: Integration, fields: [String: FieldValue], tags: [String: String], placeholder: Bool) -> [PlannedCall] {
        [lambda ? PlannedCall(.associateLambdaFunction, ["InstanceId": .instanceId, "FunctionArn": .string(i.arn)])
                : PlannedCall(.associateBot, ["InstanceId": .instanceId, "LexV2Bot": ["AliasArn": .string(i.arn)]])]
    }

    func updateCalls(_ i: Integration, fields: [String: FieldValue], live: LiveResource, changed: Set<String>) -> [PlannedCall] { [] }

    func deleteCalls(_ live: LiveResource) -> [PlannedCall] {
        [lambda ? PlannedCall(.disassociateLambdaFunction, ["InstanceId": .instanceId, "FunctionArn": .string(live.id)],
                              deletes: live.address)
                : PlannedCall(.disassociateBot, ["InstanceId": .instanceId, "LexV2Bot": ["AliasArn": .string(live.id)]],
                              deletes: live.address)]
    }

    func find(_ name: String, reader: any ConnectReader, instanceId: String) async throws -> FoundResource? { nil }

    func search(_ context: LiveReadContext) async throws -> [String] {
        if lambda {
            return try await context.all("integrations", context.reader.pages(ListRequest<Listings.LambdaFunctions>(instanceId: context.instanceId)))
        }
        let bots = try await context.all("integrations", context.reader.pages(
            ListRequest<Listings.LexBots>(instanceId: context.instanceId, filter: "V2")))
        return bots.compactMap { $0.LexV2Bot?.AliasArn }
    }

    /// The id is the ARN. The ARN is left out of the identity so that flow content, which names
    /// the function or alias by its ARN, keeps it as written (it is no `${…}` reference).
    func identity(of arn: String) -> LiveIdentity? { LiveIdentity(id: arn, arn: "", address: ResourceAddress(kind, arn)) }

    func project(_ arn: String, _ identity: LiveIdentity, _ names: NameIndex) -> LiveProjected {
        LiveProjected(fields: [:], tags: [:])
    }

    /// One ARN of `integrations.lambdaFunctions` / `integrations.lexBots` (in address order, so sorted).
    func exported(_ live: LiveResource, _ export: ExportContext) -> ExportedResource? {
        ExportedResource(address: live.address, path: [lambda ? "lambdaFunctions" : "lexBots"], body: .list([.string(live.address.name)]))
    }
}
