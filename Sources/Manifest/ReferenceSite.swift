import Model

/// A place where a manifest (or flow content) names another resource; checked once every
/// declaration is known.
struct ReferenceSite {
    var target: ResourceAddress
    var location: SourceLocation
    /// "queue 'Support'" — who refers.
    var owner: String
    /// Expected flow type when the reference must be a flow of a given type.
    var requiredFlowType: FlowType? = nil
}
