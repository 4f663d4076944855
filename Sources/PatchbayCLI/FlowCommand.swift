import ArgumentParser
import Foundation
import Model
import Reconciler

/// `patchbay flow …`: helpers for flow content files.
struct FlowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Helpers for contact flow content files.",
        subcommands: [FlowImportCommand.self])
}

/// `patchbay flow import FILE --name NAME`: turn exported flow JSON (ARNs inside) into a
/// portable file with `${queue:NAME}`-style references.
struct FlowImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make an exported flow portable: replace ARNs with ${kind:NAME} references.",
        discussion: """
            Reads the instance the flow's ARNs belong to (--instance-id or --emulator) and replaces \
            every ARN of a queue, hours of operation, flow, flow module, routing profile, security \
            profile, user or hierarchy group it finds there with a reference such as \
            ${queue:Support}, which plan resolves to the ARN in whichever instance it targets. ARNs \
            it cannot resolve (prompts, Lambda functions, Lex bots, resources of another instance) \
            are left as written and listed, so you can fix them by hand. Writes the portable JSON to \
            --out (or stdout) and prints, on stderr, the entry to add to your manifests for the flow.
            """)

    @Argument(help: "Flow content exported from Amazon Connect (Flow language JSON).")
    var file: String

    @Option(help: "The flow's name in the manifests.")
    var name: String

    @Option(help: "Write the portable flow here instead of stdout.")
    var out: String?

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        try await PlanPipeline.reportingErrors {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw CLIError("cannot read \(file): \(error.localizedDescription)")
            }
            guard let data = text.data(using: .utf8), (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
                throw CLIError("\(file) is not a JSON object (Flow language content is)")
            }
            let session = try await ConnectSession.open(connection, manifest: nil)
            let live: LiveState
            do {
                live = try await LiveStateReader(reader: session.client, instanceId: session.instanceId).read(needed: [])
                await session.close()
            } catch {
                await session.close()
                throw error
            }
            let result = FlowImport.makePortable(text, arns: live.addressesByARN)
            if let out {
                try result.text.write(toFile: out, atomically: true, encoding: .utf8)
            } else {
                Terminal.write(result.text.hasSuffix("\n") ? result.text : result.text + "\n")
            }
            var report = "Replaced \(result.replaced.count) ARN\(result.replaced.count == 1 ? "" : "s") with references"
            report += result.replaced.isEmpty ? ".\n" : ": " + result.replaced.map(\.description).joined(separator: ", ") + ".\n"
            if !result.unresolved.isEmpty {
                report += "Could not resolve \(result.unresolved.count) ARN\(result.unresolved.count == 1 ? "" : "s") in instance \(session.instanceId); left as written:\n"
                for arn in result.unresolved { report += "  \(arn)\n" }
            }
            if !result.integrations.isEmpty {
                report += "Kept \(result.integrations.count) Lambda / Lex ARN\(result.integrations.count == 1 ? "" : "s") as written (integrations are named by ARN; list them under 'integrations:'):\n"
                for arn in result.integrations { report += "  \(arn)\n" }
            }
            let type = live[ResourceAddress(.flow, name)]?.fields["type"].flatMap { if case let .string(s) = $0 { s } else { nil } }
            report += "\nManifest entry:\n\nflows:\n  \(name):\n    type: \(type ?? "CONTACT_FLOW   # check: the flow type")\n    content: \(out ?? "PATH/TO/FILE.json")\n"
            Terminal.writeError(report)
        }
    }
}

/// The pure part of `flow import`.
enum FlowImport {
    struct Result {
        var text: String
        var replaced: [ResourceAddress]
        var unresolved: [String]
        /// Lambda function and Lex bot alias ARNs: kept, since `integrations:` names them by ARN.
        var integrations: [String] = []
    }

    static func makePortable(_ text: String, arns: [String: ResourceAddress]) -> Result {
        let found = arnsIn(text)
        var replaced: [ResourceAddress] = []
        var unresolved: [String] = [], integrations: [String] = []
        for arn in found {
            if let address = arns[arn] {
                replaced.append(address)
            } else if arn.split(separator: ":").dropFirst(2).first.map({ $0 == "lambda" || $0 == "lex" }) == true {
                integrations.append(arn)
            } else {
                unresolved.append(arn)
            }
        }
        let portable = FlowContentCanonicalizer.unresolve(text, arns: arns.filter { found.contains($0.key) })
        return Result(text: portable, replaced: Array(Set(replaced)).sorted(), unresolved: unresolved.sorted(),
                      integrations: integrations.sorted())
    }

    /// Every distinct ARN in the text.
    static func arnsIn(_ text: String) -> Set<String> {
        guard let regex = try? NSRegularExpression(pattern: #"arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:[^"\s\\,}\]]+"#) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }
}
