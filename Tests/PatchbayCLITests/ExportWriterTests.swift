import Foundation
import Model
import Testing
@testable import PatchbayCLI
@testable import Reconciler

/// `patchbay export`'s files for a live state made by hand: golden files (PATCHBAY_RECORD=1
/// rewrites them), key order from the manifest's key tables, quoting, defaults left out.
@Suite struct ExportWriterTests {
    static func live() -> LiveState {
        func r(_ kind: ResourceKind, _ name: String, _ fields: [String: FieldValue], tags: [String: String] = [:],
               isDefault: Bool = false) -> LiveResource {
            LiveResource(address: ResourceAddress(kind, name), id: "id-\(name)", arn: "arn-\(name)", tags: tags, fields: fields,
                         isDefault: isDefault)
        }
        return LiveState(resources: [
            r(.hoursOfOperation, "Basic Hours", ["timeZone": "UTC", "description": "", "schedule": .object([:])], isDefault: true),
            r(.hoursOfOperation, "Weekdays", ["timeZone": "America/New_York", "description": "Weekday support: 8 to 6",
                                              "schedule": .object(["tuesday": .list(["08:00-12:00", "13:00-18:00"]), "monday": .list(["08:00-18:00"])])],
              tags: ["cost-center": "42", "patchbay:stack": "acme"]),
            r(.queue, "Support", ["hoursOfOperation": "Weekdays", "description": "Uses ${var:x} literally", "maxContacts": 50,
                                  "status": "ENABLED", "quickConnects": .strings(["To Billing", "Front Desk"]),
                                  "outboundCallerId": .object(["name": "Acme", "number": .null, "flow": "Outbound Whisper"])]),
            r(.queue, "Partner", ["hoursOfOperation": "Basic Hours", "description": "", "maxContacts": .null, "status": "DISABLED",
                                  "outboundCallerId": .null], tags: ["patchbay:stack": "other"]),
            r(.quickConnect, "Front Desk", ["type": "PHONE_NUMBER", "description": "", "phoneNumber": "+15550100",
                                            "queue": .null, "user": .null, "flow": .null]),
            r(.routingProfile, "Tier 1", ["description": "Front line", "defaultOutboundQueue": "Support",
                                          "concurrency": .object(["chat": 3, "voice": 1]),
                                          "queues": .object(["Support": .object(["voice": .object(["priority": 1, "delay": 0]),
                                                                                 "chat": .object(["priority": 1, "delay": 0])]),
                                                             "Billing": .object(["voice": .object(["priority": 2, "delay": 30])])])]),
            r(.flow, "Main IVR", ["type": "CONTACT_FLOW", "description": "", "status": "PUBLISHED", "state": "ACTIVE",
                                  "content": #"{"Actions":[{"Identifier":"a","Parameters":{"QueueId":"${queue:Support}"},"Transitions":{},"Type":"DisconnectParticipant"}],"StartAction":"a","Version":"2019-10-30"}"#,
                                  "layout": #"{"entryPointPosition":{"x":40,"y":40}}"#]),
            r(.flow, "main ivr", ["type": "CONTACT_FLOW", "description": "", "status": "SAVED", "state": "ACTIVE",
                                  "content": #"{"Actions":[],"StartAction":"a","Version":"2019-10-30"}"#, "layout": ""]),
            r(.securityProfile, "Supervisor", ["description": "", "permissions": .strings(["ListenCallRecordings", "BasicAgentAccess"])]),
            r(.hierarchyGroup, "Americas", ["parent": .null]),
            r(.hierarchyGroup, "Americas/New York", ["parent": "Americas"]),
            r(.user, "jdoe", ["firstName": "Jane", "lastName": "Doe", "email": "jane.doe@example.com", "secondaryEmail": "",
                              "mobile": "+15550123", "routingProfile": "Tier 1", "securityProfiles": .strings(["Agent"]),
                              "hierarchyGroup": "Americas/New York",
                              "phone": .object(["type": "SOFT_PHONE", "autoAccept": false, "afterContactWorkSeconds": 30, "deskPhoneNumber": .null])]),
            r(.user, "yes", ["firstName": "", "lastName": "", "email": "", "secondaryEmail": "", "mobile": "",
                             "routingProfile": "Basic Routing Profile", "securityProfiles": .strings(["Admin"]), "hierarchyGroup": .null,
                             "phone": .object(["type": "SOFT_PHONE", "autoAccept": false, "afterContactWorkSeconds": 0, "deskPhoneNumber": .null])]),
        ], hierarchyLevels: ["Region", "Site"])
    }

    static func rendered(stack: String) -> String {
        let export = LiveExport.make(live(), stack: stack)
        var text = ""
        for name in export.manifests.keys.sorted() {
            guard let sections = export.manifests[name] else { continue }
            text += "==> \(name)\n" + ManifestWriter.file(header: ExportDirectory.header, sections: sections, comments: export.comments)
        }
        for file in export.files { text += "==> \(file.path)\n" + file.text }
        return text
    }

    @Test func filesOfAHandMadeLiveState() throws {
        try Golden.check(Self.rendered(stack: "acme"), named: "export.txt")
    }

    @Test func rerunIsByteIdentical() {
        #expect(Self.rendered(stack: "acme") == Self.rendered(stack: "acme"))
    }

    @Test func anotherStacksResourceIsExternalUnlessNamed() {
        let acme = LiveExport.make(Self.live(), stack: "acme"), other = LiveExport.make(Self.live(), stack: "other")
        let acmeQueues = acme.manifests["queues.yaml"]?["queues"], otherQueues = other.manifests["queues.yaml"]?["queues"]
        #expect(acmeQueues?.member("Partner") == .object(["external": true]))
        #expect(acmeQueues?.member("Support") != nil && acmeQueues?.member("Support") == otherQueues?.member("Support"))
        #expect(other.manifests["queues.yaml"]?["queues"]?.member("Partner")?.member("status") == "DISABLED")
        #expect(other.manifests["hours.yaml"]?["hoursOfOperation"]?.member("Weekdays")?.member("external") == true)
    }

    @Test func scalarsAreQuotedOnlyWhereNeeded() {
        #expect(ManifestWriter.scalar("Tier 1") == "Tier 1")
        #expect(ManifestWriter.scalar("jane.doe@example.com") == "jane.doe@example.com")
        for text in ["+15550100", "08:00-18:00", "yes", "NO", "null", "42", "a: b", "a #b", "", " lead", "trail ", "[x]", "-x", "@x",
                     "x, y", "it's \"q\"", "line\nbreak", "*alias", "!tag", "%x", "`x", "{x}"] {
            #expect(ManifestWriter.scalar(text).hasPrefix("\""), "\(text) must be quoted")
        }
        #expect(ManifestWriter.quoted("a\"b\\c\n") == #""a\"b\\c\n""#)
    }

    @Test func onlySelectsKindsByManifestKeyOrPrefix() throws {
        #expect(try ExportKinds.parse("queues, user") == [.queue, .user])
        #expect(try ExportKinds.parse("userHierarchy") == [.userHierarchy, .hierarchyGroup])
        #expect(throws: (any Error).self) { try ExportKinds.parse("queus") }
        #expect(LiveExport.manifestFiles(for: [.queue]) == ["queues.yaml"])
    }

    @Test func contentFilesAreReadBackFromAnExportedManifest() {
        let text = "flows:\n  A:\n    type: CONTACT_FLOW\n    content: flows/a.json\n  B:\n    content: \"flows/b #2.json\"\n"
        #expect(ExportDirectory.contentFiles(in: text) == ["flows/a.json", "flows/b #2.json"])
        #expect(ExportDirectory.isExported(ManifestWriter.file(header: ExportDirectory.header, sections: ["stack": "x"])))
        #expect(!ExportDirectory.isExported("stack: x\n"))
    }
}

extension FieldValue {
    func member(_ key: String) -> FieldValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }
}

extension ExportWriterTests {
    /// Tags on every resource are the stack's `tags:`, written once (hierarchy groups take no tags of their own).
    @Test func tagsEveryResourceCarriesAreTheTopLevelTags() {
        let tags = ["team": "support", "cost-center": "42"]
        let live = LiveState(resources: [
            LiveResource(address: ResourceAddress(.queue, "Q"), id: "1", arn: "a1", tags: tags.merging(["own": "x"]) { a, _ in a },
                         fields: ["hoursOfOperation": "Basic Hours"]),
            LiveResource(address: ResourceAddress(.hierarchyGroup, "G"), id: "2", arn: "a2", tags: tags, fields: ["parent": .null]),
            LiveResource(address: ResourceAddress(.queue, "Other"), id: "3", arn: "a3", tags: ["patchbay:stack": "else"], fields: [:]),
        ])
        let export = LiveExport.make(live, stack: "s")
        #expect(export.stackTags == tags, "the external queue does not count")
        #expect(export.manifests["queues.yaml"]?["queues"]?.member("Q")?.member("tags") == .object(["own": "x"]))
        #expect(LiveExport.commonTags(Array(live.resources.values.prefix(1))) == [:], "one resource: its own tags")
    }
}
