import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue 10 items 5–7 on the embedded emulator: numbers claimed with the client (as a user would
/// with the CLI or boto3), then a manifest with `phoneNumbers`, an E.164 `outboundCallerId` and
/// `integrations` applies, converges, and every change made by hand is reported and repaired.
/// Everything is checked with the client's own calls, not with Patchbay's reader.
@Suite struct PhoneNumberIntegrationTests {
    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup"
    static let bot = "arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/ALIASID123"

    static func call(_ emu: TestEmulator, _ operation: ConnectOperation, _ body: String) async throws -> [String: Any] {
        let data = try await emu.client.perform(operation, input: Data(body.utf8))
        return (data.isEmpty ? nil : try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// The quickstart with the two numbers, the E.164 caller id and the integrations, and a flow
    /// that invokes the Lambda function and the bot (so the associations must come first). The
    /// additions are `numbers.yaml` (returned): sections merge across files.
    static func manifests(_ dir: TempDir) throws -> (URL, URL) {
        let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
        let main = manifests.appendingPathComponent("patchbay.yaml")
        try edit(main, "outboundCallerId: { name: Acme Support, flow: Default outbound }",
                 #"outboundCallerId: { name: Acme Support, number: "+15550100", flow: Default outbound }"#)
        try ("""

            flows:
              Order Bot:
                type: CONTACT_FLOW
                content: flows/order-bot.json
                status: PUBLISHED
            phoneNumbers:
              "+15550100": { flow: Main IVR, description: Main line }
              "+15550101": { flow: Order Bot }
            integrations:
              lambdaFunctions: ["\(lambda)"]
              lexBots: ["\(bot)"]

            """).write(to: manifests.appendingPathComponent("numbers.yaml"), atomically: true, encoding: .utf8)
        try orderBot.write(to: manifests.appendingPathComponent("flows/order-bot.json"), atomically: true, encoding: .utf8)
        return (manifests, manifests.appendingPathComponent("numbers.yaml"))
    }

    static let orderBot = """
        {
          "Version": "2019-10-30",
          "StartAction": "lookup",
          "Actions": [
            { "Identifier": "lookup", "Type": "InvokeLambdaFunction",
              "Parameters": { "LambdaFunctionARN": "\(lambda)", "InvocationTimeLimitSeconds": "3" },
              "Transitions": { "NextAction": "bot", "Errors": [ { "NextAction": "bye", "ErrorType": "NoMatchingError" } ] } },
            { "Identifier": "bot", "Type": "ConnectParticipantWithLexBot",
              "Parameters": { "Text": "How can I help?", "LexV2Bot": { "AliasArn": "\(bot)" } },
              "Transitions": { "NextAction": "bye", "Errors": [ { "NextAction": "bye", "ErrorType": "NoMatchingError" } ] } },
            { "Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": {} }
          ]
        }
        """

    @Test func numbersCallerIdAndIntegrationsApplyConvergeAndRepairDrift() async throws {
        try await withEmulator { emu in
            let id = emu.instanceId
            let main100 = try await emu.claimPhoneNumber("+15550100"), line101 = try await emu.claimPhoneNumber("+15550101")
            let dir = try TempDir()
            let (manifests, _) = try Self.manifests(dir)
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")

            // Checked with the client: caller id number id, flow associations, descriptions, integrations.
            let snapshot = try await InstanceSnapshot.read(emu.client, instanceId: id)
            let support = try #require(snapshot.queue("Support")?.QueueId)
            let queue = try await Self.call(emu, .describeQueue, #"{"InstanceId":"\#(id)","QueueId":"\#(support)"}"#)
            let caller = (queue["Queue"] as? [String: Any])?["OutboundCallerConfig"] as? [String: Any]
            #expect(caller?["OutboundCallerIdNumberId"] as? String == main100.id)
            let associations = try await emu.client.pages(ListRequest<Listings.FlowAssociations>(instanceId: id, filter: "VOICE_PHONE_NUMBER")).collect()
            let flows = try await emu.client.pages(SearchRequest<ContactFlow>(instanceId: id)).collect()
            func flowArn(_ name: String) -> String? { flows.first { $0.Name == name }?.Arn }
            #expect(Set(associations.map { "\($0.ResourceId ?? "")=\($0.FlowId ?? "")" })
                == ["\(main100.arn)=\(flowArn("Main IVR") ?? "?")", "\(line101.arn)=\(flowArn("Order Bot") ?? "?")"])
            let described = try await Self.call(emu, .describePhoneNumber, #"{"PhoneNumberId":"\#(main100.id)"}"#)
            #expect((described["ClaimedPhoneNumberSummary"] as? [String: Any])?["PhoneNumberDescription"] as? String == "Main line")
            #expect(try await emu.client.pages(ListRequest<Listings.LambdaFunctions>(instanceId: id)).collect() == [Paths.quickstartLambda, Self.lambda].sorted())
            #expect(try await emu.client.pages(ListRequest<Listings.LexBots>(instanceId: id, filter: "V2")).collect()
                .map { $0.LexV2Bot?.AliasArn } == [Self.bot])
            let again = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(again.exitCode == 0, "\(again)")

            // By hand: every new kind of setting changed.
            _ = try await Self.call(emu, .associatePhoneNumberContactFlow,
                                    #"{"PhoneNumberId":"\#(line101.id)","InstanceId":"\#(id)","ContactFlowId":"\#(try #require(flowArn("Main IVR")))"}"#)
            _ = try await Self.call(emu, .updatePhoneNumberMetadata, #"{"PhoneNumberId":"\#(main100.id)","PhoneNumberDescription":"changed"}"#)
            _ = try await Self.call(emu, .updateQueueOutboundCallerConfig,
                                    #"{"InstanceId":"\#(id)","QueueId":"\#(support)","OutboundCallerConfig":{"OutboundCallerIdName":"Acme Support","OutboundCallerIdNumberId":"\#(line101.id)"}}"#)
            _ = try await Self.call(emu, .disassociateLambdaFunction, #"{"InstanceId":"\#(id)","FunctionArn":"\#(Self.lambda)"}"#)
            _ = try await Self.call(emu, .disassociateBot, #"{"InstanceId":"\#(id)","LexV2Bot":{"AliasArn":"\#(Self.bot)"}}"#)

            let drift = try await patchbay(["plan", manifests.path, "--detailed-exitcode", "--format", "json"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let plan = try PlanJSON.parse(drift.stdout)
            #expect(plan.change("phoneNumber.+15550101")?.paths == ["flow"])
            #expect(plan.change("phoneNumber.+15550100")?.paths == ["description"])
            #expect(plan.change("queue.Support")?.paths.contains("outboundCallerId.number") == true, "\(plan.changes.map(\.address))")
            #expect(plan.change("lambdaFunction.\(Self.lambda)")?.action == "create")
            #expect(plan.change("lexBot.\(Self.bot)")?.action == "create")

            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            let converged = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(converged.exitCode == 0, "\(converged)")
        }
    }

    /// A number the instance has not claimed is a plan error, located, for `phoneNumbers` and for
    /// `outboundCallerId`; Patchbay never claims it (no ClaimPhoneNumber in the request log).
    @Test func unknownNumberIsALocatedPlanError() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let (manifests, main) = try Self.manifests(dir)
            let mark = try emu.requests().count
            let plan = try await patchbay(["plan", manifests.path] + emu.connectionArguments)
            #expect(plan.exitCode == 1, "\(plan)")
            #expect(plan.stderr.contains("phone number '+15550101' is not claimed in instance \(emu.instanceId)"), "\(plan.stderr)")
            #expect(plan.stderr.contains("outboundCallerId.number '+15550100' is not claimed"), "\(plan.stderr)")
            let line = try #require(try String(contentsOf: main, encoding: .utf8).components(separatedBy: "\n")
                .firstIndex { $0.contains(#""+15550101": { flow: Order Bot }"#) }) + 1
            #expect(plan.stderr.contains("numbers.yaml:\(line):3: error: phone number '+15550101'"), "\(plan.stderr)")
            #expect(try emu.requests(since: mark).allSatisfy { !$0.operation.contains("Claim") })
        }
    }

    /// A flow that invokes a Lambda function neither associated nor declared is a plan error at
    /// the ARN's line and column in the content file.
    @Test func unassociatedLambdaIsAPlanErrorInTheContentFile() async throws {
        try await withEmulator { emu in
            _ = try await emu.claimPhoneNumber("+15550100")
            _ = try await emu.claimPhoneNumber("+15550101")
            let dir = try TempDir()
            let (manifests, main) = try Self.manifests(dir)
            try edit(main, "  lambdaFunctions: [\"\(Self.lambda)\"]\n", "")
            let plan = try await patchbay(["plan", manifests.path] + emu.connectionArguments)
            #expect(plan.exitCode == 1, "\(plan)")
            let line = try #require(Self.orderBot.components(separatedBy: "\n").firstIndex { $0.contains("LambdaFunctionARN") }) + 1
            let column = try #require(Self.orderBot.components(separatedBy: "\n")[line - 1].range(of: "\"arn:aws:lambda"))
            let col = Self.orderBot.components(separatedBy: "\n")[line - 1].distance(from: Self.orderBot.startIndex, to: column.lowerBound) + 1
            #expect(plan.stderr.contains("order-bot.json:\(line):\(col): error: flow 'Order Bot' invokes Lambda function '\(Self.lambda)', which is not associated with instance"),
                    "\(plan.stderr)")
        }
    }

    /// Instance-level lists belong to no stack: a plain apply only adds, and says what it keeps;
    /// `--prune` removes what the manifests do not declare.
    @Test func plainApplyNeverRemovesAnIntegrationPruneDoes() async throws {
        try await withEmulator { emu in
            let id = emu.instanceId
            let other = "arn:aws:lambda:us-east-1:123456789012:function:someone-elses"
            _ = try await Self.call(emu, .associateLambdaFunction, #"{"InstanceId":"\#(id)","FunctionArn":"\#(other)"}"#)
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            try "integrations:\n  lambdaFunctions: [\"\(Self.lambda)\"]\n"
                .write(to: manifests.appendingPathComponent("integrations.yaml"), atomically: true, encoding: .utf8)
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(apply.stdout.contains("1 instance-level association is not declared and will be kept") || apply.stderr.contains("1 instance-level association is not declared and will be kept"),
                    "\(apply)")
            #expect(Set(try await emu.client.pages(ListRequest<Listings.LambdaFunctions>(instanceId: id)).collect()) == [Self.lambda, other, Paths.quickstartLambda])
            let mark = try emu.requests().count
            let prune = try await patchbay(["apply", manifests.path, "--auto-approve", "--prune"] + emu.connectionArguments)
            #expect(prune.exitCode == 0, "\(prune)")
            #expect(try emu.writes(since: mark) == ["DisassociateLambdaFunction"])
            #expect(try await emu.client.pages(ListRequest<Listings.LambdaFunctions>(instanceId: id)).collect() == [Paths.quickstartLambda, Self.lambda].sorted())
        }
    }

    /// `flow import` turns prompt, quick-connect and phone-number ARNs into references and keeps
    /// Lambda ARNs as written; the imported content resolves again on apply.
    @Test func flowImportTurnsPromptQuickConnectAndNumberArnsIntoReferences() async throws {
        try await withEmulator { emu in
            let id = emu.instanceId
            let number = try await emu.claimPhoneNumber("+15550100")
            try await emu.putObject("s3://bucket/welcome.wav")
            let prompt = try await Self.call(emu, .createPrompt, #"{"InstanceId":"\#(id)","Name":"Welcome","S3Uri":"s3://bucket/welcome.wav"}"#)
            let quick = try await Self.call(emu, .createQuickConnect,
                                            #"{"InstanceId":"\#(id)","Name":"Front Desk","QuickConnectConfig":{"QuickConnectType":"PHONE_NUMBER","PhoneConfig":{"PhoneNumber":"+15550100"}}}"#)
            let promptArn = try #require(prompt["PromptARN"] as? String), quickArn = try #require(quick["QuickConnectARN"] as? String)
            let exported = """
                {"Version":"2019-10-30","StartAction":"a","Actions":[
                {"Identifier":"a","Type":"MessageParticipant","Parameters":{"PromptId":"\(promptArn)"},"Transitions":{"NextAction":"b"}},
                {"Identifier":"b","Type":"InvokeLambdaFunction","Parameters":{"LambdaFunctionARN":"\(Self.lambda)"},"Transitions":{"NextAction":"c"}},
                {"Identifier":"c","Type":"UpdateContactAttributes","Parameters":{"Attributes":{"QuickConnect":"\(quickArn)","Number":"\(number.arn)"}},"Transitions":{"NextAction":"d"}},
                {"Identifier":"d","Type":"DisconnectParticipant","Parameters":{}}]}
                """
            let dir = try TempDir()
            let file = dir.url.appendingPathComponent("exported.json")
            try exported.write(to: file, atomically: true, encoding: .utf8)
            let result = try await patchbay(["flow", "import", file.path, "--name", "Imported"] + emu.connectionArguments)
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stdout.contains(#""PromptId":"${prompt:Welcome}""#), "\(result.stdout)")
            #expect(result.stdout.contains(#""QuickConnect":"${quickConnect:Front Desk}""#), "\(result.stdout)")
            #expect(result.stdout.contains(#""Number":"${phoneNumber:+15550100}""#), "\(result.stdout)")
            #expect(result.stdout.contains(Self.lambda))
            #expect(result.stderr.contains("Kept 1 Lambda / Lex ARN as written"), "\(result.stderr)")
            #expect(!result.stderr.contains("Could not resolve"), "\(result.stderr)")

            // Declared with what it names, the imported content applies: the references are ARNs again.
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            try result.stdout.write(to: manifests.appendingPathComponent("flows/imported.json"), atomically: true, encoding: .utf8)
            try ("""
                flows:
                  Imported: { type: CONTACT_FLOW, content: flows/imported.json, status: PUBLISHED }
                prompts:
                  Welcome: { external: true }
                quickConnects:
                  Front Desk: { external: true }
                phoneNumbers:
                  "+15550100": { external: true }
                integrations:
                  lambdaFunctions: ["\(Self.lambda)"]

                """).write(to: manifests.appendingPathComponent("imported.yaml"), atomically: true, encoding: .utf8)
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            let flows = try await emu.client.pages(SearchRequest<ContactFlow>(instanceId: id)).collect()
            let imported = try #require(flows.first { $0.Name == "Imported" }?.Id)
            let described = try await Self.call(emu, .describeContactFlow, #"{"InstanceId":"\#(id)","ContactFlowId":"\#(imported)"}"#)
            let content = try #require((described["ContactFlow"] as? [String: Any])?["Content"] as? String)
            #expect(content.contains(promptArn) && content.contains(quickArn) && content.contains(number.arn), "\(content)")
            let again = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(again.exitCode == 0, "\(again)")
        }
    }
}
