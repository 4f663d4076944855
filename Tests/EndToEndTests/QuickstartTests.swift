import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// Issue #5, "must show" 1: apply the quickstart on a fresh instance, plan shows no changes,
/// and the instance read back through the client holds exactly what the manifests say.
@Suite struct QuickstartTests {
    @Test func applyThenPlanShowsNoChangesAndInstanceMatchesManifests() async throws {
        try await withEmulator { emu in
            let apply = try await patchbay(["apply", Paths.quickstart.path, "--auto-approve"] + emu.connectionArguments)
            #expect(apply.exitCode == 0, "\(apply)")
            #expect(apply.stderr.contains("Apply complete!"), "\(apply)")

            let mark = try emu.requests().count
            let plan = try await patchbay(["plan", Paths.quickstart.path, "--detailed-exitcode"] + emu.connectionArguments)
            #expect(plan.exitCode == 0, "\(plan)")
            #expect(plan.stdout.contains("No changes"), "\(plan)")
            // The plan states how many calls reading took: exactly the requests the emulator saw.
            let reads = try emu.requests(since: mark)
            #expect(reads.allSatisfy { !$0.isWrite })
            let stated = plan.stdout.firstMatch(of: /Read the live state in (\d+) API call/).map { Int($0.1) }
            #expect(stated == reads.count, "\(plan.stdout)")

            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            let client = emu.client, id = emu.instanceId
            let baseTags = ["patchbay:stack": "acme-quickstart", "cost-center": "42", "team": "support"]

            // Hours of operation.
            func slots(_ h: HoursOfOperation?) -> [String] {
                (h?.Config ?? []).map {
                    String(format: "%@ %02d:%02d-%02d:%02d", $0.Day.rawValue, $0.StartTime.Hours, $0.StartTime.Minutes,
                           $0.EndTime.Hours, $0.EndTime.Minutes)
                }.sorted()
            }
            let business = try #require(s.hours("Business Hours"))
            #expect(business.TimeZone == "America/New_York")
            #expect(business.Description == "Weekday support")
            #expect(slots(business) == ["FRIDAY 08:00-12:00", "FRIDAY 13:00-17:00", "MONDAY 08:00-18:00",
                                        "THURSDAY 08:00-18:00", "TUESDAY 08:00-18:00", "WEDNESDAY 08:00-18:00"])
            #expect(business.Tags == baseTags)
            let weekend = try #require(s.hours("Weekend Hours"))
            #expect(weekend.TimeZone == "Europe/London")
            #expect(slots(weekend) == ["SATURDAY 09:00-13:00", "SUNDAY 10:00-12:00"])
            #expect(weekend.Tags == baseTags)

            // Queues.
            let support = try #require(s.queue("Support")), billing = try #require(s.queue("Billing"))
            let weekendQ = try #require(s.queue("Weekend"))
            #expect(support.HoursOfOperationId == business.HoursOfOperationId)
            #expect(support.Description == "General support")
            #expect(support.MaxContacts == 50)
            #expect(support.Status?.rawValue == "ENABLED")
            #expect(support.OutboundCallerConfig?.OutboundCallerIdName == "Acme Support")
            #expect(support.OutboundCallerConfig?.OutboundFlowId == s.flow("Default outbound")?.Id)
            #expect(support.OutboundCallerConfig?.OutboundFlowId != nil)
            #expect(support.Tags == baseTags)
            #expect(billing.HoursOfOperationId == business.HoursOfOperationId)
            #expect(billing.Description == "Invoices and payments")
            #expect(billing.MaxContacts == nil || billing.MaxContacts == 0)
            #expect(billing.Status?.rawValue == "ENABLED")
            #expect(billing.Tags == baseTags)
            #expect(weekendQ.HoursOfOperationId == weekend.HoursOfOperationId)
            #expect(weekendQ.MaxContacts == 10)
            #expect(weekendQ.Tags == baseTags)

