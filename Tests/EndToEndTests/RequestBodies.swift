import Foundation

// The few write bodies these tests send by hand (a change "made in the console"), with the
// members botocore's model gives them. Patchbay itself writes JSON call values.

struct CreateQueueRequest: Encodable, Sendable {
    var Name: String
    var Description: String?
    var HoursOfOperationId: String
    var MaxContacts: Int?
    var Tags: [String: String]?
}

struct CreateQueueResponse: Decodable, Sendable {
    var QueueId: String?
    var QueueArn: String?
}

struct CreateSecurityProfileRequest: Encodable, Sendable {
    var SecurityProfileName: String
    var Permissions: [String]?
}
