import Foundation
import SigV4
import Testing

/// Signs Connect requests with botocore (scripts/oracle/sigv4_botocore.py) and with the
/// Swift signer, and compares canonical request, string to sign and Authorization.
@Suite("botocore oracle")
struct BotocoreOracleTests {
    static let script = SharedFixtures.packageRoot.appendingPathComponent("scripts/oracle/sigv4_botocore.py")

    /// nil when python3 with botocore is available, else why not.
    static let unavailableReason: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import botocore"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "python3 not runnable (\(error)) — botocore oracle test skipped"
        }
        return process.terminationStatus == 0 ? nil : "python3 cannot import botocore — botocore oracle test skipped"
    }()

    static func runOracle(_ cases: [ConnectSigningCase]) throws -> [[String: Any]] {
        let input = try JSONSerialization.data(withJSONObject: cases.map(\.oracleJSON))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(message: "oracle exited \(process.terminationStatus): \(String(decoding: errors, as: UTF8.self))")
        }
        return try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]])
    }

    struct OracleFailure: Error { var message: String }

    @Test("Swift signatures equal botocore's for Connect requests",
          .enabled(if: unavailableReason == nil, Comment(rawValue: unavailableReason ?? "")))
    func matchesBotocore() throws {
        let results = try Self.runOracle(ConnectSigningCase.all)
        #expect(results.count == ConnectSigningCase.all.count)
        for (c, oracle) in zip(ConnectSigningCase.all, results) {
            let signer = SigV4Signer(
                credentials: SigV4Credentials(accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey,
                                              sessionToken: c.sessionToken),
                region: c.region, service: "connect")
            let s = signer.sign(method: c.method, path: c.path, query: c.query, headers: c.headers,
                                body: Data(c.body.utf8), date: SigV4Signer.parseAmzDate(c.timestamp)!)
            #expect(s.canonicalRequest == oracle["canonicalRequest"] as? String, "\(c.name)")
            #expect(s.stringToSign == oracle["stringToSign"] as? String, "\(c.name)")
            #expect(s.authorization == oracle["authorization"] as? String, "\(c.name)")
            // The headers botocore added are the ones the signer returns to add.
            let oracleHeaders = (oracle["headers"] as? [[String]] ?? [])
                .filter { ["x-amz-date", "x-amz-security-token", "authorization"].contains($0[0].lowercased()) }
                .map { "\($0[0])=\($0[1])" }
            #expect(s.headersToAdd.map { "\($0.name)=\($0.value)" } == oracleHeaders, "\(c.name)")
        }
    }
}
