import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #15 item 6: Ctrl-C half-way through an apply of 200 users stops new changes, lets the
/// calls in flight finish, and ends with exit 1 and a report whose "done" list is exactly what
/// the instance holds, as boto3 lists it.
@Suite struct InterruptTests {
    /// The instance's usernames as boto3 (an independent client) lists them.
    static func usernamesWithBoto3(_ emu: TestEmulator) throws -> Set<String> {
        let script = """
            import boto3, sys
            c = boto3.client("connect", endpoint_url=sys.argv[1], region_name="us-east-1",
                             aws_access_key_id="test", aws_secret_access_key="test")
            for page in c.get_paginator("list_users").paginate(InstanceId=sys.argv[2]):
                for u in page["UserSummaryList"]:
                    print(u["Username"])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, emu.url.absoluteString, emu.instanceId]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "boto3 ListUsers failed")
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    @Test(.timeLimit(.minutes(3)))
    func interruptReportsWhatWasDone() async throws {
        let emu = try await TestEmulator(latencyMs: 15)
        let dir = try TempDir()
        let users = (1...200).map { String(format: "agent%03d", $0) }
        let yaml = "stack: interrupt\nusers:\n" + users.map {
            "  \($0):\n    firstName: A\n    lastName: B\n    routingProfile: Basic Routing Profile\n    securityProfiles: [Agent]\n"
        }.joined()
        try yaml.write(to: dir.url.appendingPathComponent("users.yaml"), atomically: true, encoding: .utf8)

        let errURL = dir.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = Paths.binary
        process.arguments = ["apply", dir.url.path, "--auto-approve", "--parallelism", "4"] + emu.connectionArguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && $0.key != "GITHUB_ACTIONS" }
        env["AWS_ACCESS_KEY_ID"] = "test"
        env["AWS_SECRET_ACCESS_KEY"] = "test"
        env["AWS_CONFIG_FILE"] = "/nonexistent/config"
        env["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials"
        env["AWS_EC2_METADATA_DISABLED"] = "true"
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()

        // Interrupt once 20 users are done.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !((try? String(contentsOf: errURL, encoding: .utf8)) ?? "").contains("[ 20/200]") {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        process.interrupt()
        while process.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""

        #expect(process.terminationStatus == 1, "\(stderr.suffix(2000))")
        #expect(stderr.contains("Interrupted: no new changes start"), "\(stderr.suffix(2000))")
        #expect(stderr.contains("Apply interrupted."), "\(stderr.suffix(2000))")
        let done = Set(stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  done:    user.") else { return nil }
            return line.dropFirst("  done:    user.".count).split(separator: " ").first.map(String.init)
        })
        let inInstance = try Self.usernamesWithBoto3(emu).subtracting(["admin"])
        print("interrupt: \(done.count) of 200 users done, \(inInstance.count) in the instance")
        #expect(done.count >= 20 && done.count < 200, "\(done.count) done")
        #expect(done == inInstance, "done but missing: \(done.subtracting(inInstance)); present but not reported: \(inInstance.subtracting(done))")
        #expect(stderr.contains("blocked by the interrupt") || done.count < 200)
        await emu.stop()
    }
}
