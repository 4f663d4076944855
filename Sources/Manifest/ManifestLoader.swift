import Foundation
import Model
import Yams

/// Loads manifests into a `DesiredState`, reporting every problem at once.
///
/// ```swift
/// let result = ManifestLoader.load(path: "examples/quickstart", environment: "staging")
/// if let desired = result.desired { … } else { print(result.diagnostics) }
/// ```
public enum ManifestLoader {
    /// Loads the manifest file or directory at `path`.
    /// - Parameters:
    ///   - environment: the `--env` name; selects `environments.NAME` (its variables override
    ///     the top-level ones, its instance overrides the top-level instance).
    ///   - processEnvironment: values for `${env:NAME}` (pass `ProcessInfo.processInfo.environment`).
    public static func load(path: String, environment: String? = nil,
                            processEnvironment: [String: String] = ProcessInfo.processInfo.environment) -> ManifestLoadResult {
        var diagnostics: [Diagnostic] = []
        let files = ManifestFileCollector.collect(path: path, diagnostics: &diagnostics)
        var parsed: [ParsedYAMLFile] = []
        for file in files {
            if let result = YAMLFileReader.read(path: file, diagnostics: &diagnostics) { parsed.append(result) }
        }
        let context = ReadContext(processEnvironment: processEnvironment)
        context.diagnostics = diagnostics
        let desired = assemble(parsed, environment: environment, context: context, anyFiles: !files.isEmpty)
        let sorted = Array(Set(context.diagnostics)).sorted()
        return ManifestLoadResult(desired: sorted.hasErrors ? nil : desired, diagnostics: sorted, files: files)
    }

    private struct Located {
        var file: ParsedYAMLFile
        var key: Node
        var value: Node
    }

