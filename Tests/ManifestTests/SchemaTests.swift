import Foundation
import Manifest
import Model
import Testing

/// The JSON Schema and the key reference are generated from the loader's key tables; these tests
/// prove the committed files are current and that the schema agrees with the loader.
/// `PATCHBAY_RECORD=1 swift test --filter SchemaTests` rewrites the committed files.
@Suite struct SchemaTests {
    static let schemaURL = TestSupport.packageRoot.appendingPathComponent("schemas/patchbay.schema.json")
    static let docsURL = TestSupport.packageRoot.appendingPathComponent("docs/manifest.md")
    static let kitchenSink = TestSupport.fixturesURL.appendingPathComponent("valid/kitchen-sink")
    static var recording: Bool { ProcessInfo.processInfo.environment["PATCHBAY_RECORD"] == "1" }

    @Test func committedSchemaIsCurrent() throws {
        let generated = JSONSchemaGenerator.generate()
        if Self.recording && (try? String(contentsOf: Self.schemaURL, encoding: .utf8)) != generated {
            try FileManager.default.createDirectory(at: Self.schemaURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(generated.utf8).write(to: Self.schemaURL)
            Issue.record("re-recorded schemas/patchbay.schema.json; review the diff and run again without PATCHBAY_RECORD")
            return
        }
        let committed = try String(contentsOf: Self.schemaURL, encoding: .utf8)
        #expect(committed == generated, "schemas/patchbay.schema.json is stale; run PATCHBAY_RECORD=1 swift test --filter SchemaTests")
    }

    @Test func committedKeyReferenceIsCurrent() throws {
        let text = try String(contentsOf: Self.docsURL, encoding: .utf8)
        let begin = try #require(text.range(of: ManifestReferenceGenerator.beginMarker))
        let end = try #require(text.range(of: ManifestReferenceGenerator.endMarker))
        let current = String(text[begin.upperBound..<end.lowerBound])
        let generated = "\n\n" + ManifestReferenceGenerator.markdown()
        if Self.recording && current != generated {
            let updated = String(text[..<begin.upperBound]) + generated + String(text[end.lowerBound...])
            try Data(updated.utf8).write(to: Self.docsURL)
            Issue.record("re-recorded the key reference in docs/manifest.md; review the diff and run again without PATCHBAY_RECORD")
            return
        }
        #expect(current == generated, "docs/manifest.md key reference is stale; run PATCHBAY_RECORD=1 swift test --filter SchemaTests")
    }

    /// The top level is built from the section registry: every kind a manifest can declare has
    /// its key there (the hierarchy's groups are declared under `userHierarchy`), each key once.
    @Test func everyKindHasATopLevelSection() {
        let keys = ManifestSchema.topLevel.keys
        #expect(Set(keys).count == keys.count, "duplicate top-level keys: \(keys)")
        for kind in ResourceKind.all {
            #expect(ManifestSchema.topLevel.field(kind.manifestSection) != nil, "no top-level section for \(kind)")
        }
    }

    /// Every property name in the schema (outside `$defs` bookkeeping) appears as a key in the
    /// kitchen-sink manifest, which the loader accepts without a single diagnostic: so the schema
    /// names no key the loader rejects.
    @Test func loaderAcceptsEveryKeyTheSchemaNames() throws {
        let result = ManifestLoader.load(path: Self.kitchenSink.path, environment: "test", processEnvironment: ["LEAD_PASSWORD": "Xy12345678"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL))
        var names: Set<String> = []
        collectPropertyNames(schema, into: &names)
        let manifestText = try FileManager.default.subpathsOfDirectory(atPath: Self.kitchenSink.path)
            .filter { $0.hasSuffix(".yaml") }
            .map { try String(contentsOfFile: Self.kitchenSink.appendingPathComponent($0).path, encoding: .utf8) }
            .joined(separator: "\n")
        let missing = names.filter { name in
            !manifestText.contains("\(name):") && !manifestText.contains("\(name) :")
        }.sorted()
        #expect(names.count > 50)
        #expect(missing.isEmpty, "schema keys not exercised by the kitchen sink: \(missing)")
    }

    private func collectPropertyNames(_ value: Any, into names: inout Set<String>) {
        if let object = value as? [String: Any] {
            if let properties = object["properties"] as? [String: Any] { names.formUnion(properties.keys) }
            for child in object.values { collectPropertyNames(child, into: &names) }
        } else if let array = value as? [Any] {
            for child in array { collectPropertyNames(child, into: &names) }
        }
    }

    /// Every example manifest (and the kitchen sink) validates against the schema, checked by an
    /// independent implementation: Python `jsonschema` with PyYAML.
    @Test func examplesValidateAgainstSchemaWithPythonJSONSchema() throws {
        let script = """
            import json, sys, glob, os
            try:
                import yaml, jsonschema
            except ImportError as e:
                print("SKIP", e); sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            # Read scalars as strings where YAML 1.1 would guess (the loader reads them as written).
            class Loader(yaml.SafeLoader): pass
            for ch in list(Loader.yaml_implicit_resolvers):
                Loader.yaml_implicit_resolvers[ch] = [(t, r) for t, r in Loader.yaml_implicit_resolvers[ch]
                                                      if t not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float")]
            bad = 0
            files = []
            for root in sys.argv[2:]:
                files += sorted(glob.glob(os.path.join(root, "**", "*.yaml"), recursive=True))
            for f in files:
                for doc in yaml.load_all(open(f), Loader=Loader):
                    for err in validator.iter_errors(doc):
                        bad += 1
                        print(f"{f}: {list(err.absolute_path)}: {err.message}")
            print("checked", len(files))
            sys.exit(1 if bad else 0)
            """
        let dir = try TestSupport.temporaryDirectory("schema")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scriptURL = dir.appendingPathComponent("check.py")
        try Data(script.utf8).write(to: scriptURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path, Self.schemaURL.path,
                             TestSupport.packageRoot.appendingPathComponent("examples").path, Self.kitchenSink.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            print("SKIPPED: python3 is not available (\(error))")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            print("SKIPPED: python3 with jsonschema and PyYAML is needed for this check: \(output)")
            return
        }
        #expect(process.terminationStatus == 0, "\(output)")
        let expectedFiles = try [TestSupport.packageRoot.appendingPathComponent("examples"), Self.kitchenSink].map {
            try FileManager.default.subpathsOfDirectory(atPath: $0.path).filter { $0.hasSuffix(".yaml") }.count
        }.reduce(0, +)
        #expect(expectedFiles >= 5)
        #expect(output.contains("checked \(expectedFiles)\n"), "\(output)")
    }

    @Test func schemaRejectsUnknownKeysLikeTheLoader() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        #expect(schema["additionalProperties"] as? Bool == false)
        let defs = try #require(schema["$defs"] as? [String: Any])
        for (name, def) in defs {
            guard let def = def as? [String: Any], def["properties"] != nil else { continue }
            #expect(def["additionalProperties"] as? Bool == false, "$defs.\(name) allows unknown keys")
        }
    }
}
