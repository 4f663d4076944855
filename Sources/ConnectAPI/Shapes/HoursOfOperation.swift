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

    public init(Hours: Int, Minutes: Int) {
        self.Hours = Hours
        self.Minutes = Minutes
    }
}

public struct HoursOfOperationConfig: Codable, Sendable, Hashable {
    public var Day: HoursOfOperationDays
    public var StartTime: HoursOfOperationTimeSlice
    public var EndTime: HoursOfOperationTimeSlice

    public init(Day: HoursOfOperationDays, StartTime: HoursOfOperationTimeSlice, EndTime: HoursOfOperationTimeSlice) {
        self.Day = Day
        self.StartTime = StartTime
        self.EndTime = EndTime
    }
}

public struct ParentHoursOfOperationConfig: Codable, Sendable, Hashable {
    public var HoursOfOperationId: String?

    public init(HoursOfOperationId: String? = nil) { self.HoursOfOperationId = HoursOfOperationId }
}

public struct HoursOfOperationsIdentifier: Codable, Sendable, Hashable {
    public var Name: String
    public var Id: String
    public var Arn: String?

    public init(Name: String, Id: String, Arn: String? = nil) {
        self.Name = Name
        self.Id = Id
        self.Arn = Arn
    }
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

    public init(
        HoursOfOperationId: String? = nil,
        HoursOfOperationArn: String? = nil,
        Name: String? = nil,
        Description: String? = nil,
        TimeZone: String? = nil,
        Config: [HoursOfOperationConfig]? = nil,
        ParentHoursOfOperations: [HoursOfOperationsIdentifier]? = nil,
        Tags: TagMap? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.HoursOfOperationId = HoursOfOperationId
        self.HoursOfOperationArn = HoursOfOperationArn
        self.Name = Name
        self.Description = Description
        self.TimeZone = TimeZone
        self.Config = Config
        self.ParentHoursOfOperations = ParentHoursOfOperations
        self.Tags = Tags
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

public struct HoursOfOperationSummary: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(
        Id: String? = nil,
        Arn: String? = nil,
        Name: String? = nil,
        LastModifiedTime: Date? = nil,
        LastModifiedRegion: String? = nil
    ) {
        self.Id = Id
        self.Arn = Arn
        self.Name = Name
        self.LastModifiedTime = LastModifiedTime
        self.LastModifiedRegion = LastModifiedRegion
    }
}

/// Body of `CreateHoursOfOperation` (the instance id goes in the path).
public struct CreateHoursOfOperationRequest: Codable, Sendable, Equatable {
    public var Name: String
    public var Description: String?
    public var TimeZone: String
    public var Config: [HoursOfOperationConfig]
    public var ParentHoursOfOperationConfigs: [ParentHoursOfOperationConfig]?
    public var Tags: TagMap?

    public init(Name: String, Description: String? = nil, TimeZone: String, Config: [HoursOfOperationConfig],
                ParentHoursOfOperationConfigs: [ParentHoursOfOperationConfig]? = nil, Tags: TagMap? = nil) {
        self.Name = Name
        self.Description = Description
        self.TimeZone = TimeZone
        self.Config = Config
        self.ParentHoursOfOperationConfigs = ParentHoursOfOperationConfigs
        self.Tags = Tags
    }
}

public struct CreateHoursOfOperationResponse: Codable, Sendable, Equatable {
    public var HoursOfOperationId: String?
    public var HoursOfOperationArn: String?

    public init(HoursOfOperationId: String? = nil, HoursOfOperationArn: String? = nil) {
        self.HoursOfOperationId = HoursOfOperationId
        self.HoursOfOperationArn = HoursOfOperationArn
    }
}

/// Body of `UpdateHoursOfOperation`: every member optional; nil members are left unchanged.
public struct UpdateHoursOfOperationRequest: Codable, Sendable, Equatable {
    public var Name: String?
    public var Description: String?
    public var TimeZone: String?
    public var Config: [HoursOfOperationConfig]?

    public init(Name: String? = nil, Description: String? = nil, TimeZone: String? = nil,
                Config: [HoursOfOperationConfig]? = nil) {
        self.Name = Name
        self.Description = Description
        self.TimeZone = TimeZone
        self.Config = Config
    }
}
