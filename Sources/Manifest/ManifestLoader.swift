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

    /// The top-level keys of every file, gathered before anything is read.
    private struct TopLevel {
        var sections: [(file: ParsedYAMLFile, section: any ManifestSection, node: Node)] = []
        var singles: [String: Located] = [:]
        var environments: [String: Located] = [:]
        var variableNodes: [String: Located] = [:]
        var tagNodes: [Located] = []
    }

    private static func assemble(_ files: [ParsedYAMLFile], environment: String?, context: ReadContext,
                                 anyFiles: Bool) -> DesiredState? {
        // Pass 1: top-level keys and the global settings.
        let top = collectTopLevel(files, context: context)
        var environmentBucket: Located?
        let environmentInstance = readVariables(top, environment: environment, context: context, anyFiles: anyFiles,
                                                promptBucket: &environmentBucket)
        checkUnselectedEnvironments(top, selected: environment, context: context)
        let stack = readStack(top, context: context)
        var instance: InstanceTarget?
        if let located = top.singles["instance"] {
            context.enter(located.file)
            instance = readInstance(located.value, owner: "'instance'", context: context)
        }
        if let environmentInstance {
            instance = InstanceTarget(id: environmentInstance.id ?? instance?.id, region: environmentInstance.region ?? instance?.region)
        }
        let assembler = ManifestAssembler(context: context)
        let tags = readTags(top, assembler: assembler)
        assembler.promptBucket = readPromptBucket(environmentBucket ?? top.singles["promptBucket"], context: context)
        assembler.promptBucketDeclared = (environmentBucket ?? top.singles["promptBucket"]) != nil

        // Pass 2: resources.
        for (file, section, node) in top.sections {
            context.enter(file)
            assembler.currentManifestPath = file.source.path
            section.readSection(node, into: assembler)
        }
        assembler.checkReferences()
        for section in ManifestKinds.sections { section.check(assembler) }

        var declarations: [ResourceAddress: SourceLocation] = [:]
        for (kind, names) in assembler.declared {
            for (name, location) in names { declarations[ResourceAddress(kind, name)] = location }
        }
        var desired = DesiredState(stack: stack, instance: instance, environment: environment, tags: tags,
                                   externals: assembler.externals, declarations: declarations)
        desired.promptBucket = assembler.promptBucket
        for section in ManifestKinds.sections { section.store(from: assembler, into: &desired) }
        if let cycle = desired.dependencyGraph().findCycle(includingBreakable: false) {
            context.error("reference cycle that cannot be broken: \(cycle)", at: declarations[cycle.nodes[0]])
        }
        return desired
    }

    private static func collectTopLevel(_ files: [ParsedYAMLFile], context: ReadContext) -> TopLevel {
        var top = TopLevel()
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
                    case "stack", "instance", "promptBucket":
                        if let first = top.singles[key] {
                            context.duplicate("'\(key)'", first: location(first), again: context.location(keyNode))
                        } else {
                            top.singles[key] = Located(file: file, key: keyNode, value: value)
                        }
                    case "environments":
                        collectNamed(value, file: file, key: key, what: "environment", into: &top.environments, context: context)
                    case "variables":
                        collectNamed(value, file: file, key: key, what: "variable", into: &top.variableNodes, context: context)
                    case "tags":
                        top.tagNodes.append(Located(file: file, key: keyNode, value: value))
                    default:
                        if let section = ManifestKinds.section(forKey: key) {
                            top.sections.append((file, section, value))
                        } else {
                            context.error("unknown top-level key '\(key)'\(EditDistance.didYouMean(key, among: topKeys))", at: keyNode)
                        }
                    }
                }
            }
        }
        return top
    }

    /// The entries of `environments:` or `variables:` (name → value), each name once across files.
    private static func collectNamed(_ value: Node, file: ParsedYAMLFile, key: String, what: String,
                                     into found: inout [String: Located], context: ReadContext) {
        guard case .mapping(let entries) = value else {
            if case .scalar(let s) = value, ReadContext.isNull(s) { return }
            context.error("'\(key)' must be a mapping, found \(context.describe(value))", at: value)
            return
        }
        for (name, nameNode, entry) in context.pairs(of: entries, owner: "'\(key)'") {
            if let first = found[name] {
                context.duplicate("\(what) '\(name)'", first: location(first), again: context.location(nameNode))
            } else {
                found[name] = Located(file: file, key: nameNode, value: entry)
            }
        }
    }

    /// Variables: the selected environment's, then the top-level ones it does not override.
    /// Variable values may use ${env:NAME} (not ${var:NAME}); unselected environments' are not resolved.
    /// Returns the selected environment's instance.
    private static func readVariables(_ top: TopLevel, environment: String?, context: ReadContext,
                                      anyFiles: Bool, promptBucket: inout Located?) -> InstanceTarget? {
        var variables: [String: String] = [:]
        var selected: (located: Located, entries: [String: (key: Node, value: Node)])?
        context.allowsVariableReferences = false
        if let environment {
            if let located = top.environments[environment] {
                context.enter(located.file)
                let owner = "environment '\(environment)'"
                if let e = context.object(located.value, spec: ManifestSchema.environment, owner: owner, ownerNode: located.key) {
                    selected = (located, e)
                    if let node = e["variables"]?.value, let map = context.stringMap(node, what: "'variables' of \(owner)") {
                        variables = map
                    }
                }
            } else if anyFiles {
                let names = top.environments.keys.sorted()
                context.error(names.isEmpty
                              ? "--env \(environment) was given but the manifests declare no 'environments'"
                              : "unknown environment '\(environment)'; the manifests declare \(names.map { "'\($0)'" }.joined(separator: ", "))"
                                + EditDistance.didYouMean(environment, among: names), at: nil)
            }
        }
        for (name, located) in top.variableNodes.sorted(by: { $0.key < $1.key }) where variables[name] == nil {
            context.enter(located.file)
            if let value = context.string(located.value, what: "variable '\(name)'") { variables[name] = value }
        }
        context.allowsVariableReferences = true
        context.variables = variables
        if let selected, let entry = selected.entries["promptBucket"] {
            promptBucket = Located(file: selected.located.file, key: entry.key, value: entry.value)
        }
        guard let selected, let environment, let node = selected.entries["instance"]?.value else { return nil }
        context.enter(selected.located.file)
        return readInstance(node, owner: "'instance' of environment '\(environment)'", context: context)
    }

    /// Unselected environments: check their keys, leave their ${…} alone.
    private static func checkUnselectedEnvironments(_ top: TopLevel, selected environment: String?, context: ReadContext) {
        for (name, located) in top.environments.sorted(by: { $0.key < $1.key }) where name != environment {
            context.enter(located.file)
            context.substitutes = false
            let owner = "environment '\(name)'"
            if let e = context.object(located.value, spec: ManifestSchema.environment, owner: owner, ownerNode: located.key) {
                if let node = e["variables"]?.value { _ = context.stringMap(node, what: "'variables' of \(owner)", substituting: false) }
                if let node = e["instance"]?.value { _ = readInstance(node, owner: "'instance' of \(owner)", context: context) }
            }
            context.substitutes = true
        }
    }

    /// `promptBucket: s3://BUCKET/PREFIX/` (the selected environment's, else the top level's).
    private static func readPromptBucket(_ located: Located?, context: ReadContext) -> PromptBucket? {
        guard let located else { return nil }
        context.enter(located.file)
        guard let value = context.string(located.value, what: "'promptBucket'") else { return nil }
        guard let bucket = PromptBucket(uri: value), bucket.bucket.range(of: "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", options: .regularExpression) != nil else {
            context.error("'promptBucket' must be s3://BUCKET/ or s3://BUCKET/PREFIX/ with an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens), found '\(value)'",
                          at: located.value)
            return nil
        }
        return bucket
    }

    private static func readStack(_ top: TopLevel, context: ReadContext) -> String {
        guard let located = top.singles["stack"] else { return "default" }
        context.enter(located.file)
        guard let value = context.string(located.value, what: "'stack'", shape: ManifestSchema.topLevel.field("stack")?.shape ?? .string())
        else { return "default" }
        if value.isEmpty || value.count > 256 || value.contains(where: { !(($0.isASCII && ($0.isLetter || $0.isNumber)) || "_.:/=+@- ".contains($0)) }) {
            context.error("'stack' must be 1 to 256 ASCII letters, digits, spaces and _ . : / = + @ -, found '\(value)'",
                          at: located.value)
            return "default"
        }
        return value
    }

    /// The top-level tags of every file; a key set in two places is a duplicate.
    private static func readTags(_ top: TopLevel, assembler: ManifestAssembler) -> [String: String] {
        let context = assembler.context
        var tags: [String: String] = [:]
        var tagLocations: [String: SourceLocation] = [:]
        for located in top.tagNodes {
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
        return tags
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
