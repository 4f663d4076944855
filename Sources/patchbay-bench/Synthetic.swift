import Model
import Reconciler

/// Synthetic contact centers of a given size, for benchmarks.
struct SyntheticCenter {
    var hours = 10, queues = 100, routingProfiles = 50, queuesPerProfile = 5, flows = 50, securityProfiles = 5, users = 1000

    func desired(stack: String = "bench") -> DesiredState {
        let hourNames = (0..<hours).map { String(format: "Hours %03d", $0) }
        let queueNames = (0..<queues).map { String(format: "Queue %04d", $0) }
        let profileNames = (0..<routingProfiles).map { String(format: "Profile %03d", $0) }
        let spNames = (0..<securityProfiles).map { String(format: "Role %02d", $0) }
        let weekdays: [Weekday: [TimeRange]] = [
            .monday: [TimeRange(parsing: "08:00-18:00")!], .tuesday: [TimeRange(parsing: "08:00-18:00")!],
            .wednesday: [TimeRange(parsing: "08:00-12:00")!, TimeRange(parsing: "13:00-18:00")!],
        ]
        return DesiredState(
            stack: stack,
            hoursOfOperation: hourNames.map { HoursOfOperation(name: $0, timeZone: "America/New_York") {
                $0.description = "bench"
                $0.schedule = weekdays }
            },
            queues: queueNames.enumerated().map { i, name in
                Queue(name: name, hoursOfOperation: hourNames[i % hours]) {
                    $0.description = "queue \(i)"
                    $0.maxContacts = 10 + i % 40
                }
            },
            routingProfiles: profileNames.enumerated().map { i, name in
                let mine = (0..<queuesPerProfile).map { queueNames[(i * queuesPerProfile + $0) % queues] }
                let entries = mine.enumerated().map { RoutingProfileQueue(queue: $1, channels: [.voice, .chat], priority: $0 + 1, delay: 0) }
                return RoutingProfile(name: name, description: "profile \(i)", defaultOutboundQueue: mine[0],
                                      concurrency: [.voice: 1, .chat: 2]) { $0.queues = entries }
            },
            flows: (0..<flows).map { i in
                let text = #"{"Version":"2019-10-30","StartAction":"q","Actions":[{"Identifier":"q","Type":"UpdateContactTargetQueue","Parameters":{"QueueId":"${queue:\#(queueNames[i % queues])}"},"Transitions":{"NextAction":"t","Errors":[{"NextAction":"d","ErrorType":"NoMatchingError"}]}},{"Identifier":"t","Type":"TransferContactToQueue","Parameters":{},"Transitions":{"NextAction":"d","Errors":[{"NextAction":"d","ErrorType":"NoMatchingError"}]}},{"Identifier":"d","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}"#
                return Flow(name: String(format: "Flow %03d", i), type: .contactFlow,
                            content: FlowContent(path: "flow\(i).json", resolvedPath: "/bench/flow\(i).json", text: text,
                                                 references: FlowContentCanonicalizer.references(in: text))) {
                                                     $0.description = "flow \(i)"
                                                 }
            },
            securityProfiles: spNames.map { SecurityProfile(name: $0) {
                $0.description = "role"
                $0.permissions = ["BasicAgentAccess", "OutboundCallAccess"] }
            },
            users: (0..<users).map { i in
                User(username: String(format: "agent%05d", i), routingProfile: profileNames[i % routingProfiles],
                     securityProfiles: [spNames[i % securityProfiles]]) {
                         $0.firstName = "Agent"
                         $0.lastName = "\(i)"
                         $0.email = "agent\(i)@example.com"
                     }
            })
    }

    var resourceCount: Int { hours + queues + routingProfiles + flows + securityProfiles + users }
}
