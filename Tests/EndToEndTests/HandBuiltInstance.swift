import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport

/// An instance built by hand through the API (JSON bodies, as boto3 would send them), the way a
/// team's console-built instance looks before export: every kind Patchbay manages, flows that
/// refer to queues, hours, a module, another flow, a quick connect and a prompt, a queue owned
/// by another stack, and `users` users.
struct HandBuiltInstance {
    static let foreignARN = "arn:aws:sns:us-east-1:123456789012:contact-alerts"

    var ids: [String: String] = [:]
    var arns: [String: String] = [:]

    static func build(_ emu: TestEmulator, users: Int) async throws -> HandBuiltInstance {
        var b = HandBuiltInstance()
        let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
        let queueTransfer = try flowId(s, "Default queue transfer"), agentTransfer = try flowId(s, "Default agent transfer")
        func day(_ d: String, _ from: Int, _ to: Int) -> [String: Any] {
            ["Day": d, "StartTime": ["Hours": from, "Minutes": 0], "EndTime": ["Hours": to, "Minutes": 0]]
        }
        try await b.make(emu, .createHoursOfOperation, "hours.Weekdays", ["Name": "Weekdays", "TimeZone": "America/New_York",
            "Description": "Weekday support", "Tags": ["cost-center": "42"],
            "Config": ["MONDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"].map { day($0, 8, 18) } + [day("TUESDAY", 8, 12), day("TUESDAY", 13, 18)]],
            id: "HoursOfOperationId", arn: "HoursOfOperationArn")
        try await b.make(emu, .createHoursOfOperation, "hours.Weekend", ["Name": "Weekend", "TimeZone": "UTC",
            "Config": [day("SATURDAY", 9, 13)]], id: "HoursOfOperationId", arn: "HoursOfOperationArn")
        _ = try await call(emu, .updateUserHierarchyStructure, ["HierarchyStructure": ["LevelOne": ["Name": "Region"], "LevelTwo": ["Name": "Site"]]])
        try await b.make(emu, .createUserHierarchyGroup, "group.Americas", ["Name": "Americas"], id: "HierarchyGroupId", arn: "HierarchyGroupArn")
        try await b.make(emu, .createUserHierarchyGroup, "group.New York", ["Name": "New York", "ParentGroupId": b.ids["group.Americas"]!],
                         id: "HierarchyGroupId", arn: "HierarchyGroupArn")
        try await b.make(emu, .createUserHierarchyGroup, "group.EMEA", ["Name": "EMEA"], id: "HierarchyGroupId", arn: "HierarchyGroupArn")
        let weekdays = b.ids["hours.Weekdays"]!
        try await b.make(emu, .createQueue, "queue.Support", ["Name": "Support", "Description": "General support",
            "HoursOfOperationId": weekdays, "MaxContacts": 50], id: "QueueId", arn: "QueueArn")
        try await b.make(emu, .createQueue, "queue.Billing", ["Name": "Billing", "HoursOfOperationId": b.ids["hours.Weekend"]!],
                         id: "QueueId", arn: "QueueArn")
        _ = try await call(emu, .updateQueueStatus, ["QueueId": b.ids["queue.Billing"]!, "Status": "DISABLED"])
        _ = try await call(emu, .createQueue, ["Name": "Partner Queue", "HoursOfOperationId": weekdays, "Tags": ["patchbay:stack": "other"]])
        try await emu.putObject("s3://acme-prompts/welcome.wav")
        try await b.make(emu, .createPrompt, "prompt.Welcome", ["Name": "Welcome", "S3Uri": "s3://acme-prompts/welcome.wav"],
                         id: "PromptId", arn: "PromptARN")
        try await b.make(emu, .createContactFlow, "flow.Outbound Whisper", ["Name": "Outbound Whisper", "Type": "OUTBOUND_WHISPER",
            "Content": content(start: "end", [end])], id: "ContactFlowId", arn: "ContactFlowArn")
        _ = try await call(emu, .updateQueueOutboundCallerConfig, ["QueueId": b.ids["queue.Support"]!, "OutboundCallerConfig": [
            "OutboundCallerIdName": "Acme", "OutboundFlowId": b.ids["flow.Outbound Whisper"]!]])
        try await b.make(emu, .createQuickConnect, "qc.Front Desk", ["Name": "Front Desk", "Description": "Reception",
            "QuickConnectConfig": ["QuickConnectType": "PHONE_NUMBER", "PhoneConfig": ["PhoneNumber": "+15550100"]]],
                         id: "QuickConnectId", arn: "QuickConnectARN")
        try await b.make(emu, .createQuickConnect, "qc.To Billing", ["Name": "To Billing", "QuickConnectConfig": [
            "QuickConnectType": "QUEUE", "QueueConfig": ["QueueId": b.ids["queue.Billing"]!, "ContactFlowId": queueTransfer]]],
                         id: "QuickConnectId", arn: "QuickConnectARN")
        _ = try await call(emu, .associateQueueQuickConnects, ["QueueId": b.ids["queue.Support"]!,
                                                               "QuickConnectIds": [b.ids["qc.Front Desk"]!, b.ids["qc.To Billing"]!]])
        try await b.make(emu, .createContactFlowModule, "module.Billing Module", ["Name": "Billing Module", "Description": "Sends to billing",
            "Content": content(start: "q", [setQueue("q", b.arns["queue.Billing"]!, next: "end"), end])], id: "Id", arn: "Arn")
        try await b.make(emu, .createContactFlow, "flow.After Hours", ["Name": "After Hours", "Type": "CONTACT_FLOW",
            "Content": content(start: "m", [message("m", "We are closed.", next: "bye"), bye])], id: "ContactFlowId", arn: "ContactFlowArn")
        try await b.make(emu, .createContactFlow, "flow.Main IVR", ["Name": "Main IVR", "Type": "CONTACT_FLOW", "Description": "Entry point",
            "Content": b.mainIVR(greeting: "Thanks for calling.")], id: "ContactFlowId", arn: "ContactFlowArn")
        try await b.make(emu, .createRoutingProfile, "rp.Tier 1", ["Name": "Tier 1", "Description": "Front line",
            "DefaultOutboundQueueId": b.ids["queue.Support"]!,
            "MediaConcurrencies": [["Channel": "VOICE", "Concurrency": 1],
                                   ["Channel": "CHAT", "Concurrency": 3, "CrossChannelBehavior": ["BehaviorType": "ROUTE_ANY_CHANNEL"]]],
            "QueueConfigs": [queueConfig(b.ids["queue.Support"]!, "VOICE", 1, 0), queueConfig(b.ids["queue.Support"]!, "CHAT", 1, 0),
                             queueConfig(b.ids["queue.Billing"]!, "VOICE", 2, 30)],
            "ManualAssignmentQueueConfigs": [["QueueReference": ["QueueId": b.ids["queue.Support"]!, "Channel": "CHAT"]]]],
                         id: "RoutingProfileId", arn: "RoutingProfileArn")
        try await b.make(emu, .createSecurityProfile, "sp.Supervisor", ["SecurityProfileName": "Supervisor", "Description": "Team leads",
            "Permissions": ["BasicAgentAccess", "ListenCallRecordings"], "AllowedAccessControlTags": ["region": "amer"],
            "TagRestrictedResources": ["User"], "HierarchyRestrictedResources": ["User"],
            "AllowedAccessControlHierarchyGroupId": b.ids["group.New York"]!,
            "Applications": [["Namespace": "acme.crm", "ApplicationPermissions": ["ACCESS"]]]], id: "SecurityProfileId", arn: "SecurityProfileArn")
        let agent = try requireValue(s.securityProfile("Agent")?.Id)
        for n in 1...users {
            let name = String(format: "agent%03d", n)
            var body: [String: Any] = ["Username": name, "RoutingProfileId": b.ids["rp.Tier 1"]!,
                                       "SecurityProfileIds": n % 10 == 0 ? [agent, b.ids["sp.Supervisor"]!] : [agent],
                                       "IdentityInfo": ["FirstName": "Agent", "LastName": "Number \(n)", "Email": "\(name)@example.com"],
                                       "PhoneConfig": ["PhoneType": "SOFT_PHONE", "AutoAccept": n % 2 == 0, "AfterContactWorkTimeLimit": n % 3 == 0 ? 30 : 0]]
            if n % 4 == 0 { body["HierarchyGroupId"] = b.ids[n % 8 == 0 ? "group.New York" : "group.EMEA"]! }
            if n == 5 { body["PhoneConfig"] = ["PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+15550199", "AfterContactWorkTimeLimit": 0] }
            try await b.make(emu, .createUser, "user.\(name)", body, id: "UserId", arn: "UserArn")
        }
        try await b.make(emu, .createAgentStatus, "agentStatus.Lunch", ["Name": "Lunch", "Description": "Lunch break", "State": "ENABLED",
                                                                        "DisplayOrder": 3], id: "AgentStatusId", arn: "AgentStatusARN")
        _ = try await call(emu, .createHoursOfOperationOverride, ["HoursOfOperationId": weekdays, "Name": "Christmas",
            "Config": [] as [Any], "EffectiveFrom": "2026-12-25", "EffectiveTill": "2026-12-26", "OverrideType": "CLOSED"])
        let line = try await emu.claimPhoneNumber(Self.number)
        _ = try await call(emu, .associatePhoneNumberContactFlow, ["PhoneNumberId": line.id, "ContactFlowId": b.ids["flow.Main IVR"]!])
        _ = try await call(emu, .updatePhoneNumberMetadata, ["PhoneNumberId": line.id, "PhoneNumberDescription": "Main line"])
        _ = try await call(emu, .associateLambdaFunction, ["FunctionArn": Self.lambda])
        _ = try await call(emu, .associateBot, ["LexV2Bot": ["AliasArn": Self.bot]])
        try await b.make(emu, .createQuickConnect, "qc.Ask Agent", ["Name": "Ask Agent", "QuickConnectConfig": [
            "QuickConnectType": "USER", "UserConfig": ["UserId": b.ids["user.agent001"]!, "ContactFlowId": agentTransfer]]],
                         id: "QuickConnectId", arn: "QuickConnectARN")
        try await b.make(emu, .createTaskTemplate, "taskTemplate.Callback", ["Name": "Callback", "Description": "Call the customer back",
            "ContactFlowId": b.ids["flow.Main IVR"]!, "Status": "INACTIVE",
            "Fields": [["Id": ["Name": "Phone"], "Type": "TEXT"],
                       ["Id": ["Name": "Reason"], "Type": "SINGLE_SELECT", "SingleSelectOptions": ["Billing", "Other"], "Description": "Why"]],
            "Constraints": ["RequiredFields": [["Id": ["Name": "Phone"]]]],
            "Defaults": ["DefaultFieldValues": [["Id": ["Name": "Reason"], "DefaultValue": "Other"]]]], id: "Id", arn: "Arn")
        return b
    }

