import Foundation
import Testing

/// ConnectAPI holds values and protocols only: the HTTP-backed client lives in ConnectHTTP,
/// so a module that depends on ConnectAPI alone (the Reconciler) cannot reach HTTP.
@Suite("Module boundary")
struct ConnectAPIModuleBoundaryTests {
    @Test("Sources/ConnectAPI imports neither AWSClient nor any HTTP or NIO module")
    func connectAPIImports() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ConnectAPI")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            Issue.record("no Sources/ConnectAPI")
            return
        }
        var files = 0
        for case let url as URL in walker where url.pathExtension == "swift" {
            files += 1
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.first == "import", let target = words.last, words.count <= 3 else { continue }
                let module = String(target.split(separator: ".").first ?? target)
                let forbidden = ["AWSClient", "ConnectHTTP", "AsyncHTTPClient", "SigV4", "Logging"].contains(module)
                    || module.hasPrefix("NIO")
                #expect(!forbidden, "\(url.lastPathComponent) imports \(module)")
            }
        }
        #expect(files > 5)
    }
}
