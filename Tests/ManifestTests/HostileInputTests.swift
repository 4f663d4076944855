import Foundation
import Manifest
import Model
import Testing

/// Hostile input: each case ends quickly with one clear error, never a crash or a hang.
@Suite struct HostileInputTests {
    private func loadFile(named name: String, bytes: [UInt8]) throws -> (ManifestLoadResult, Duration, String) {
        let dir = try TestSupport.temporaryDirectory("hostile")
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        let clock = ContinuousClock()
        var result: ManifestLoadResult!
        let elapsed = clock.measure { result = ManifestLoader.load(path: url.path, processEnvironment: [:]) }
        try? FileManager.default.removeItem(at: dir)
        return (result, elapsed, dir.path + "/")
    }

    private func single(_ result: ManifestLoadResult, prefix: String) -> [String] {
        TestSupport.render(result.diagnostics, removing: prefix)
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "queues: *i\n"
        let (result, elapsed, prefix) = try loadFile(named: "bomb.yaml", bytes: Array(yaml.utf8))
        print("billion laughs refused in \(elapsed)")
        #expect(elapsed < .seconds(1))
        #expect(single(result, prefix: prefix)
                == ["bomb.yaml:1:1: error: aliases expand this document to more than 100290 nodes; refusing it (an alias bomb?)"])
        #expect(result.desired == nil)
    }

    /// Aliases (or collections) used as mapping keys make Yams hash the expanded node while it
    /// composes, exponential for a bomb: refused before parsing.
    @Test(arguments: [("  ? *i\n  : 1\n", 3), ("  *i : 1\n", 3), ("  [*i, *i]: 1\n", 3), ("  x: { *i : 1 }\n", 8)])
    func aliasBombAsKeyIsRefusedBeforeParsing(_ key: String, column: Int) throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        yaml += "z:\n" + key
        let (result, elapsed, prefix) = try loadFile(named: "keybomb.yaml", bytes: Array(yaml.utf8))
        #expect(elapsed < .seconds(1))
        #expect(single(result, prefix: prefix) == [
            "keybomb.yaml:11:\(column): error: complex mapping keys ('? ', aliases or collections used as keys) are not supported in manifests",
        ])
    }

    @Test func modestAliasUseIsAccepted() throws {
        let yaml = """
            queues:
              Support: &q { hoursOfOperation: Basic Hours, description: shared }
              Billing: *q
            """
        let (result, _, _) = try loadFile(named: "alias.yaml", bytes: Array(yaml.utf8))
        #expect(result.diagnostics.isEmpty)
        #expect(result.desired?.queues.map(\.name) == ["Billing", "Support"])
    }

    @Test func fiftyMegabyteFileIsRefusedUnread() throws {
        let dir = try TestSupport.temporaryDirectory("big")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("big.yaml")
        let line = Array("# padding padding padding padding padding padding padding padding padding\n".utf8)
        var data = Data(capacity: 50 * 1024 * 1024 + line.count)
        while data.count < 50 * 1024 * 1024 { data.append(contentsOf: line) }
        try data.write(to: url)
        let clock = ContinuousClock()
        var result: ManifestLoadResult!
        let elapsed = clock.measure { result = ManifestLoader.load(path: url.path, processEnvironment: [:]) }
        #expect(elapsed < .seconds(1))
        #expect(TestSupport.render(result.diagnostics, removing: dir.path + "/")
                == ["big.yaml:1:1: error: file is too large (\(data.count) bytes); manifests are limited to 10485760 bytes (10 MiB)"])
    }

    @Test func binaryGarbage() throws {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = Array("queues:\n".utf8) + [0x00]
        bytes += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (result, _, prefix) = try loadFile(named: "garbage.yaml", bytes: bytes)
        #expect(single(result, prefix: prefix) == ["garbage.yaml:2:1: error: file is binary, not YAML (NUL byte at byte offset 8)"])
    }

    @Test func invalidUTF8() throws {
        let bytes: [UInt8] = Array("stack: ok\nqueues:\n  Caf".utf8) + [0xE9] + Array(":\n    hoursOfOperation: Basic Hours\n".utf8)
        let (result, _, prefix) = try loadFile(named: "latin1.yaml", bytes: bytes)
        #expect(single(result, prefix: prefix)
                == ["latin1.yaml:3:6: error: file is not valid UTF-8 (invalid byte at byte offset 23); manifests must be UTF-8 text"])
    }

    @Test func controlCharacter() throws {
        let bytes: [UInt8] = Array("stack: a".utf8) + [0x07] + Array("b\n".utf8)
        let (result, _, prefix) = try loadFile(named: "bell.yaml", bytes: bytes)
        #expect(single(result, prefix: prefix) == ["bell.yaml:1:9: error: control character U+0007 is not allowed in a manifest"])
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n# and another\n", "---\n"])
    func emptyFile(_ text: String) throws {
        let (result, _, prefix) = try loadFile(named: "empty.yaml", bytes: Array(text.utf8))
        #expect(single(result, prefix: prefix) == ["empty.yaml:1:1: error: file is empty; a manifest needs at least one top-level key"])
    }

    @Test func tabsInIndentation() throws {
        let (result, _, prefix) = try loadFile(named: "tabs.yaml", bytes: Array("queues:\n\tSupport:\n\t\thoursOfOperation: Basic Hours\n".utf8))
        #expect(single(result, prefix: prefix) == ["tabs.yaml:2:1: error: tab character used for indentation; YAML allows only spaces"])
    }

    @Test func deepNestingIsRefused() throws {
        let text = "stack: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let (result, elapsed, prefix) = try loadFile(named: "deep.yaml", bytes: Array(text.utf8))
        #expect(elapsed < .seconds(1))
        #expect(single(result, prefix: prefix) == ["deep.yaml:1:108: error: brackets nested deeper than 100 levels are not supported"])
    }

    @Test func directoryWithoutManifests() throws {
        let dir = try TestSupport.write(["README.md": "nothing here", ".hidden/x.yaml": "stack: hidden\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = ManifestLoader.load(path: dir.path, processEnvironment: [:])
        #expect(result.diagnostics.map(\.description) == ["error: no manifest files (*.yaml, *.yml) found in \(dir.path)"])
        #expect(result.files.isEmpty)
    }

    @Test func symlinkLoopsAreReadOnce() throws {
        let dir = try TestSupport.write(["m.yaml": "stack: loop\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["a", "b", "c"] {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(name).path, withDestinationPath: dir.path)
        }
        let clock = ContinuousClock()
        var result: ManifestLoadResult!
        let elapsed = clock.measure { result = ManifestLoader.load(path: dir.path, processEnvironment: [:]) }
        #expect(elapsed < .seconds(1))
        #expect(result.files.map { String($0.dropFirst(dir.path.count + 1)) } == ["m.yaml"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func missingPath() {
        let result = ManifestLoader.load(path: "/nonexistent/patchbay/manifests", processEnvironment: [:])
        #expect(result.diagnostics.map(\.description) == ["error: no such file or directory: /nonexistent/patchbay/manifests"])
    }

    @Test func duplicateKeysAreAllReportedEvenInFlowAndNestedMappings() throws {
        let yaml = """
            queues:
              Support: { hoursOfOperation: Basic Hours, maxContacts: 5, maxContacts: 6 }
              Billing:
                hoursOfOperation: Basic Hours
                outboundCallerId:
                  name: A
                  name: B
            """
        let (result, _, prefix) = try loadFile(named: "dups.yaml", bytes: Array(yaml.utf8))
        #expect(single(result, prefix: prefix) == [
            "dups.yaml:2:61: error: duplicate key 'maxContacts'; the first is on line 2\n    dups.yaml:2:45: note: first 'maxContacts' is here",
            "dups.yaml:7:7: error: duplicate key 'name'; the first is on line 6\n    dups.yaml:6:7: note: first 'name' is here",
        ])
    }
}

@Suite struct LineEndingTests {
    @Test func crlfFilesReportTheRightLines() throws {
        let text = "queues:\r\n  Support:\r\n    hoursOfOperation: Basic Hours\r\n    maxContact: 5\r\n    hoursOfOperation: Basic Hours\r\n"
        let dir = try TestSupport.write(["crlf.yaml": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = ManifestLoader.load(path: dir.path, processEnvironment: [:])
        #expect(TestSupport.render(result.diagnostics, removing: dir.path + "/") == [
            "crlf.yaml:4:5: error: unknown key 'maxContact' in queue 'Support'; did you mean 'maxContacts'?",
            "crlf.yaml:5:5: error: duplicate key 'hoursOfOperation'; the first is on line 3\n    crlf.yaml:3:5: note: first 'hoursOfOperation' is here",
        ])
    }
}
