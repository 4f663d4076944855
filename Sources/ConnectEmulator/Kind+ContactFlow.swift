import FlowLanguage
import Foundation

/// Contact flows: Create, Describe (`id`, `id:$SAVED`, `id:$LATEST`),
/// UpdateContactFlow{Content,Metadata,Name}, Delete, List (`contactFlowTypes`), Search.
///
/// Save / publish lifecycle (model documentation of DescribeContactFlow and
/// UpdateContactFlowContent: "Use the `$SAVED` alias in the request to describe the
/// `SAVED` content of a Flow. [...] After a flow is published, `$SAVED` needs to be
/// supplied to view saved content that has not been published."):
/// - a flow keeps its PUBLISHED content (`attrs.Content`, `Status` PUBLISHED) and, apart
///   from it, SAVED content not yet published (`hidden.SavedContent`); a flow created
///   SAVED has only SAVED content (`attrs.Content` with `Status` SAVED);
/// - UpdateContactFlowContent on `id:$SAVED` stores SAVED content; on `id` it publishes
///   (and drops the SAVED draft);
/// - DescribeContactFlow `id` returns the PUBLISHED content; for a flow never published
///   it fails with ContactFlowNotPublishedException (404, "The flow has not been
///   published.", listed by the model for DescribeContactFlow only); `id:$SAVED` (and
///   `id:$LATEST`) return the SAVED content, or the PUBLISHED one when there is no draft;
/// - "The `PUBLISHED` status will initiate validation on the content. `SAVED` does not
///   initiate validation of the content." (CreateContactFlow `Status`): SAVED content gets
///   the basic checks only (JSON, Version, Identifiers, transitions), PUBLISHED content
///   also the reference checks.
enum ContactFlowKind {
    static let types: Set<String> = ["CONTACT_FLOW", "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "CUSTOMER_WHISPER", "AGENT_HOLD",
                                     "AGENT_WHISPER", "OUTBOUND_WHISPER", "AGENT_TRANSFER", "QUEUE_TRANSFER", "CAMPAIGN"]

    static let handler = KindHandler(
        kind: .contactFlow, summaryHasLastModified: false, quota: { $0.contactFlowsPerInstance },
        operations: [
            "CreateContactFlow": { s, c in try create(s, c) },
            "DescribeContactFlow": { s, c in try describe(s, c) },
            "UpdateContactFlowContent": { s, c in try updateContent(s, c) },
            "UpdateContactFlowMetadata": { s, c in try s.updateFlowMetadata(.contactFlow, c, stateKey: "ContactFlowState") },
            "UpdateContactFlowName": { s, c in try s.renameOp(.contactFlow, c) },
        ],
        listFilter: { c, r in
            let types = c.query["contactFlowTypes"] ?? []
            return types.isEmpty || types.contains(r.attrs["Type"]?.stringValue ?? "")
        },
        searchFields: ["type": { attr($0, "Type") }, "status": { attr($0, "Status") }, "state": { attr($0, "State") }],
        describeExtras: { _, r, o, _ in
            if let c = r.attrs["Content"]?.stringValue { o["FlowContentSha256"] = .string(SHA256Digest.hex(Array(c.utf8))) }
        },
        summaryExtras: { r, o in
            o["ContactFlowType"] = r.attrs["Type"]
            o["ContactFlowState"] = r.attrs["State"]
            o["ContactFlowStatus"] = r.attrs["Status"]
        })

    static func attr(_ r: StoredResource, _ key: String) -> [String] { r.attrs[key]?.stringValue.map { [$0] } ?? [] }

    static func create(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        var content = ""
        let r = try s.createOp(.contactFlow, c, maxDescription: 500) { attrs, _ in
            let type = try c.requiredString("Type")
            guard types.contains(type) else { throw ConnectError.invalidParameter("Type \(type) is not a valid flow type") }
            content = try s.flowContent(c)
            let status = c.string("Status") ?? "PUBLISHED"
            guard status == "PUBLISHED" || status == "SAVED" else { throw ConnectError.invalidParameter("Status must be PUBLISHED or SAVED") }
            try s.checkFlowContent(content, published: status == "PUBLISHED", module: false, flowType: type)
            attrs.merge(["Type": .string(type), "State": "ACTIVE", "Status": .string(status), "Content": .string(content)]) { _, new in new }
        }
        return ["ContactFlowId": .string(r.id), "ContactFlowArn": .string(r.arn),
                "FlowContentSha256": .string(SHA256Digest.hex(Array(content.utf8)))]
    }

    enum Qualifier { case published, saved }

    /// Splits `{id}`, `{id}:$SAVED`, `{id}:$LATEST` or `{id}:{version}` (ids or ARNs).
    static func qualified(_ raw: String, allowVersion: Bool) throws -> (String, Qualifier) {
        let tail = raw.split(separator: "/").last.map(String.init) ?? raw
        guard let colon = tail.firstIndex(of: ":") else { return (raw, .published) }
        let suffix = tail[tail.index(after: colon)...]
        let id = String(raw.dropLast(suffix.count + 1))
        if suffix == "$SAVED" || suffix == "$LATEST" { return (id, .saved) }
        if allowVersion, Int(suffix) != nil { return (id, .published) }
        throw ConnectError.invalidParameter("ContactFlowId qualifier \(suffix) is not valid")
    }

