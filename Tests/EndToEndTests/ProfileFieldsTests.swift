import ConnectAPI
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #11, items 3 and 4, end to end on the emulator: a routing profile's manual assignment
/// queues and cross-channel behaviour, and a security profile's access-control fields and
/// applications, apply into an empty instance with exactly the planned calls and converge; the
/// per-resource reads are made only where the manifests declare the fields; a change made to
/// each by hand (boto3, an independent client) is reported (exit 2, the field) and repaired with
/// the minimal calls; export writes them back so that export → plan shows no changes.
@Suite struct ProfileFieldsTests {
    static let manifest = """
        stack: profiles
        userHierarchy:
          levels: [Region, Site]
          groups: { Americas: { New York: {} } }
        queues:
          Support: { hoursOfOperation: Basic Hours }
        routingProfiles:
          Tier 1:
            description: Front line
            defaultOutboundQueue: Support
            concurrency: { voice: 1, chat: { max: 3, crossChannel: ROUTE_ANY_CHANNEL }, task: 5 }
            queues:
              - { queue: Support, channels: [voice, chat], priority: 1, delay: 0 }
            manualAssignmentQueues:
              - { queue: Support, channels: [chat, task] }
          Tier 2:
            description: Second line
            defaultOutboundQueue: BasicQueue
            concurrency: { voice: 1, chat: 2 }
        securityProfiles:
          Regional Leads:
            permissions: [BasicAgentAccess, AccessMetrics]
            allowedAccessControlTags: { region: emea }
            tagRestrictedResources: [User, SecurityProfile]
            hierarchyRestrictedResources: [User]
            allowedAccessControlHierarchyGroup: Americas/New York
            applications:
              - { namespace: acme.crm, applicationPermissions: [ACCESS] }
              - { namespace: acme.tools, type: MCP, applicationPermissions: [lookup_order, refund] }
          Plain:
            permissions: [BasicAgentAccess]

        """

    /// What boto3 reads of the new fields, one line each, sorted.
    static let readBack = """
        def rid(name):
            return [s["Id"] for p in c.get_paginator("list_routing_profiles").paginate(InstanceId=iid)
                    for s in p["RoutingProfileSummaryList"] if s["Name"] == name][0]
        def sid(name):
            return [s["Id"] for p in c.get_paginator("list_security_profiles").paginate(InstanceId=iid)
                    for s in p["SecurityProfileSummaryList"] if s["Name"] == name][0]
        out = []
        for name in ["Tier 1", "Tier 2"]:
            r = c.describe_routing_profile(InstanceId=iid, RoutingProfileId=rid(name))["RoutingProfile"]
            for m in r["MediaConcurrencies"]:
                out.append(name + " " + m["Channel"] + "=" + str(m["Concurrency"]) + "/" + m["CrossChannelBehavior"]["BehaviorType"])
            for q in c.list_routing_profile_manual_assignment_queues(InstanceId=iid, RoutingProfileId=rid(name))["RoutingProfileManualAssignmentQueueConfigSummaryList"]:
                out.append(name + " manual " + q["QueueName"] + "/" + q["Channel"])
        groups = {g["Id"]: g["Name"] for g in c.list_user_hierarchy_groups(InstanceId=iid)["UserHierarchyGroupSummaryList"]}
        p = c.describe_security_profile(InstanceId=iid, SecurityProfileId=sid("Regional Leads"))["SecurityProfile"]
        out.append("tags " + json.dumps(p.get("AllowedAccessControlTags"), sort_keys=True))
        out.append("tagRestricted " + ",".join(sorted(p.get("TagRestrictedResources", []))))
        out.append("hierarchyRestricted " + ",".join(sorted(p.get("HierarchyRestrictedResources", []))))
        out.append("group " + groups.get(p.get("AllowedAccessControlHierarchyGroupId"), "-"))
        for a in c.list_security_profile_applications(InstanceId=iid, SecurityProfileId=sid("Regional Leads"))["Applications"]:
            out.append("app " + a["Namespace"] + " " + a.get("Type", "-") + " " + ",".join(sorted(a["ApplicationPermissions"])))
        print("\\n".join(sorted(out)))
        """