            // Routing profiles: concurrency, default outbound queue, queue configs.
            func configs(_ rp: RoutingProfile?) async throws -> [String] {
                guard let rpId = rp?.RoutingProfileId else { return [] }
                return try await client.pages(ListRequest<Listings.RoutingProfileQueues>(instanceId: id, parentId: rpId)).items.collect()
                    .map { "\($0.QueueName) \($0.Channel.rawValue) p\($0.Priority) d\($0.Delay)" }.sorted()
            }
            func concurrency(_ rp: RoutingProfile?) -> [String] {
                (rp?.MediaConcurrencies ?? []).filter { $0.Concurrency > 0 }.map { "\($0.Channel.rawValue)=\($0.Concurrency)" }.sorted()
            }
            let tier1 = try #require(s.routingProfile("Tier 1"))
            #expect(tier1.Description == "Front line, voice and chat")
            #expect(tier1.DefaultOutboundQueueId == support.QueueId)
            #expect(concurrency(tier1) == ["CHAT=3", "VOICE=1"])
            #expect(try await configs(tier1) == ["Support CHAT p1 d0", "Support VOICE p1 d0", "Weekend VOICE p2 d30"])
            #expect(withoutFingerprints(tier1.Tags) == baseTags)
            #expect(tier1.Tags?["patchbay:queues"]?.split(separator: "@").first?.count == 16)
            let specialists = try #require(s.routingProfile("Billing Specialists"))
            #expect(specialists.DefaultOutboundQueueId == billing.QueueId)
            #expect(concurrency(specialists) == ["CHAT=2", "TASK=5", "VOICE=1"])
            #expect(try await configs(specialists) == ["Billing CHAT p1 d0", "Billing TASK p1 d0", "Billing VOICE p1 d0",
                                                       "Support VOICE p5 d120"])
            #expect(withoutFingerprints(specialists.Tags) == baseTags)
            #expect(specialists.Tags?["patchbay:queues"]?.split(separator: "@").first?.count == 16)

            // Security profile and its permissions.
            let supervisor = try #require(s.securityProfile("Supervisor"))
            #expect(supervisor.Description == "Team leads")
            #expect(withoutFingerprints(supervisor.Tags) == baseTags)
            #expect(supervisor.Tags?["patchbay:permissions"]?.split(separator: "@").first?.count == 16)
            let permissions = try await client.pages(ListRequest<Listings.SecurityProfilePermissions>(instanceId: id, parentId: supervisor.Id!))
                .items.collect()
            #expect(permissions.sorted() == ["AccessMetrics", "BasicAgentAccess", "ListenCallRecordings"])

            // Hierarchy: levels and groups.
            let structure = try await client.describe(HierarchyStructure.self, instanceId: id)
            #expect(structure.LevelOne?.Name == "Region")
            #expect(structure.LevelTwo?.Name == "Site")
            #expect(structure.LevelThree == nil)
            #expect(Set(s.groups.compactMap(\.Name)) == ["Americas", "Europe", "New York", "Austin", "London"])
            let newYork = try #require(s.group("New York")), austin = try #require(s.group("Austin"))
            let london = try #require(s.group("London"))
            #expect(newYork.HierarchyPath?.LevelOne?.Name == "Americas")
            #expect(london.HierarchyPath?.LevelOne?.Name == "Europe")
            #expect(newYork.LevelId == "2")  // Connect numbers levels "1"…"5" here

            // Users.
            let agent = try #require(s.securityProfile("Agent")), admin = try #require(s.securityProfile("Admin"))
            let basic = try #require(s.routingProfile("Basic Routing Profile"))
            struct Expected { var first, last, email: String; var rp: String?; var sps: [String?]; var group: String? }
            let expected: [String: Expected] = [
                "jdoe": Expected(first: "Jane", last: "Doe", email: "jane.doe@example.com", rp: tier1.RoutingProfileId,
                                 sps: [agent.Id], group: newYork.Id),
                "asmith": Expected(first: "Alex", last: "Smith", email: "alex.smith@example.com", rp: tier1.RoutingProfileId,
                                   sps: [agent.Id], group: austin.Id),
                "bnguyen": Expected(first: "Bao", last: "Nguyen", email: "bao.nguyen@example.com",
                                    rp: specialists.RoutingProfileId, sps: [agent.Id], group: london.Id),
                "cjones": Expected(first: "Casey", last: "Jones", email: "casey.jones@example.com",
                                   rp: specialists.RoutingProfileId, sps: [agent.Id, supervisor.Id], group: newYork.Id),
                "admin.ops": Expected(first: "Ops", last: "Admin", email: "ops@example.com", rp: basic.RoutingProfileId,
                                      sps: [admin.Id], group: nil),
            ]
            for (username, e) in expected {
                let summary = try #require(s.user(username), "user \(username)")
                let user = try await client.describe(User.self, instanceId: id, id: summary.Id!)
                #expect(user.IdentityInfo?.FirstName == e.first, "\(username)")
                #expect(user.IdentityInfo?.LastName == e.last, "\(username)")
                #expect(user.IdentityInfo?.Email == e.email, "\(username)")
                #expect(user.RoutingProfileId == e.rp, "\(username)")
                #expect(Set(user.SecurityProfileIds ?? []) == Set(e.sps.compactMap { $0 }), "\(username)")
                #expect(user.HierarchyGroupId == e.group, "\(username)")
                #expect(withoutFingerprints(user.Tags) == baseTags, "\(username)")
                #expect(user.Tags?["patchbay:identity"]?.split(separator: "@").first?.count == 16, "\(username)")
            }
            let jdoe = try await client.describe(User.self, instanceId: id, id: s.user("jdoe")!.Id!)
            #expect(jdoe.PhoneConfig?.PhoneType?.rawValue == "SOFT_PHONE")
            #expect(jdoe.PhoneConfig?.AutoAccept == false)
            #expect(jdoe.PhoneConfig?.AfterContactWorkTimeLimit == 30)
            let bao = try await client.describe(User.self, instanceId: id, id: s.user("bnguyen")!.Id!)
            #expect(bao.PhoneConfig?.PhoneType?.rawValue == "DESK_PHONE")
            #expect(bao.PhoneConfig?.DeskPhoneNumber == "+442071234567")
            #expect(bao.PhoneConfig?.AutoAccept == true)

            // The flow: published, content with ARNs where the manifest had ${queue:…}/${hours:…}.
            let ivrSummary = try #require(s.flow("Main IVR"))
            let ivr = try await client.describe(ContactFlow.self, instanceId: id, id: ivrSummary.Id!)
            #expect(ivr.Type?.rawValue == "CONTACT_FLOW")
            #expect(ivr.Description == "Entry point for the support number")
            #expect(ivr.Status?.rawValue == "PUBLISHED")
            #expect(ivr.Tags == baseTags)
            let content = try #require(ivr.Content)
            #expect(!content.contains("${"), "unresolved reference in \(content)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any])
            let actions = try #require(json["Actions"] as? [[String: Any]])
            func parameter(_ action: String, _ key: String) -> String? {
                (actions.first { $0["Identifier"] as? String == action }?["Parameters"] as? [String: Any])?[key] as? String
            }
            #expect(parameter("set-queue", "QueueId") == support.QueueArn)
            #expect(support.QueueArn?.hasPrefix("arn:aws:connect:us-east-1:") == true)
            #expect(parameter("check-hours", "HoursOfOperationId") == business.HoursOfOperationArn)
            #expect(parameter("greeting", "Text") == "Thanks for calling Acme support.")

            // Nothing extra: only the declared resources plus Connect's defaults, each once.
            #expect(s.nameCounts.values.allSatisfy { $0 == 1 }, "\(s.nameCounts.filter { $0.value > 1 })")
            #expect(Set(s.queues.compactMap(\.Name)) == ["BasicQueue", "Support", "Billing", "Weekend"])
            #expect(Set(s.routingProfiles.compactMap(\.Name)) == ["Basic Routing Profile", "Tier 1", "Billing Specialists"])
            #expect(Set(s.users.compactMap(\.Username)) == ["admin", "jdoe", "asmith", "bnguyen", "cjones", "admin.ops"])
        }
    }
}

/// Tags without Patchbay's fingerprint tags (patchbay:identity, :queues, :permissions), which
/// record what was written, and when, for the verified read, and are checked separately.
func withoutFingerprints(_ tags: [String: String]?) -> [String: String]? {
    tags?.filter { !["patchbay:identity", "patchbay:queues", "patchbay:permissions"].contains($0.key) }
}