    static let number = "+15550123"
    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:order-lookup"
    static let bot = "arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/ALIASID123"

    /// What the export declares `external: true`, made by hand (in a second instance, before applying
    /// there), and the phone number, which Patchbay never claims.
    static func externals(_ emu: TestEmulator) async throws {
        try await emu.claimPhoneNumber(number)
        let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
        let hours = try requireValue(s.hours("Basic Hours")?.HoursOfOperationId)
        _ = try await call(emu, .createQueue, ["Name": "Partner Queue", "HoursOfOperationId": hours, "Tags": ["patchbay:stack": "other"]])
        try await emu.putObject("s3://acme-prompts/welcome.wav")
        _ = try await call(emu, .createPrompt, ["Name": "Welcome", "S3Uri": "s3://acme-prompts/welcome.wav"])
    }

    /// Edits made "in the console": a flow's greeting, a queue's limit, a user's first name.
    func editByHand(_ emu: TestEmulator) async throws {
        _ = try await Self.call(emu, .updateContactFlowContent, ["ContactFlowId": ids["flow.Main IVR"]!,
                                                                 "Content": mainIVR(greeting: "Welcome back.")])
        _ = try await Self.call(emu, .updateQueueMaxContacts, ["QueueId": ids["queue.Support"]!, "MaxContacts": 75])
        _ = try await Self.call(emu, .updateUserIdentityInfo, ["UserId": ids["user.agent007"]!, "IdentityInfo": [
            "FirstName": "Jane", "LastName": "Number 7", "Email": "agent007@example.com"]])
    }