    static let applied = [
        "Tier 1 CHAT=3/ROUTE_ANY_CHANNEL", "Tier 1 TASK=5/ROUTE_CURRENT_CHANNEL_ONLY", "Tier 1 VOICE=1/ROUTE_CURRENT_CHANNEL_ONLY",
        "Tier 1 manual Support/CHAT", "Tier 1 manual Support/TASK",
        "Tier 2 CHAT=2/ROUTE_CURRENT_CHANNEL_ONLY", "Tier 2 VOICE=1/ROUTE_CURRENT_CHANNEL_ONLY",
        "app acme.crm THIRD_PARTY_APPLICATION ACCESS", "app acme.tools MCP lookup_order,refund",
        "group New York", "hierarchyRestricted User", "tagRestricted SecurityProfile,User", "tags {\"region\": \"emea\"}",
    ].sorted()

    /// By hand: one change to each new field.
    static let drift = """
        def rid(name):
            return [s["Id"] for p in c.get_paginator("list_routing_profiles").paginate(InstanceId=iid)
                    for s in p["RoutingProfileSummaryList"] if s["Name"] == name][0]
        def sid(name):
            return [s["Id"] for p in c.get_paginator("list_security_profiles").paginate(InstanceId=iid)
                    for s in p["SecurityProfileSummaryList"] if s["Name"] == name][0]
        qid = [q["Id"] for q in c.list_queues(InstanceId=iid, QueueTypes=["STANDARD"])["QueueSummaryList"] if q["Name"] == "Support"][0]
        c.update_routing_profile_concurrency(InstanceId=iid, RoutingProfileId=rid("Tier 1"), MediaConcurrencies=[
            {"Channel": "VOICE", "Concurrency": 1}, {"Channel": "CHAT", "Concurrency": 3,
             "CrossChannelBehavior": {"BehaviorType": "ROUTE_CURRENT_CHANNEL_ONLY"}}, {"Channel": "TASK", "Concurrency": 5}])
        c.disassociate_routing_profile_queues(InstanceId=iid, RoutingProfileId=rid("Tier 1"),
            ManualAssignmentQueueReferences=[{"QueueId": qid, "Channel": "TASK"}])
        americas = [g["Id"] for g in c.list_user_hierarchy_groups(InstanceId=iid)["UserHierarchyGroupSummaryList"] if g["Name"] == "Americas"][0]
        c.update_security_profile(InstanceId=iid, SecurityProfileId=sid("Regional Leads"),
            AllowedAccessControlTags={"region": "apac"}, TagRestrictedResources=["User"], HierarchyRestrictedResources=[],
            AllowedAccessControlHierarchyGroupId=americas,
            Applications=[{"Namespace": "acme.crm", "ApplicationPermissions": ["ACCESS"], "Type": "THIRD_PARTY_APPLICATION"}])
        """

    @Test func applyConvergeDriftRepairAndExport() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = dir.url.appendingPathComponent("profiles")
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            let main = manifests.appendingPathComponent("patchbay.yaml")
            try Self.manifest.write(to: main, atomically: true, encoding: .utf8)

            let creates = try await PlanIsApplyTests().planThenApply(manifests, emu)
            #expect(creates.filter { $0 == "CreateRoutingProfile" }.count == 2, "\(creates)")
            #expect(creates.filter { $0 == "CreateSecurityProfile" }.count == 2, "\(creates)")
            #expect(!creates.contains("AssociateRoutingProfileQueues"), "10 or fewer manual queues go with the create: \(creates)")
            #expect(try await SkillsRoutingTests.boto3(emu, Self.readBack) == Self.applied.joined(separator: "\n"))

