import Foundation
import SigV4

/// `credential_process` in a profile: runs the command (through `/bin/sh -c`, as the AWS
/// CLI splits it with shell rules) and reads its stdout, the AWS CLI's format:
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": ISO8601}`.
/// A non-zero exit is an error carrying the command's stderr. Run again on every refresh.
enum ProcessCredentials {
    static func run(_ command: String, profile: String, environment: [String: String]) async throws -> AWSCredentials {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw AWSTransportError(.credentials, "profile '\(profile)': credential_process cannot be started: \(error.localizedDescription)")
        }
        // Read both pipes to the end before waiting, so a chatty process cannot block on a full pipe.
        async let stdout = Task.detached { out.fileHandleForReading.readDataToEndOfFile() }.value
        async let stderr = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }.value
        let (output, errors) = await (stdout, stderr)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw AWSTransportError(.credentials, "profile '\(profile)': credential_process exited with status \(process.terminationStatus)"
                                    + (message.isEmpty ? "" : ": \(message)"))
        }
        return try parse(output, profile: profile)
    }

    static func parse(_ output: Data, profile: String) throws -> AWSCredentials {
        guard let json = (try? JSONSerialization.jsonObject(with: output)) as? [String: Any] else {
            throw AWSTransportError(.credentials, "profile '\(profile)': credential_process did not print a JSON object")
        }
        guard (json["Version"] as? Int) == 1 else {
            throw AWSTransportError(.credentials, "profile '\(profile)': credential_process output has Version \(json["Version"].map { "\($0)" } ?? "missing"); only 1 is supported")
        }
        guard let ak = json["AccessKeyId"] as? String, !ak.isEmpty, let sk = json["SecretAccessKey"] as? String, !sk.isEmpty else {
            throw AWSTransportError(.credentials, "profile '\(profile)': credential_process output has no AccessKeyId/SecretAccessKey")
        }
        var expiration: Date?
        if let text = json["Expiration"] as? String {
            guard let date = ISO8601.parse(text) else {
                throw AWSTransportError(.credentials, "profile '\(profile)': credential_process Expiration '\(text)' is not an ISO 8601 time")
            }
            expiration = date
        }
        let token = (json["SessionToken"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(credentials: SigV4Credentials(accessKeyId: ak, secretAccessKey: sk, sessionToken: token),
                              expiration: expiration, source: "profile \(profile) (credential_process)")
    }
}
