import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #11 (skills-based routing), end to end on the emulator: predefined attributes (values
/// diffed as a set), users' proficiencies and the routing-profile fields apply into an empty
/// instance with exactly the planned calls, converge, a change made by hand to each (through
/// boto3, an independent client) is reported (exit 2, its address and field) and repaired with
/// the minimal calls, and export writes them back so that export → plan shows no changes.
@Suite struct SkillsRoutingTests {
    static let manifest = """
        stack: skills
        predefinedAttributes:
          Language:   [English, Spanish, French]
          Technology: [Billing System, Mobile App]

        """

    /// Runs `script` (Python, boto3 client `c`, instance id `iid`) against the emulator; its stdout.
    /// The wait happens off the concurrency pool, which the in-process emulator needs to answer.
    static func boto3(_ emu: TestEmulator, _ script: String) async throws -> String {
        let prologue = """
            import boto3, json, sys
            c = boto3.client("connect", endpoint_url=sys.argv[1], region_name="us-east-1",
                             aws_access_key_id="test", aws_secret_access_key="test")
            iid = sys.argv[2]

            """
        let arguments = ["python3", "-c", prologue + script, emu.url.absoluteString, emu.instanceId]
        let (status, output, errors) = try await withCheckedThrowingContinuation { (done: CheckedContinuation<(Int32, String, String), Error>) in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                let out = Pipe(), err = Pipe()
                process.standardOutput = out
                process.standardError = err
                do { try process.run() } catch { done.resume(throwing: error); return }
                let data = out.fileHandleForReading.readDataToEndOfFile()
                let errorData = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                done.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self),
                                        String(decoding: errorData, as: UTF8.self)))
            }
        }
        #expect(status == 0, "boto3 failed: \(errors)")
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every predefined attribute with its values, sorted, as boto3 reads them (`Name=a,b`).
    static func attributes(_ emu: TestEmulator) async throws -> [String] {
        try await boto3(emu, """
            for page in c.get_paginator("list_predefined_attributes").paginate(InstanceId=iid):
                for s in page["PredefinedAttributeSummaryList"]:
                    a = c.describe_predefined_attribute(InstanceId=iid, Name=s["Name"])["PredefinedAttribute"]
                    print(a["Name"] + "=" + ",".join(sorted(a["Values"]["StringList"])))
            """).split(separator: "\n").map(String.init).sorted()
    }

    @Test func predefinedAttributesApplyConvergeDriftRepairPruneAndExport() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = dir.url.appendingPathComponent("skills")
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try Self.manifest.write(to: main, atomically: true, encoding: .utf8)

            let creates = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(creates == ["CreatePredefinedAttribute", "CreatePredefinedAttribute"])
            #expect(try await Self.attributes(emu) == ["Language=English,French,Spanish", "Technology=Billing System,Mobile App"])
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")

            // The same values in another order are no change (a set); a value replaced by hand is.
            try edit(main, "[English, Spanish, French]", "[French, English, Spanish]")
            let reordered = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(reordered.exitCode == 0, "\(reordered)")
            _ = try await Self.boto3(emu, """
                c.update_predefined_attribute(InstanceId=iid, Name="Language", Values={"StringList": ["English", "German"]})
                """)
            let drift = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let doc = try PlanJSON.parse(drift.stdout)
            #expect(doc.changes.map(\.address) == ["predefinedAttribute.Language"])
            #expect(doc.change("predefinedAttribute.Language")?.paths == ["values"])
            #expect(doc.change("predefinedAttribute.Language")?.calls == ["UpdatePredefinedAttribute"])
            var mark = try emu.requests().count
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            #expect(try emu.writes(since: mark) == ["UpdatePredefinedAttribute"])
            #expect(try await Self.attributes(emu).first == "Language=English,French,Spanish")

            // Export writes them back as the manifest spells them: export → plan shows no changes.
            let exported = dir.url.appendingPathComponent("exported")
            let export = try await patchbay(["export", "--out", exported.path, "--stack", "skills", "--only", "predefinedAttributes"] + emu.connectionArguments)
            #expect(export.exitCode == 0, "\(export)")
            let text = try String(contentsOf: exported.appendingPathComponent("predefined-attributes.yaml"), encoding: .utf8)
            #expect(text.contains("Technology: [Billing System, Mobile App]") || text.contains("- Billing System"), "\(text)")
            let roundTrip = try await patchbay(["plan", exported.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(roundTrip.exitCode == 0, "\(roundTrip)")

            // They carry no tags (Connect has none for them): a plain plan keeps an undeclared one,
            // --prune deletes it with one call.
            try edit(main, "  Technology: [Billing System, Mobile App]\n", "")
            let kept = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(kept.exitCode == 0, "\(kept)")
            let pruned = try await PlanIsApplyTests().planThenApply(manifests, emu, prune: true)
            #expect(pruned == ["DeletePredefinedAttribute"])
            #expect(try await Self.attributes(emu) == ["Language=English,French,Spanish"])
            mark = try emu.requests().count
            let after = try await patchbay(["plan", manifests.path, "--prune", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")
            #expect(try emu.writes(since: mark).isEmpty)
        }
    }
    static let users = """
        users:
          jdoe:
            firstName: Jane
            lastName: Doe
            routingProfile: Basic Routing Profile
            securityProfiles: [Agent]
            proficiencies: { Language: { English: 5, Spanish: 3 }, Technology: { Mobile App: 2 } }
          plain:
            firstName: Plain
            lastName: User
            routingProfile: Basic Routing Profile
            securityProfiles: [Agent]

        """

    /// A user's proficiencies as boto3 lists them (`Attribute/Value=level`), sorted.
    static func proficiencies(_ emu: TestEmulator, _ username: String) async throws -> [String] {
        try await boto3(emu, """
            uid = [u["Id"] for p in c.get_paginator("list_users").paginate(InstanceId=iid)
                   for u in p["UserSummaryList"] if u["Username"] == "\(username)"][0]
            for p in c.list_user_proficiencies(InstanceId=iid, UserId=uid)["UserProficiencyList"]:
                print(p["AttributeName"] + "/" + p["AttributeValue"] + "=" + str(int(p["Level"])))
            """).split(separator: "\n").map(String.init).sorted()
    }

    @Test func proficienciesApplyConvergeDriftRepairMinimalCallsAndExport() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = dir.url.appendingPathComponent("skills")
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try (Self.manifest + Self.users).write(to: main, atomically: true, encoding: .utf8)

            let creates = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(creates.filter { $0 == "AssociateUserProficiencies" }.count == 1, "\(creates)")
            #expect(creates.filter { $0 == "CreateUser" }.count == 2)
            #expect(try await Self.proficiencies(emu, "jdoe") == ["Language/English=5", "Language/Spanish=3", "Technology/Mobile App=2"])

            // No change: one ListUserProficiencies, for the one user whose proficiencies are managed.
            var mark = try emu.requests().count
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")
            #expect(try emu.requests(since: mark).filter { $0.operation == "ListUserProficiencies" }.count == 1)

            // By hand (boto3): a level changed, one removed, one added.
            _ = try await Self.boto3(emu, """
                uid = [u["Id"] for p in c.get_paginator("list_users").paginate(InstanceId=iid)
                       for u in p["UserSummaryList"] if u["Username"] == "jdoe"][0]
                c.update_user_proficiencies(InstanceId=iid, UserId=uid,
                    UserProficiencies=[{"AttributeName": "Language", "AttributeValue": "Spanish", "Level": 4.0}])
                c.disassociate_user_proficiencies(InstanceId=iid, UserId=uid,
                    UserProficiencies=[{"AttributeName": "Technology", "AttributeValue": "Mobile App"}])
                c.associate_user_proficiencies(InstanceId=iid, UserId=uid,
                    UserProficiencies=[{"AttributeName": "Language", "AttributeValue": "French", "Level": 1.0}])
                """)
            let drift = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let doc = try PlanJSON.parse(drift.stdout)
            #expect(doc.changes.map(\.address) == ["user.jdoe"])
            #expect(doc.change("user.jdoe")?.paths.allSatisfy { $0.hasPrefix("proficiencies") } == true, "\(doc.changes)")
            // Plus the TagResource every write to a user ends with: it re-stamps the fingerprint's write time.
            let repairCalls = ["AssociateUserProficiencies", "DisassociateUserProficiencies", "TagResource", "UpdateUserProficiencies"]
            #expect(doc.change("user.jdoe")?.calls?.sorted() == repairCalls)
            mark = try emu.requests().count
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            #expect(try emu.writes(since: mark).sorted() == repairCalls)
            #expect(try await Self.proficiencies(emu, "jdoe") == ["Language/English=5", "Language/Spanish=3", "Technology/Mobile App=2"])

            // Minimal calls: one level changed in the manifest is one UpdateUserProficiencies.
            try edit(main, "Spanish: 3", "Spanish: 4")
            let changed = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(changed == ["TagResource", "UpdateUserProficiencies"])
            #expect(try await Self.proficiencies(emu, "jdoe").contains("Language/Spanish=4"))

            // Export writes them back: export → plan shows no change for them.
            let exported = dir.url.appendingPathComponent("exported")
            let export = try await patchbay(["export", "--out", exported.path, "--stack", "skills", "--only", "predefinedAttributes,users"]
                                            + emu.connectionArguments)
            #expect(export.exitCode == 0, "\(export)")
            let usersText = try String(contentsOf: exported.appendingPathComponent("users.yaml"), encoding: .utf8)
            #expect(usersText.contains("proficiencies"), "\(usersText)")
            let roundTrip = try await patchbay(["plan", exported.path, "--format", "json"] + emu.connectionArguments)
            #expect(roundTrip.exitCode == 0, "\(roundTrip)")
            let after = try PlanJSON.parse(roundTrip.stdout)
            #expect(after.changes.filter { $0.action != "adopt" }.isEmpty, "\(after.changes.map(\.address))")
            #expect(after.change("user.jdoe") == nil && after.change("user.plain") == nil)
        }
    }
    @Test func agentAvailabilityTimerApplyConvergeDriftRepair() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = dir.url.appendingPathComponent("skills")
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            try """
                stack: skills
                routingProfiles:
                  Tier 1:
                    description: Front line
                    defaultOutboundQueue: BasicQueue
                    concurrency: { voice: 1 }
                    agentAvailabilityTimer: TIME_SINCE_LAST_INBOUND
                  Tier 2:
                    description: Second line
                    defaultOutboundQueue: BasicQueue
                    concurrency: { voice: 1 }

                """.write(to: manifests.appendingPathComponent("patchbay.yaml"), atomically: true, encoding: .utf8)
            let creates = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(creates == ["CreateRoutingProfile", "CreateRoutingProfile"])
            let timers = """
                for p in c.get_paginator("list_routing_profiles").paginate(InstanceId=iid):
                    for s in p["RoutingProfileSummaryList"]:
                        if s["Name"].startswith("Tier"):
                            r = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=s["Id"])["RoutingProfile"]
                            print(r["Name"] + "=" + r["AgentAvailabilityTimer"])
                """
            #expect(try await Self.boto3(emu, timers) == "Tier 1=TIME_SINCE_LAST_INBOUND\nTier 2=TIME_SINCE_LAST_ACTIVITY")
            // No change: SearchRoutingProfiles lacks the timer, so one DescribeRoutingProfile, for Tier 1 only.
            var mark = try emu.requests().count
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")
            #expect(try emu.requests(since: mark).filter { $0.operation == "DescribeRoutingProfile" }.count == 1)

            _ = try await Self.boto3(emu, """
                rid = [s["Id"] for p in c.get_paginator("list_routing_profiles").paginate(InstanceId=iid)
                       for s in p["RoutingProfileSummaryList"] if s["Name"] == "Tier 1"][0]
                c.update_routing_profile_agent_availability_timer(InstanceId=iid, RoutingProfileId=rid,
                                                                  AgentAvailabilityTimer="TIME_SINCE_LAST_ACTIVITY")
                """)
            let drift = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let doc = try PlanJSON.parse(drift.stdout)
            #expect(doc.changes.map(\.address) == ["routingProfile.Tier 1"])
            #expect(doc.change("routingProfile.Tier 1")?.paths == ["agentAvailabilityTimer"])
            #expect(doc.change("routingProfile.Tier 1")?.calls?.contains("UpdateRoutingProfileAgentAvailabilityTimer") == true)
            mark = try emu.requests().count
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            #expect(try emu.writes(since: mark).contains("UpdateRoutingProfileAgentAvailabilityTimer"))
            #expect(try await Self.boto3(emu, timers) == "Tier 1=TIME_SINCE_LAST_INBOUND\nTier 2=TIME_SINCE_LAST_ACTIVITY")
            let after = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")

            // Export writes it back (Tier 1 only: Tier 2 is at Connect's default).
            let exported = dir.url.appendingPathComponent("exported")
            let export = try await patchbay(["export", "--out", exported.path, "--stack", "skills", "--only", "routingProfiles"]
                                            + emu.connectionArguments)
            #expect(export.exitCode == 0, "\(export)")
            let text = try String(contentsOf: exported.appendingPathComponent("routing-profiles.yaml"), encoding: .utf8)
            #expect(text.contains("agentAvailabilityTimer: TIME_SINCE_LAST_INBOUND"), "\(text)")
            #expect(!text.contains("TIME_SINCE_LAST_ACTIVITY"), "\(text)")
            let roundTrip = try await patchbay(["plan", exported.path, "--format", "json"] + emu.connectionArguments)
            #expect(roundTrip.exitCode == 0, "\(roundTrip)")
            #expect(try PlanJSON.parse(roundTrip.stdout).changes.filter { $0.address.hasPrefix("routingProfile.Tier") }.isEmpty)
        }
    }
}