            // No change: the reads the new fields need, only for the profiles that declare them.
            var mark = try emu.requests().count
            let clean = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(clean.exitCode == 0 && clean.stdout.contains("No changes"), "\(clean)")
            let reads = try emu.requests(since: mark).map(\.operation)
            // Tier 1 declares a cross-channel behaviour (Search lacks it): one DescribeRoutingProfile; Tier 2
            // declares none. Tier 1's manual queues are vouched for by its queues' fingerprint tag.
            #expect(reads.filter { $0 == "DescribeRoutingProfile" }.count == 1, "\(reads)")
            #expect(reads.filter { ["ListRoutingProfileManualAssignmentQueues", "ListRoutingProfileQueues"].contains($0) }.isEmpty, "\(reads)")
            // The security profiles' fingerprint tags vouch for what Patchbay wrote: no per-profile read.
            #expect(reads.filter { ["DescribeSecurityProfile", "ListSecurityProfileApplications", "ListSecurityProfilePermissions"].contains($0) }.isEmpty,
                    "\(reads)")

            // More than the verified read's margin after Patchbay's last write (its documented blind spot).
            try await Task.sleep(nanoseconds: 2_100_000_000)
            _ = try await SkillsRoutingTests.boto3(emu, Self.drift)
            let drift = try await patchbay(["plan", manifests.path, "--format", "json", "--detailed-exitcode"] + emu.connectionArguments)
            #expect(drift.exitCode == 2, "\(drift)")
            let doc = try PlanJSON.parse(drift.stdout)
            #expect(doc.changes.map(\.address).sorted() == ["routingProfile.Tier 1", "securityProfile.Regional Leads"], "\(doc.changes.map(\.address))")
            #expect(doc.change("routingProfile.Tier 1")?.paths.sorted() == ["crossChannel.chat", "manualAssignmentQueues.Support"])
            // Plus the TagResource every write to a fingerprinted kind ends with: it re-stamps the fingerprint's write time.
            let tierCalls = ["AssociateRoutingProfileQueues", "TagResource", "UpdateRoutingProfileConcurrency"]
            #expect(doc.change("routingProfile.Tier 1")?.calls?.sorted() == tierCalls)
            #expect(doc.change("securityProfile.Regional Leads")?.paths.sorted() == [
                "allowedAccessControlHierarchyGroup", "allowedAccessControlTags.region", "applications[\"acme.tools\"]",
                "hierarchyRestrictedResources", "tagRestrictedResources",
            ], "\(String(describing: doc.change("securityProfile.Regional Leads")?.paths))")
            let profileCalls = doc.change("securityProfile.Regional Leads")?.calls ?? []
            #expect(profileCalls.sorted() == ["TagResource", "UpdateSecurityProfile"], "\(profileCalls)")
            mark = try emu.requests().count
            let repair = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(repair.exitCode == 0, "\(repair)")
            let repairs = try emu.writes(since: mark)
            #expect(repairs == (tierCalls + profileCalls).sorted(), "\(repairs)")
            #expect(try await SkillsRoutingTests.boto3(emu, Self.readBack) == Self.applied.joined(separator: "\n"))
            let after = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(after.exitCode == 0, "\(after)")

            // Minimal calls: a cross-channel behaviour back to the default is one UpdateRoutingProfileConcurrency.
            try edit(main, "chat: { max: 3, crossChannel: ROUTE_ANY_CHANNEL }", "chat: { max: 3, crossChannel: ROUTE_CURRENT_CHANNEL_ONLY }")
            #expect(try await PlanIsApplyTests().planThenApply(manifests, emu) == ["TagResource", "UpdateRoutingProfileConcurrency"])
            try edit(main, "chat: { max: 3, crossChannel: ROUTE_CURRENT_CHANNEL_ONLY }", "chat: { max: 3, crossChannel: ROUTE_ANY_CHANNEL }")
            #expect(try await PlanIsApplyTests().planThenApply(manifests, emu) == ["TagResource", "UpdateRoutingProfileConcurrency"])

            // Export writes every field back: export → plan shows no change for these profiles.
            let exported = dir.url.appendingPathComponent("exported")
            let export = try await patchbay(["export", "--out", exported.path, "--stack", "profiles",
                                             "--only", "userHierarchy,queues,routingProfiles,securityProfiles"] + emu.connectionArguments)
            #expect(export.exitCode == 0, "\(export)")
            let routing = try String(contentsOf: exported.appendingPathComponent("routing-profiles.yaml"), encoding: .utf8)
            #expect(routing.contains("crossChannel: ROUTE_ANY_CHANNEL") && routing.contains("manualAssignmentQueues"), "\(routing)")
            #expect(!routing.contains("ROUTE_CURRENT_CHANNEL_ONLY"), "Connect's default is left out: \(routing)")
            let security = try String(contentsOf: exported.appendingPathComponent("security-profiles.yaml"), encoding: .utf8)
            for key in ["allowedAccessControlTags", "tagRestrictedResources", "hierarchyRestrictedResources",
                        "allowedAccessControlHierarchyGroup: Americas/New York", "applications", "type: MCP"] {
                #expect(security.contains(key), "\(key) in \(security)")
            }
            let roundTrip = try await patchbay(["plan", exported.path, "--format", "json"] + emu.connectionArguments)
            #expect(roundTrip.exitCode == 0, "\(roundTrip)")
            let changes = try PlanJSON.parse(roundTrip.stdout).changes.filter { $0.action != "adopt" }
            #expect(changes.filter { $0.address.hasPrefix("routingProfile.Tier") || $0.address.hasPrefix("securityProfile.") }.isEmpty,
                    "\(changes.map(\.address))")
        }
    }
}
