/// The Connect instance a manifest (or one of its environments) targets.
public struct InstanceTarget: Sendable, Hashable {
    /// Instance id (UUID) or instance ARN.
    public var id: String?
    /// AWS region, e.g. `us-east-1`.
    public var region: String?

    public init(id: String? = nil, region: String? = nil) {
        self.id = id
        self.region = region
    }
}
