import Foundation

public struct HoursOfOperationDays: ConnectStringEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let SUNDAY: Self = "SUNDAY"
    public static let MONDAY: Self = "MONDAY"
    public static let TUESDAY: Self = "TUESDAY"
    public static let WEDNESDAY: Self = "WEDNESDAY"
    public static let THURSDAY: Self = "THURSDAY"
    public static let FRIDAY: Self = "FRIDAY"
    public static let SATURDAY: Self = "SATURDAY"
}

public struct HoursOfOperationTimeSlice: Codable, Sendable, Hashable {
    public var Hours: Int
    public var Minutes: Int
}

public struct HoursOfOperationConfig: Codable, Sendable, Hashable {
    public var Day: HoursOfOperationDays
    public var StartTime: HoursOfOperationTimeSlice
    public var EndTime: HoursOfOperationTimeSlice
}

public struct ParentHoursOfOperationConfig: Codable, Sendable, Hashable {
    public var HoursOfOperationId: String?

    public init(HoursOfOperationId: String? = nil) { self.HoursOfOperationId = HoursOfOperationId }
}

public struct HoursOfOperationsIdentifier: Codable, Sendable, Hashable {
    public var Name: String
    public var Id: String
    public var Arn: String?
}

public struct HoursOfOperation: Codable, Sendable, Equatable {
    public var HoursOfOperationId: String?
    public var HoursOfOperationArn: String?
    public var Name: String?
    public var Description: String?
    public var TimeZone: String?
    public var Config: [HoursOfOperationConfig]?
    public var ParentHoursOfOperations: [HoursOfOperationsIdentifier]?
    public var Tags: TagMap?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}

public struct HoursOfOperationSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?
}


/// One override of an hours of operation (botocore shape `HoursOfOperationOverride`), as
/// ListHoursOfOperationOverrides returns it.
public struct HoursOfOperationOverride: Codable, Sendable, Equatable {
    public var HoursOfOperationOverrideId: String?
    public var HoursOfOperationId: String?
    public var HoursOfOperationArn: String?
    public var Name: String?
    public var Description: String?
    /// `HoursOfOperationOverrideConfig`: the same members as `HoursOfOperationConfig`.
    public var Config: [HoursOfOperationConfig]?
    /// `YYYY-MM-DD`.
    public var EffectiveFrom: String?
    public var EffectiveTill: String?
    /// `STANDARD`, `OPEN` or `CLOSED`.
    public var OverrideType: String?
    /// A recurring override (Patchbay declares dated ones only).
    public var RecurrenceConfig: RecurrenceConfig?
}

public struct RecurrenceConfig: Codable, Sendable, Equatable {
    public var RecurrencePattern: RecurrencePattern?
}

public struct RecurrencePattern: Codable, Sendable, Equatable {
    /// `WEEKLY`, `MONTHLY` or `YEARLY`.
    public var Frequency: String?
    public var Interval: Int?
    public var ByMonth: [Int]?
    public var ByMonthDay: [Int]?
    public var ByWeekdayOccurrence: [Int]?
}

public struct CreateHoursOfOperationOverrideResponse: Codable, Sendable, Equatable {
    public var HoursOfOperationOverrideId: String?
}

extension Listings {
    public enum HoursOfOperationOverrides: ConnectListing {
        public typealias Item = HoursOfOperationOverride
        public typealias Filter = Never
        public static let operation = ConnectOperation.listHoursOfOperationOverrides, listKey = "HoursOfOperationOverrideList",
                          parentMember: String? = "HoursOfOperationId", maxPageSize = ConnectPageSize.listSmall
    }
}
