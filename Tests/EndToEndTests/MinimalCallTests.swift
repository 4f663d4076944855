import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5, "must show" 3: each field of each kind is updated with the minimal call(s), and
/// nothing else writes; a rename keeps the id.
@Suite struct MinimalCallTests {
    /// One edit of the manifests and the write operations apply must make for it (sorted).
    struct Step {
        var what: String
        var file: String
        var old: String
        var new: String
        var writes: [String]
    }

    static let steps: [Step] = [
        Step(what: "queue maxContacts", file: "patchbay.yaml", old: "maxContacts: 50", new: "maxContacts: 60",
             writes: ["UpdateQueueMaxContacts"]),
        Step(what: "queue description", file: "patchbay.yaml", old: "description: General support",
             new: "description: General support desk", writes: ["UpdateQueueName"]),
        Step(what: "queue status", file: "patchbay.yaml", old: "status: ENABLED", new: "status: DISABLED",
             writes: ["UpdateQueueStatus"]),
        Step(what: "queue hours", file: "patchbay.yaml", old: "hoursOfOperation: Weekend Hours",
             new: "hoursOfOperation: Business Hours", writes: ["UpdateQueueHoursOfOperation"]),
        Step(what: "queue outbound caller name", file: "patchbay.yaml", old: "name: Acme Support,", new: "name: Acme Help,",
             writes: ["UpdateQueueOutboundCallerConfig"]),
        Step(what: "hours schedule", file: "patchbay.yaml", old: #"saturday: "09:00-13:00""#, new: #"saturday: "09:00-14:00""#,
             writes: ["UpdateHoursOfOperation"]),
        Step(what: "hours time zone", file: "patchbay.yaml", old: "timeZone: Europe/London", new: "timeZone: Europe/Dublin",
             writes: ["UpdateHoursOfOperation"]),
        Step(what: "routing profile priority", file: "routing.yaml",
             old: "{ queue: Weekend, channels: [voice], priority: 2, delay: 30 }",
             new: "{ queue: Weekend, channels: [voice], priority: 3, delay: 30 }", writes: ["TagResource", "UpdateRoutingProfileQueues"]),
        Step(what: "routing profile delay", file: "routing.yaml",
             old: "{ queue: Support, channels: [voice], priority: 5, delay: 120 }",
             new: "{ queue: Support, channels: [voice], priority: 5, delay: 60 }", writes: ["TagResource", "UpdateRoutingProfileQueues"]),
        Step(what: "routing profile adds a channel", file: "routing.yaml",
             old: "{ queue: Support, channels: [voice], priority: 5, delay: 60 }",
             new: "{ queue: Support, channels: [voice, chat], priority: 5, delay: 60 }", writes: ["AssociateRoutingProfileQueues", "TagResource"]),
        Step(what: "routing profile drops a queue", file: "routing.yaml",
             old: "      - { queue: Weekend, channels: [voice], priority: 3, delay: 30 }\n", new: "",
             writes: ["DisassociateRoutingProfileQueues", "TagResource"]),
        Step(what: "routing profile concurrency", file: "routing.yaml", old: "concurrency: { voice: 1, chat: 3 }",
             new: "concurrency: { voice: 1, chat: 2 }", writes: ["TagResource", "UpdateRoutingProfileConcurrency"]),
        Step(what: "routing profile description", file: "routing.yaml", old: "description: Front line, voice and chat",
             new: "description: Front line", writes: ["TagResource", "UpdateRoutingProfileName"]),
        Step(what: "routing profile default outbound queue", file: "routing.yaml", old: "defaultOutboundQueue: Support",
             new: "defaultOutboundQueue: Weekend", writes: ["TagResource", "UpdateRoutingProfileDefaultOutboundQueue"]),
        Step(what: "security profile permissions", file: "routing.yaml",
             old: "permissions: [BasicAgentAccess, ListenCallRecordings, AccessMetrics]",
             new: "permissions: [BasicAgentAccess, AccessMetrics]", writes: ["TagResource", "UpdateSecurityProfile"]),
        Step(what: "security profile permissions, reordered only", file: "routing.yaml",
             old: "permissions: [BasicAgentAccess, AccessMetrics]", new: "permissions: [AccessMetrics, BasicAgentAccess]",
             writes: []),
        Step(what: "flow content", file: "flows/main-ivr.json", old: "Thanks for calling Acme support.",
             new: "Thank you for calling Acme support.", writes: ["UpdateContactFlowContent"]),
        Step(what: "flow content, whitespace only", file: "flows/main-ivr.json", old: #""StartAction": "greeting","#,
             new: "\"StartAction\":\n     \"greeting\",", writes: []),
        Step(what: "flow description", file: "routing.yaml", old: "description: Entry point for the support number",
             new: "description: Support number entry", writes: ["UpdateContactFlowName"]),
        Step(what: "user email", file: "people.yaml", old: "email: jane.doe@example.com", new: "email: jane@example.com",
             writes: ["TagResource", "UpdateUserIdentityInfo"]),
        Step(what: "user phone", file: "people.yaml", old: "afterContactWorkSeconds: 30", new: "afterContactWorkSeconds: 45",
             writes: ["TagResource", "UpdateUserPhoneConfig"]),
        Step(what: "user routing profile", file: "people.yaml",
             old: "routingProfile: Tier 1\n    securityProfiles: [Agent]\n    hierarchyGroup: Americas/Austin",
             new: "routingProfile: Billing Specialists\n    securityProfiles: [Agent]\n    hierarchyGroup: Americas/Austin",
             writes: ["TagResource", "UpdateUserRoutingProfile"]),
        Step(what: "user hierarchy group", file: "people.yaml", old: "hierarchyGroup: Americas/Austin",
             new: "hierarchyGroup: Europe/London", writes: ["TagResource", "UpdateUserHierarchy"]),
        Step(what: "user security profiles, reordered only", file: "people.yaml", old: "securityProfiles: [Agent, Supervisor]",
             new: "securityProfiles: [Supervisor, Agent]", writes: []),
        Step(what: "user security profiles", file: "people.yaml", old: "securityProfiles: [Supervisor, Agent]",
             new: "securityProfiles: [Supervisor]", writes: ["TagResource", "UpdateUserSecurityProfiles"]),
        // Removing an optional field goes back to Connect's default, with the same minimal call.
        Step(what: "queue maxContacts removed", file: "patchbay.yaml", old: "    maxContacts: 10\n", new: "",
             writes: ["UpdateQueueMaxContacts"]),
        Step(what: "queue description removed", file: "patchbay.yaml", old: "    description: Weekend overflow\n", new: "",
             writes: ["UpdateQueueName"]),
        Step(what: "hours description removed", file: "patchbay.yaml", old: "    description: Reduced weekend cover\n", new: "",
             writes: ["UpdateHoursOfOperation"]),
        Step(what: "user hierarchy group removed", file: "people.yaml", old: "    hierarchyGroup: Americas/New York\n", new: "",
             writes: ["TagResource", "UpdateUserHierarchy"]),
        Step(what: "user phone removed", file: "people.yaml",
             old: "    phone: { type: SOFT_PHONE, autoAccept: false, afterContactWorkSeconds: 45 }\n", new: "",
             writes: ["TagResource", "UpdateUserPhoneConfig"]),
        Step(what: "queue outbound caller removed", file: "patchbay.yaml",
             old: "    outboundCallerId: { name: Acme Help, flow: Default outbound }   # number: an E.164 number claimed in the instance\n", new: "",
             writes: ["UpdateQueueOutboundCallerConfig"]),
        Step(what: "user email removed", file: "people.yaml", old: "    email: jane@example.com\n", new: "",
             writes: ["TagResource", "UpdateUserIdentityInfo"]),
    ]