    private func mainIVR(greeting: String) -> String {
        Self.content(start: "greet", [
            ["Identifier": "greet", "Type": "MessageParticipant", "Parameters": ["PromptId": arns["prompt.Welcome"]!, "Text": greeting],
             "Transitions": Self.next("attrs")],
            ["Identifier": "attrs", "Type": "UpdateContactAttributes", "Parameters": ["Attributes": [
                "escalation": arns["qc.To Billing"]!, "partner": Self.foreignARN]], "Transitions": Self.next("module")],
            ["Identifier": "module", "Type": "InvokeFlowModule", "Parameters": ["FlowModuleId": arns["module.Billing Module"]!],
             "Transitions": Self.next("hours")],
            ["Identifier": "hours", "Type": "CheckHoursOfOperation", "Parameters": ["HoursOfOperationId": arns["hours.Weekdays"]!],
             "Transitions": ["NextAction": "closed", "Conditions": [["NextAction": "set-queue", "Condition": ["Operator": "Equals", "Operands": ["True"]]]],
                             "Errors": [["NextAction": "bye", "ErrorType": "NoMatchingError"]]]],
            Self.setQueue("set-queue", arns["queue.Support"]!, next: "transfer"),
            ["Identifier": "transfer", "Type": "TransferContactToQueue", "Parameters": [:] as [String: Any],
             "Transitions": ["NextAction": "bye", "Errors": [["NextAction": "bye", "ErrorType": "QueueAtCapacity"],
                                                             ["NextAction": "bye", "ErrorType": "NoMatchingError"]]]],
            ["Identifier": "closed", "Type": "TransferToFlow", "Parameters": ["ContactFlowId": arns["flow.After Hours"]!],
             "Transitions": Self.next("bye")],
            Self.bye,
        ], layout: ["entryPointPosition": ["x": 40, "y": 40], "ActionMetadata": ["greet": ["position": ["x": 200, "y": 40]]]])
    }

