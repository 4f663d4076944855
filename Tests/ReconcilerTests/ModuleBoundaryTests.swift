import Foundation
import Testing

/// The Reconciler never touches HTTP: its target does not depend on AWSClient (the compiler
/// enforces that), and no file of it imports anything beyond these modules.
@Suite("Module boundary")
struct ReconcilerModuleBoundaryTests {
    static let allowed: Set<String> = ["Foundation", "Crypto", "Synchronization", "Model", "ConnectAPI"]

    @Test("Sources/Reconciler imports only Foundation, Crypto, Synchronization, Model and ConnectAPI")
    func reconcilerImports() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Reconciler")
        let imports = try importedModules(under: root)
        #expect(imports.count > 20, "expected the Reconciler's files, found \(imports.count)")
        for (file, modules) in imports {
            for module in modules where !Self.allowed.contains(module) {
                Issue.record("\(file) imports \(module)")
            }
        }
    }
}

/// The modules each `.swift` file below `root` imports (`import X`, `@testable import X`,
/// `import struct X.Y`, `@_exported import X`), keyed by path relative to `root`.
func importedModules(under root: URL) throws -> [String: Set<String>] {
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
    var out: [String: Set<String>] = [:]
    for case let url as URL in walker where url.pathExtension == "swift" {
        var modules: Set<String> = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            guard words.first == "import", let target = words.last, words.count <= 3 else { continue }
            modules.insert(String(target.split(separator: ".").first ?? target))
        }
        out[String(url.path.dropFirst(root.path.count + 1))] = modules
    }
    return out
}
