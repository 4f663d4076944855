import Foundation
import Testing
@testable import ConnectEmulator

@Suite("Emulator state: kind table, indexes, journal")
struct EmulatorStateTests {
    static func resource(_ id: String, _ name: String, attrs: [String: JSONValue] = [:]) -> StoredResource {
        StoredResource(id: id, arn: "arn:aws:connect:us-east-1:1:instance/i/agent/\(id)", name: name, attrs: attrs, created: 0, modified: 0)
    }

    @Test("every kind has a handler and a wire row; the registry serves exactly the routed operations")
    func registry() {
        for kind in ResourceKind.allCases {
            #expect(KindRegistry.byKind[kind] != nil, "\(kind)")
            #expect(KindWire.table[kind] != nil, "\(kind)")
        }
        #expect(Set(KindRegistry.operations.keys) == Set(Router.operations))
        #expect(Set(ResourceKind.allCases.map(\.arnSegment)).count == ResourceKind.allCases.count)
    }

    @Test("a table keeps (name, id) order and its name index through renames and removals")
    func table() {
        var t = ResourceTable()
        t.put(Self.resource("3", "b"))
        t.put(Self.resource("1", "c"))
        t.put(Self.resource("2", "a"))
        t.put(Self.resource("0", "b"))
        #expect(t.sorted.map(\.id) == ["2", "0", "3", "1"])
        t.put(Self.resource("1", "a"))  // rename c → a
        #expect(t.sorted.map(\.id) == ["1", "2", "0", "3"])
        #expect(t.named("c").isEmpty && Set(t.named("a").map(\.id)) == ["1", "2"])
        t.remove("2")
        #expect(t.sorted.map(\.id) == ["1", "0", "3"] && t.count == 3 && t.named("a").map(\.id) == ["1"])
    }

    @Test("the reference index follows writes, and a rolled-back operation leaves tables and index as they were")
    func referencesAndRollback() {
        var s = InstanceState(instanceId: "i", instanceArn: "arn:aws:connect:us-east-1:1:instance/i", instanceAlias: "a",
                              region: "us-east-1", accountId: "1", createdTime: 0, tokenSecret: "s")
        let rp = ResourceRef(kind: .routingProfile, id: "rp1")
        s.put(.user, Self.resource("u1", "alice", attrs: ["RoutingProfileId": "rp1"]))
        s.put(.user, Self.resource("u2", "bob", attrs: ["RoutingProfileId": "rp1"]))
        #expect(s.referrers(of: rp, kind: .user) == ["u1", "u2"])
        s.begin()
        s.put(.user, Self.resource("u1", "alice2", attrs: ["RoutingProfileId": "rp2"]))
        s.remove(.user, "u2")
        s.put(.user, Self.resource("u3", "carol", attrs: ["RoutingProfileId": "rp1"]))
        #expect(s.referrers(of: rp, kind: .user) == ["u3"])
        s.rollback()
        #expect(s.referrers(of: rp, kind: .user) == ["u1", "u2"])
        #expect(s.referrers(of: ResourceRef(kind: .routingProfile, id: "rp2"), kind: .user).isEmpty)
        #expect(s.all(.user).map(\.name) == ["alice", "bob"])
        #expect(s.byName(.user, "alice2").isEmpty && s.get(.user, "u3") == nil)
    }

    @Test("ARNs are found through their segment, agent queues included")
    func findByArn() {
        let service = ConnectService(configuration: EmulatorConfiguration(), state: nil, random: EmulatorRandom(seed: 1))
        let s = service.snapshot()
        for kind in ResourceKind.allCases {
            for r in s.all(kind) {
                #expect(s.find(arn: r.arn)?.1.id == r.id, "\(kind) \(r.arn)")
                #expect(s.find(arn: r.arn)?.0 == kind)
            }
        }
        #expect(s.find(arn: "arn:aws:connect:us-east-1:1:instance/other/queue/x") == nil)
    }

    @Test("the state file keeps its version-1 layout and loads back with the same indexes")
    func persistedLayout() throws {
        let service = ConnectService(configuration: EmulatorConfiguration(), state: nil, random: EmulatorRandom(seed: 2))
        let s = service.snapshot()
        let json = StateFile.json(s)
        #expect(json["version"]?.intValue == 1)
        #expect(json["instance"]?["resources"]?["user"]?.objectValue?.count == 1)
        let decoded = try JSONDecoder().decode(StateFile.self, from: json.serialized()).instance
        for kind in ResourceKind.allCases { #expect(decoded.all(kind).map(\.id) == s.all(kind).map(\.id)) }
        let rp = try #require(decoded.all(.routingProfile).first)
        #expect(decoded.referrers(of: ResourceRef(kind: .routingProfile, id: rp.id), kind: .user).count == 1)
    }
}
