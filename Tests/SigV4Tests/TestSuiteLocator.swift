import Foundation

/// Finds `../shared` relative to the package root (derived from `#filePath`), or
/// `/work/shared`, for tests that read the shared fixtures.
enum SharedFixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SigV4Tests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    static let sigV4Suite: URL? = {
        // PATCHBAY_SIGV4_SUITE overrides the search (e.g. to check the skip path).
        if let override = ProcessInfo.processInfo.environment["PATCHBAY_SIGV4_SUITE"] {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("get-vanilla").path) ? url : nil
        }
        let candidates = [
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/sigv4-test-suite"),
            URL(fileURLWithPath: "/work/shared/sigv4-test-suite"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("get-vanilla").path) }
    }()

    static let skipMessage = "SigV4 test suite not found at ../shared/sigv4-test-suite (relative to the package root) or /work/shared/sigv4-test-suite — vector tests skipped"

    /// Every vector directory (one holding `<name>.req`), relative to the suite root, sorted.
    static let vectorNames: [String] = {
        guard let root = sigV4Suite,
              let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var names: [String] = []
        for case let url as URL in walker where url.pathExtension == "req" {
            let dir = url.deletingLastPathComponent()
            let relative = String(dir.path.dropFirst(root.path.count + 1))
            names.append(relative)
        }
        return names.sorted()
    }()
}

/// One vector: the raw request and the expected outputs.
struct SigV4Vector {
    var name: String
    var method: String
    var path: String
    var query: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: Data
    var creq: String
    var sts: String
    var authz: String

    init(relativePath: String, root: URL) throws {
        let dir = root.appendingPathComponent(relativePath)
        let base = dir.lastPathComponent
        func read(_ ext: String) throws -> String {
            try String(contentsOf: dir.appendingPathComponent("\(base).\(ext)"), encoding: .utf8)
        }
        name = relativePath
        creq = try read("creq")
        sts = try read("sts")
        authz = try read("authz")
        let raw = try read("req")
        // Split head and body at the first empty line.
        var lines = raw.components(separatedBy: "\n")
        var bodyLines: [String] = []
        if let blank = lines.firstIndex(of: "") {
            bodyLines = Array(lines[(blank + 1)...])
            lines = Array(lines[..<blank])
        }
        body = Data(bodyLines.joined(separator: "\n").utf8)
        let requestLine = lines.removeFirst()
        // "GET /path?query HTTP/1.1" — the path may hold spaces ("/example space/").
        var target = requestLine
        method = String(target.prefix { $0 != " " })
        target = String(target.dropFirst(method.count + 1))
        if let http = target.range(of: " HTTP/", options: .backwards) { target = String(target[..<http.lowerBound]) }
        if let q = target.firstIndex(of: "?") {
            path = String(target[..<q])
            query = target[target.index(after: q)...].split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                let value = parts.count > 1 ? String(parts[1]) : ""
                return (name: name.removingPercentEncoding ?? name, value: value.removingPercentEncoding ?? value)
            }
        } else {
            path = target
            query = []
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line  // obsolete line folding
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
        }
        self.headers = headers
    }
}