    static func isPublished(_ r: StoredResource) -> Bool { r.attrs["Status"]?.stringValue == "PUBLISHED" }

    static func describe(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue {
        try s.checkInstance(c)
        let (id, qualifier) = try qualified(c.label("ContactFlowId"), allowVersion: true)
        var r = try s.require(.contactFlow, id)
        switch qualifier {
        case .published:
            guard isPublished(r) else {
                throw ConnectError(code: "ContactFlowNotPublishedException", status: 404, message: "The flow has not been published.")
            }
        case .saved:
            if let draft = r.hidden["SavedContent"] {
                r.attrs["Content"] = draft
                r.attrs["Status"] = "SAVED"
            }
        }
        return ["ContactFlow": s.describe(.contactFlow, r)]
    }

    static func updateContent(_ s: ConnectService, _ c: ServiceCall) throws -> JSONValue? {
        let (id, qualifier) = try qualified(c.label("ContactFlowId"), allowVersion: false)
        _ = try s.updateOp(.contactFlow, c, find: { _ in try s.require(.contactFlow, id) }) { r in
            let content = try s.flowContent(c)
            try s.checkFlowContent(content, published: qualifier == .published, module: false,
                                   flowType: r.attrs["Type"]?.stringValue)
            switch qualifier {
            case .published:
                r.attrs["Content"] = .string(content)
                r.attrs["Status"] = "PUBLISHED"
                r.hidden["SavedContent"] = nil
            case .saved where isPublished(r):
                r.hidden["SavedContent"] = .string(content)
            case .saved:
                r.attrs["Content"] = .string(content)
            }
        }
        return nil
    }
}

extension ConnectService {
    /// `Content` (required, at most 256,000 characters).
    func flowContent(_ c: ServiceCall) throws -> String {
        let content = try c.requiredString("Content")
        if content.count > 256_000 { throw ConnectError.invalidParameter("Content must be at most 256000 characters") }
        return content
    }

    /// Validates flow content as Connect does: SAVED content gets the basic checks; PUBLISHED
    /// content the full publish-time validation ("The `PUBLISHED` status will initiate
    /// validation on the content. `SAVED` does not initiate validation of the content.",
    /// CreateContactFlow `Status`): the Flow language catalogue for the flow's type (nil for a
    /// module), and every reference resolved against this instance.
    func checkFlowContent(_ content: String, published: Bool, module: Bool, flowType: String? = nil) throws {
        let problems = published
            ? FlowValidator.publishProblems(content, flowType: module ? nil : flowType, referenceProblem: referenceProblem,
                                            integration: integrationAssociated)
            : FlowValidator.basicProblems(content)
        if !problems.isEmpty {
            throw module ? ConnectError.invalidModule(problems) : ConnectError.invalidFlow(problems)
        }
    }

    /// Whether the instance may invoke a Lambda function / Lex bot alias a flow names: it must have
    /// been associated (AssociateLambdaFunction, AssociateBot). With
    /// `EmulatorConfiguration.requireIntegrationAssociations` off, nothing is checked (nil).
    func integrationAssociated(_ kind: FlowLanguage.ReferenceKind, _ arn: String) -> Bool? {
        guard configuration.requireIntegrationAssociations else { return nil }
        switch kind {
        case .lambdaFunction: return state.integrations.lambdaFunctions.contains(arn)
        case .lexBot: return state.integrations.lexBots.contains(where: { arn == $0 || arn.hasPrefix($0) })
        default: return nil
        }
    }

    func referenceProblem(_ ref: FlowValidator.Reference) -> String? {
        if let iid = ref.instanceId, iid != state.instanceId {
            return "Resource \(ref.raw) belongs to another instance (\(iid))"
        }
        var id = ref.id
        if ref.kind == .queue, id.hasPrefix("agent/") { id = String(id.dropFirst(6)) }
        if state.get(ref.kind, id) == nil {
            return "Referenced \(ref.kind.label) \(ref.raw) does not exist"
        }
        return nil
    }

    /// UpdateContactFlowMetadata / UpdateContactFlowModuleMetadata: Name, Description, state.
    func updateFlowMetadata(_ kind: ResourceKind, _ c: ServiceCall, stateKey: String) throws -> JSONValue? {
        _ = try updateOp(kind, c) { r in
            try rename(kind, c, &r, maxDescription: 500)
            if let st = c.string(stateKey) {
                guard st == "ACTIVE" || st == "ARCHIVED" else { throw ConnectError.invalidParameter("\(stateKey) must be ACTIVE or ARCHIVED") }
                r.attrs["State"] = .string(st)
            }
        }
        return nil
    }
}
