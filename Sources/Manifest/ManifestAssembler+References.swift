import Model

extension ManifestAssembler {
    /// Checks every reference against declared, external and Connect-default names, and the
    /// flow type a reference needs.
    func checkReferences() {
        for site in references {
            let kind = site.target.kind, name = site.target.name
            if declared[kind]?[name] == nil && !ConnectDefaults.contains(site.target) {
                let candidates = Array(declared[kind]?.keys ?? [:].keys) + ConnectDefaults.names(of: kind)
                context.error("\(site.owner) refers to unknown \(kind.displayName) '\(name)'"
                              + EditDistance.didYouMean(name, among: candidates), at: site.location)
                continue
            }
            if let required = site.requiredFlowType {
                let actual = flowTypes[name] ?? (declared[.flow]?[name] == nil ? ConnectDefaults.flowType(named: name) : nil)
                if let actual, actual != required {
                    context.error("\(site.owner) needs a flow of type \(required.rawValue), but flow '\(name)' is \(actual.rawValue)",
                                  at: site.location)
                }
            }
        }
    }
}