    // MARK: building blocks

    private static var end: [String: Any] { ["Identifier": "end", "Type": "EndFlowExecution", "Parameters": [:] as [String: Any], "Transitions": [:] as [String: Any]] }
    private static var bye: [String: Any] { ["Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": [:] as [String: Any], "Transitions": [:] as [String: Any]] }

    private static func next(_ action: String) -> [String: Any] {
        ["NextAction": action, "Errors": [["NextAction": "bye", "ErrorType": "NoMatchingError"]]]
    }

    private static func message(_ id: String, _ text: String, next: String) -> [String: Any] {
        ["Identifier": id, "Type": "MessageParticipant", "Parameters": ["Text": text], "Transitions": Self.next(next)]
    }

    private static func setQueue(_ id: String, _ queueArn: String, next: String) -> [String: Any] {
        ["Identifier": id, "Type": "UpdateContactTargetQueue", "Parameters": ["QueueId": queueArn],
         "Transitions": ["NextAction": next, "Errors": [["NextAction": next, "ErrorType": "NoMatchingError"]]]]
    }

    private static func content(start: String, _ actions: [[String: Any]], layout: [String: Any] = [:]) -> String {
        let object: [String: Any] = ["Version": "2019-10-30", "StartAction": start, "Metadata": layout, "Actions": actions]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func queueConfig(_ queue: String, _ channel: String, _ priority: Int, _ delay: Int) -> [String: Any] {
        ["QueueReference": ["QueueId": queue, "Channel": channel], "Priority": priority, "Delay": delay]
    }

    private static func flowId(_ s: InstanceSnapshot, _ name: String) throws -> String {
        try requireValue(s.flow(name)?.Id)
    }

    private mutating func make(_ emu: TestEmulator, _ operation: ConnectOperation, _ key: String, _ body: [String: Any],
                               id: String, arn: String) async throws {
        let response = try await Self.call(emu, operation, body)
        ids[key] = response[id] as? String
        arns[key] = response[arn] as? String
    }

    /// One call with a JSON body (the instance id added), its JSON response.
    @discardableResult
    static func call(_ emu: TestEmulator, _ operation: ConnectOperation, _ body: [String: Any]) async throws -> [String: Any] {
        var body = body
        body["InstanceId"] = emu.instanceId
        let input = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        let output = try await emu.client.perform(operation, input: input)
        return (try? JSONSerialization.jsonObject(with: output)) as? [String: Any] ?? [:]
    }
}

/// `value`, or a thrown error naming what was missing.
func requireValue<T>(_ value: T?, _ what: String = "value", file: String = #fileID, line: Int = #line) throws -> T {
    guard let value else { throw CLIMissing(description: "\(what) missing at \(file):\(line)") }
    return value
}

struct CLIMissing: Error, CustomStringConvertible { var description: String }