    // Every write to a user, routing profile or security profile ends with its fingerprint tag
    // stamped with the time of the write (TagResource): the verified read trusts the fingerprint
    // only while nothing modified the resource after that stamp, so a write without it would make
    // every later plan read the resource one by one.
    @Test func eachFieldUsesTheMinimalCall() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let first = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")

            for step in Self.steps {
                try edit(manifests.appendingPathComponent(step.file), step.old, step.new)
                let mark = try emu.requests().count
                let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
                #expect(apply.exitCode == 0, "\(step.what): \(apply)")
                #expect(try emu.writes(since: mark) == step.writes, "\(step.what)")
                let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
                #expect(plan.exitCode == 0, "\(step.what) did not converge: \(plan)")
            }
        }
    }

    @Test func stackTagChangeUsesOnlyTagResource() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let first = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")

            try edit(manifests.appendingPathComponent("patchbay.yaml"), #"cost-center: "42""#, #"cost-center: "43""#)
            var mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            // 2 hours, 3 queues, 2 quick connects, 1 prompt, 2 routing profiles, 1 flow, 1 security profile,
            // 5 groups, 5 users, 1 agent status (the Lambda association has no tags).
            #expect(try emu.writes(since: mark) == Array(repeating: "TagResource", count: 23))

            try edit(manifests.appendingPathComponent("patchbay.yaml"), #"tags: { cost-center: "43", team: support }"#,
                     #"tags: { cost-center: "43" }"#)
            mark = try emu.requests().count
            let untag = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(untag.exitCode == 0, "\(untag)")
            // … and the 9 fingerprinted ones (2 routing profiles, 1 security profile, 5 users, the prompt's
            // audio tag) re-stamp their fingerprint after the UntagResource (it may bump LastModifiedTime).
            #expect(try emu.writes(since: mark) == Array(repeating: "TagResource", count: 9) + Array(repeating: "UntagResource", count: 23))
            let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            #expect(s.queue("Support")?.Tags == ["patchbay:stack": "acme-quickstart", "cost-center": "43"])
        }
    }

    @Test func renameKeepsTheId() async throws {
        try await withEmulator { emu in
            let dir = try TempDir()
            let manifests = try dir.copy(Paths.quickstart, as: "quickstart")
            let first = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            try #require(first.exitCode == 0, "\(first)")
            let before = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)

            let main = manifests.appendingPathComponent("patchbay.yaml"), routing = manifests.appendingPathComponent("routing.yaml")
            try edit(main, "  Weekend:\n    hoursOfOperation: Weekend Hours",
                     "  Weekend Overflow:\n    renamedFrom: [Weekend]\n    hoursOfOperation: Weekend Hours")
            try edit(routing, "{ queue: Weekend, channels", "{ queue: Weekend Overflow, channels")
            try edit(main, "  Weekend Hours:\n", "  Saturday and Sunday:\n    renamedFrom: Weekend Hours\n")
            try edit(main, "hoursOfOperation: Weekend Hours", "hoursOfOperation: Saturday and Sunday")
            // Created in the same run, referring to a renamed resource by its new name.
            try edit(main, "queues:\n", "queues:\n  Late Shift:\n    hoursOfOperation: Saturday and Sunday\n")
            try edit(routing, "  Tier 1:\n", "  Front Line:\n    renamedFrom: [Tier 0, Tier 1]\n")
            try edit(manifests.appendingPathComponent("people.yaml"), "routingProfile: Tier 1", "routingProfile: Front Line")
            try edit(manifests.appendingPathComponent("people.yaml"), "routingProfile: Tier 1", "routingProfile: Front Line")
            try edit(routing, "  Main IVR:\n", "  Support IVR:\n    renamedFrom: [Main IVR]\n")

            let json = try await patchbay(["plan", manifests.path, "--format", "json"] + emu.connectionArguments)
            #expect(json.exitCode == 0, "\(json)")
            let doc = try PlanJSON.parse(json.stdout)
            #expect(doc.changes.map { "\($0.action) \($0.address)" }.sorted() == [
                "create queue.Late Shift", "rename flow.Support IVR", "rename hours.Saturday and Sunday",
                "rename queue.Weekend Overflow", "rename routingProfile.Front Line",
            ])

            let mark = try emu.requests().count
            let apply = try await patchbay(["apply", manifests.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            // The profile's queue fingerprint names the renamed queue, so it is rewritten (TagResource).
            #expect(try emu.writes(since: mark) == ["CreateQueue", "TagResource", "UpdateContactFlowName", "UpdateHoursOfOperation",
                                                    "UpdateQueueName", "UpdateRoutingProfileName"])
            let after = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            #expect(after.queue("Weekend Overflow")?.QueueId == before.queue("Weekend")?.QueueId)
            #expect(after.queue("Weekend") == nil)
            #expect(after.hours("Saturday and Sunday")?.HoursOfOperationId == before.hours("Weekend Hours")?.HoursOfOperationId)
            #expect(after.routingProfile("Front Line")?.RoutingProfileId == before.routingProfile("Tier 1")?.RoutingProfileId)
            #expect(after.flow("Support IVR")?.Id == before.flow("Main IVR")?.Id)
            #expect(after.queue("Weekend Overflow")?.Description == "Weekend overflow")
            #expect(after.queue("Late Shift")?.HoursOfOperationId == before.hours("Weekend Hours")?.HoursOfOperationId)
            let plan = try await patchbay(["plan", manifests.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
        }
    }
}
