import Foundation
import Manifest
import Model
import Testing

/// Every fixture under Fixtures/invalid must produce exactly its expected diagnostics
/// (message, file, line and column).
@Suite struct FixtureCorpusTests {
    static let caseNames: [String] = {
        let dir = TestSupport.fixturesURL.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func corpusHasAtLeastFortyCases() {
        #expect(Self.caseNames.count >= 40, "only \(Self.caseNames.count) invalid fixtures")
    }

    @Test(arguments: caseNames)
    func fixture(_ name: String) throws {
        let fixture = try FixtureCase(url: TestSupport.fixturesURL.appendingPathComponent("invalid").appendingPathComponent(name))
        #expect(!fixture.expectations.isEmpty, "fixture \(name) declares no expectations")
        let dir = try TestSupport.temporaryDirectory("fixture")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try fixture.write(to: dir)
        let result = ManifestLoader.load(path: path, environment: nil, processEnvironment: ["PATCHBAY_TEST_SET": "set-value"])
        let prefix = dir.path + "/"
        let actual = TestSupport.render(result.diagnostics, removing: prefix)
        #expect(actual == fixture.renderedExpectations())
        if fixture.expectations.contains(where: { $0.severity == "error" }) {
            #expect(result.desired == nil)
        }
    }
}

/// Real-world flows from public AWS samples load without a single diagnostic (the Flow
/// language catalogue must not reject what Connect accepts).
@Suite struct RealWorldFlowTests {
    @Test func awsSampleFlowsValidate() throws {
        let dir = TestSupport.fixturesURL.appendingPathComponent("valid/aws-samples")
        let result = ManifestLoader.load(path: dir.path, environment: nil, processEnvironment: [:])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.desired?.flows.count == 3)
    }

    @Test func examplesValidateWithoutWarnings() throws {
        for example in ["quickstart", "multi-environment"] {
            let dir = TestSupport.packageRoot.appendingPathComponent("examples/\(example)")
            let result = ManifestLoader.load(path: dir.path, environment: example == "multi-environment" ? "staging" : nil,
                                             processEnvironment: ["PATCHBAY_TEST_SET": "set-value"])
            #expect(!result.diagnostics.contains { $0.message.contains("action") }, "\(example): \(result.diagnostics.map(\.description))")
        }
    }
}