    private static func assemble(_ files: [ParsedYAMLFile], environment: String?, context: ReadContext,
                                 anyFiles: Bool) -> DesiredState? {
        // Pass 1: top-level keys and the global settings.
        var sections: [(file: ParsedYAMLFile, key: String, node: Node)] = []
        var singles: [String: Located] = [:]
        var environments: [String: Located] = [:]
        var variableNodes: [String: Located] = [:]
        var tagNodes: [Located] = []
        let topKeys = ManifestSchema.topLevel.keys
        for file in files {
            context.enter(file)
            for document in file.documents {
                guard case .mapping(let mapping) = document else {
                    context.error("a manifest must be a mapping of top-level keys (\(topKeys.prefix(5).joined(separator: ", ")), …), found \(context.describe(document))",
                                  at: document)
                    continue
                }
                for (key, keyNode, value) in context.pairs(of: mapping, owner: "the top level") {
                    switch key {
                    case "stack", "instance":
                        if let first = singles[key] {
                            context.duplicate("'\(key)'", first: location(first), again: context.location(keyNode))
                        } else {
                            singles[key] = Located(file: file, key: keyNode, value: value)
                        }
                    case "environments", "variables":
                        guard case .mapping(let entries) = value else {
                            if case .scalar(let s) = value, ReadContext.isNull(s) { continue }
                            context.error("'\(key)' must be a mapping, found \(context.describe(value))", at: value)
                            continue
                        }
                        for (name, nameNode, entry) in context.pairs(of: entries, owner: "'\(key)'") {
                            let what = key == "environments" ? "environment" : "variable"
                            if key == "environments", let first = environments[name] {
                                context.duplicate("\(what) '\(name)'", first: location(first), again: context.location(nameNode))
                            } else if key == "variables", let first = variableNodes[name] {
                                context.duplicate("\(what) '\(name)'", first: location(first), again: context.location(nameNode))
                            } else if key == "environments" {
                                environments[name] = Located(file: file, key: nameNode, value: entry)
                            } else {
                                variableNodes[name] = Located(file: file, key: nameNode, value: entry)
                            }
                        }
                    case "tags":
                        tagNodes.append(Located(file: file, key: keyNode, value: value))
                    default:
                        if ManifestSchema.topLevel.field(key) != nil {
                            sections.append((file, key, value))
                        } else {
                            context.error("unknown top-level key '\(key)'\(EditDistance.didYouMean(key, among: topKeys))", at: keyNode)
                        }
                    }
                }
            }
        }

        // Variables: the selected environment's, then the top-level ones it does not override.
        // Variable values may use ${env:NAME} (not ${var:NAME}); unselected environments' are not resolved.
        var variables: [String: String] = [:]
        var selected: (located: Located, entries: [String: (key: Node, value: Node)])?
        context.allowsVariableReferences = false
        if let environment {
            if let located = environments[environment] {
                context.enter(located.file)
                let owner = "environment '\(environment)'"
                if let e = context.object(located.value, spec: ManifestSchema.environment, owner: owner, ownerNode: located.key) {
                    selected = (located, e)
                    if let node = e["variables"]?.value, let map = context.stringMap(node, what: "'variables' of \(owner)") {
                        variables = map
                    }
                }
            } else if anyFiles {
                let names = environments.keys.sorted()
                context.error(names.isEmpty
                              ? "--env \(environment) was given but the manifests declare no 'environments'"
                              : "unknown environment '\(environment)'; the manifests declare \(names.map { "'\($0)'" }.joined(separator: ", "))"
                                + EditDistance.didYouMean(environment, among: names), at: nil)
            }
        }
        for name in variableNodes.keys.sorted() where variables[name] == nil {
            let located = variableNodes[name]!
            context.enter(located.file)
            if let value = context.string(located.value, what: "variable '\(name)'") { variables[name] = value }
        }
        context.allowsVariableReferences = true
        context.variables = variables
        var environmentInstance: InstanceTarget?
        if let selected, let environment, let node = selected.entries["instance"]?.value {
            context.enter(selected.located.file)
            environmentInstance = readInstance(node, owner: "'instance' of environment '\(environment)'", context: context)
        }
        // Unselected environments: check their keys, leave their ${…} alone.
        context.variables = variables
        for name in environments.keys.sorted() where name != environment {
            let located = environments[name]!
            context.enter(located.file)
            context.substitutes = false
            let owner = "environment '\(name)'"
            if let e = context.object(located.value, spec: ManifestSchema.environment, owner: owner, ownerNode: located.key) {
                if let node = e["variables"]?.value { _ = context.stringMap(node, what: "'variables' of \(owner)", substituting: false) }
                if let node = e["instance"]?.value { _ = readInstance(node, owner: "'instance' of \(owner)", context: context) }
            }
            context.substitutes = true
        }

        var stack = "default"
        if let located = singles["stack"] {
            context.enter(located.file)
            if let value = context.string(located.value, what: "'stack'", shape: ManifestSchema.topLevel.field("stack")!.shape) {
                if value.isEmpty || value.count > 256 || value.contains(where: { !(($0.isASCII && ($0.isLetter || $0.isNumber)) || "_.:/=+@- ".contains($0)) }) {
                    context.error("'stack' must be 1 to 256 ASCII letters, digits, spaces and _ . : / = + @ -, found '\(value)'",
                                  at: located.value)
                } else {
                    stack = value
                }
            }
        }
        var instance: InstanceTarget?
        if let located = singles["instance"] {
            context.enter(located.file)
            instance = readInstance(located.value, owner: "'instance'", context: context)
        }
        if let environmentInstance {
            instance = InstanceTarget(id: environmentInstance.id ?? instance?.id, region: environmentInstance.region ?? instance?.region)
        }

        let assembler = ManifestAssembler(context: context)
        var tags: [String: String] = [:]
        var tagLocations: [String: SourceLocation] = [:]
        for located in tagNodes {
            context.enter(located.file)
            for (key, value) in assembler.readTags(located.value, what: "'tags'").sorted(by: { $0.key < $1.key }) {
                if let first = tagLocations[key] {
                    context.duplicate("tag '\(key)'", first: first, again: context.location(located.value))
                } else {
                    tags[key] = value
                    tagLocations[key] = context.location(located.value)
                }
            }
        }

        // Pass 2: resources.
        for (file, key, node) in sections {
            context.enter(file)
            assembler.currentManifestPath = file.source.path
            if key == "userHierarchy" {
                assembler.readUserHierarchy(node)
            } else if let kind = ResourceKind.allCases.first(where: { $0.manifestSection == key }) {
                assembler.readSection(kind: kind, node: node)
            }
        }
        assembler.checkReferences()

        var declarations: [ResourceAddress: SourceLocation] = [:]
        for (kind, names) in assembler.declared {
            for (name, location) in names { declarations[ResourceAddress(kind, name)] = location }
        }
        let desired = DesiredState(
            stack: stack, instance: instance, environment: environment, tags: tags,
            hoursOfOperation: assembler.hours, queues: assembler.queues, routingProfiles: assembler.routingProfiles,
            flows: assembler.flows, flowModules: assembler.flowModules, securityProfiles: assembler.securityProfiles,
            userHierarchy: UserHierarchy(levels: assembler.levels ?? [], groups: Array(assembler.groups.values)),
            users: assembler.users, externals: assembler.externals, declarations: declarations)
        if let cycle = desired.dependencyGraph().findCycle(includingBreakable: false) {
            context.error("reference cycle that cannot be broken: \(cycle)", at: declarations[cycle.nodes[0]])
        }
        return desired
    }

    private static func location(_ located: Located) -> SourceLocation {
        SourceLocation(file: located.file.source.path, line: located.key.mark?.line ?? 1, column: located.key.mark?.column ?? 1)
    }

    private static func readInstance(_ node: Node, owner: String, context: ReadContext) -> InstanceTarget? {
        guard let e = context.object(node, spec: ManifestSchema.instance, owner: owner) else { return nil }
        var target = InstanceTarget()
        if let n = e["id"]?.value, let id = context.string(n, what: "'id' in \(owner)") {
            if (context.substitutes || !ReadContext.mayContainSubstitution(id)) && !isInstanceId(id) {
                context.error("'id' in \(owner) must be an instance id (UUID) or instance ARN, found '\(id)'", at: n)
            }
            target.id = id
        }
        if let n = e["region"]?.value, let region = context.string(n, what: "'region' in \(owner)") {
            if (context.substitutes || !ReadContext.mayContainSubstitution(region)) && !isRegion(region) {
                context.error("'region' in \(owner) is not an AWS region name like us-east-1: '\(region)'", at: n)
            }
            target.region = region
        }
        return target
    }

    static func isInstanceId(_ text: String) -> Bool {
        if text.hasPrefix("arn:") { return text.contains(":instance/") }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0].count == 2, parts.first!.allSatisfy({ $0.isLowercase }),
              let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase } }
    }
}
