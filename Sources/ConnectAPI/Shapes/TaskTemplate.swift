import Foundation

/// A task template as ListTaskTemplates returns it (botocore shape `TaskTemplateMetadata`): no
/// fields, no flow and no tags — those only GetTaskTemplate returns.
public struct TaskTemplateMetadata: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var Description: String?
    /// `ACTIVE` or `INACTIVE`.
    public var Status: String?
    public var LastModifiedTime: Date?
    public var CreatedTime: Date?
}

/// GetTaskTemplate's response (botocore shape `GetTaskTemplateResponse`), the template at the top level.
public struct TaskTemplate: Codable, Sendable, Equatable {
    public var InstanceId: String?
    public var Id: String?
    public var Arn: String?
    public var Name: String?
    public var Description: String?
    public var ContactFlowId: String?
    public var SelfAssignFlowId: String?
    public var Constraints: TaskTemplateConstraints?
    public var Defaults: TaskTemplateDefaults?
    public var Fields: [TaskTemplateField]?
    public var Status: String?
    public var LastModifiedTime: Date?
    public var CreatedTime: Date?
    public var Tags: TagMap?
}

/// `TaskTemplateFieldIdentifier`: a field is named, not numbered.
public struct TaskTemplateFieldIdentifier: Codable, Sendable, Equatable {
    public var Name: String?
}

/// `TaskTemplateField`.
public struct TaskTemplateField: Codable, Sendable, Equatable {
    public var Id: TaskTemplateFieldIdentifier?
    public var Description: String?
    /// botocore's `TaskTemplateFieldType` (`TEXT`, `SINGLE_SELECT`, …).
    public var `Type`: String?
    public var SingleSelectOptions: [String]?
}

/// One entry of `RequiredFields` / `ReadOnlyFields` / `InvisibleFields`.
public struct TaskTemplateFieldReference: Codable, Sendable, Equatable {
    public var Id: TaskTemplateFieldIdentifier?
}

/// `TaskTemplateConstraints`.
public struct TaskTemplateConstraints: Codable, Sendable, Equatable {
    public var RequiredFields: [TaskTemplateFieldReference]?
    public var ReadOnlyFields: [TaskTemplateFieldReference]?
    public var InvisibleFields: [TaskTemplateFieldReference]?
}

/// `TaskTemplateDefaults`.
public struct TaskTemplateDefaults: Codable, Sendable, Equatable {
    public var DefaultFieldValues: [TaskTemplateDefaultFieldValue]?
}

/// `TaskTemplateDefaultFieldValue`.
public struct TaskTemplateDefaultFieldValue: Codable, Sendable, Equatable {
    public var Id: TaskTemplateFieldIdentifier?
    public var DefaultValue: String?
}

/// CreateTaskTemplate's response.
public struct CreateTaskTemplateResponse: Codable, Sendable, Equatable {
    public var Id: String?
    public var Arn: String?
}

/// `GetTaskTemplate`: InstanceId and TaskTemplateId (both in the URI).
public struct GetTaskTemplateRequest: ConnectReadRequest {
    public typealias Response = TaskTemplate
    public static var operation: ConnectOperation { .getTaskTemplate }
    public var InstanceId: String
    public var TaskTemplateId: String

    public init(instanceId: String, id: String) {
        InstanceId = instanceId
        TaskTemplateId = id
    }
}

extension Listings {
    /// ListTaskTemplates: at most 100 a page (`MaxResult100`); the model says NextToken "is always
    /// returned as a null", but the pager follows one if it comes.
    public enum TaskTemplates: ConnectListing {
        public typealias Item = TaskTemplateMetadata
        public typealias Filter = Never
        public static let operation = ConnectOperation.listTaskTemplates, listKey = "TaskTemplates", maxPageSize = ConnectPageSize.listSmall
    }
}
