import Foundation

// Generic read requests: one Describe, one Search and one List shape serve every kind; a kind
// says only its operation and member names (`Requests+Kinds.swift`).

// MARK: - Describe

/// A resource a Describe* operation returns under one member (`{"Queue": {…}}`).
public protocol ConnectDescribable: Codable, Sendable {
    static var describeOperation: ConnectOperation { get }
    /// The identifier member after `InstanceId` (`QueueId`); nil when the instance is the address.
    static var idMember: String? { get }
    /// The response member holding the resource (`Queue`).
    static var describeKey: String { get }
    /// What an absent member stands for; nil when absence makes the response malformed.
    static var whenAbsent: Self? { get }
}

extension ConnectDescribable {
    public static var whenAbsent: Self? { nil }
}

/// `Describe<Kind>`: `InstanceId` and the kind's id member (`QueueId`, `UserId`, …).
/// A flow's id may carry a qualifier: `id:$SAVED` for saved content, `id:<version>`.
public struct DescribeRequest<Resource: ConnectDescribable>: ConnectReadRequest {
    public typealias Response = DescribeResponse<Resource>
    public static var operation: ConnectOperation { Resource.describeOperation }
    public var InstanceId: String
    public var id: String?

    public init(instanceId: String, id: String? = nil) {
        InstanceId = instanceId
        self.id = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WireKey.self)
        try c.encode(InstanceId, forKey: "InstanceId")
        if let member = Resource.idMember { try c.encodeIfPresent(id, forKey: WireKey(member)) }
    }
}

/// A Describe* response: the resource under its member.
public struct DescribeResponse<Resource: ConnectDescribable>: Codable, Sendable {
    public var resource: Resource

    public init(_ resource: Resource) { self.resource = resource }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: WireKey.self)
        let key = WireKey(Resource.describeKey)
        if let found = try c.decodeIfPresent(Resource.self, forKey: key) {
            resource = found
        } else if let absent = Resource.whenAbsent {
            resource = absent
        } else {
            throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath, debugDescription: "no \(key.stringValue)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WireKey.self)
        try c.encode(resource, forKey: WireKey(Resource.describeKey))
    }
}

extension ConnectReader {
    /// `send(DescribeRequest<Resource>(…)).resource`.
    public func describe<Resource: ConnectDescribable>(_ type: Resource.Type, instanceId: String,
                                                       id: String? = nil) async throws -> Resource {
        try await send(DescribeRequest<Resource>(instanceId: instanceId, id: id)).resource
    }
}

// MARK: - Search

/// A kind a Search* operation returns (`SearchQueues` → `Queues: [Queue]`).
public protocol ConnectSearchable: Codable, Sendable {
    associatedtype SearchCriteria: Codable & Sendable & Hashable
    associatedtype SearchFilter: Codable & Sendable & Hashable
    static var searchOperation: ConnectOperation { get }
    /// The response member holding the page's items (`Queues`).
    static var searchKey: String { get }
    /// The largest `MaxResults` (500 for users, queues and routing profiles, else 100).
    static var searchPageSize: Int { get }
}

extension ConnectSearchable {
    public static var searchPageSize: Int { ConnectPageSize.search }
}

/// `Search<Kind>`: InstanceId, NextToken, MaxResults, SearchFilter, SearchCriteria (in the body).
public struct SearchRequest<Item: ConnectSearchable>: ConnectPagedRequest {
    public typealias Response = SearchResponse<Item>
    public static var operation: ConnectOperation { Item.searchOperation }
    public static var maxPageSize: Int { Item.searchPageSize }
    public var InstanceId: String
    public var NextToken: String?
    public var MaxResults: Int?
    public var SearchFilter: Item.SearchFilter?
    public var SearchCriteria: Item.SearchCriteria?

    public init(instanceId: String, criteria: Item.SearchCriteria? = nil, filter: Item.SearchFilter? = nil,
                nextToken: String? = nil, maxResults: Int? = nil) {
        InstanceId = instanceId
        SearchCriteria = criteria
        SearchFilter = filter
        NextToken = nextToken
        MaxResults = maxResults
    }
}

/// A Search* response page: `SearchResponse<Queue>` holds `Queues`.
public typealias SearchResponse<Item: ConnectSearchable> = PageResponse<Searched<Item>>

/// The page kind of `Search<Item>`: its items under the kind's search member.
public enum Searched<Item: ConnectSearchable>: ConnectPageKind {
    public static var listKey: String { Item.searchKey }
}

// MARK: - List

/// A List* operation: its item type, list member, the optional parent id member
/// (`RoutingProfileId` for ListRoutingProfileQueues) and optional filter member
/// (`QueueTypes`, `ContactFlowModuleState`). The kinds are in `Listings`.
public protocol ConnectListing: ConnectPageKind {
    associatedtype Filter: Codable & Sendable
    static var operation: ConnectOperation { get }
    static var parentMember: String? { get }
    static var filterMember: String? { get }
    static var maxPageSize: Int { get }
}

extension ConnectListing {
    public static var parentMember: String? { nil }
    public static var filterMember: String? { nil }
    public static var maxPageSize: Int { ConnectPageSize.list }
}

/// `List<Kind>`: InstanceId (absent only for ListInstances), the parent id, the filter,
/// NextToken and MaxResults (in the query).
public struct ListRequest<Listing: ConnectListing>: ConnectPagedRequest {
    public typealias Response = ListResponse<Listing>
    public static var operation: ConnectOperation { Listing.operation }
    public static var maxPageSize: Int { Listing.maxPageSize }
    public var InstanceId: String?
    public var parentId: String?
    public var filter: Listing.Filter?
    public var NextToken: String?
    public var MaxResults: Int?

    public init(instanceId: String?, parentId: String? = nil, filter: Listing.Filter? = nil,
                nextToken: String? = nil, maxResults: Int? = nil) {
        InstanceId = instanceId
        self.parentId = parentId
        self.filter = filter
        NextToken = nextToken
        MaxResults = maxResults
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WireKey.self)
        try c.encodeIfPresent(InstanceId, forKey: "InstanceId")
        if let member = Listing.parentMember { try c.encodeIfPresent(parentId, forKey: WireKey(member)) }
        if let member = Listing.filterMember { try c.encodeIfPresent(filter, forKey: WireKey(member)) }
        try c.encodeIfPresent(NextToken, forKey: "NextToken")
        try c.encodeIfPresent(MaxResults, forKey: "MaxResults")
    }
}

/// A List* response page: `ListResponse<Listings.Queues>` holds `QueueSummaryList`.
public typealias ListResponse<Listing: ConnectListing> = PageResponse<Listing>

/// What a page holds its items under: `Queues` (SearchQueues), `QueueSummaryList` (ListQueues).
public protocol ConnectPageKind: Sendable {
    associatedtype Item: Codable & Sendable
    static var listKey: String { get }
}

/// One page of a List* or Search* response: the kind's item list, `NextToken`, and the members
/// some operations add (`ApproximateTotalCount` for Search*, `LastModifiedTime` /
/// `LastModifiedRegion` for the association listings); absent members stay nil.
public struct PageResponse<Kind: ConnectPageKind>: Codable, Sendable, ConnectPage {
    public var list: [Kind.Item]?
    public var NextToken: String?
    public var ApproximateTotalCount: Int64?
    public var LastModifiedTime: Date?
    public var LastModifiedRegion: String?

    public init(_ list: [Kind.Item]? = nil, NextToken: String? = nil) {
        self.list = list
        self.NextToken = NextToken
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: WireKey.self)
        list = try c.decodeIfPresent([Kind.Item].self, forKey: WireKey(Kind.listKey))
        NextToken = try c.decodeIfPresent(String.self, forKey: "NextToken")
        ApproximateTotalCount = try c.decodeIfPresent(Int64.self, forKey: "ApproximateTotalCount")
        LastModifiedTime = try c.decodeIfPresent(Date.self, forKey: "LastModifiedTime")
        LastModifiedRegion = try c.decodeIfPresent(String.self, forKey: "LastModifiedRegion")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WireKey.self)
        try c.encodeIfPresent(list, forKey: WireKey(Kind.listKey))
        try c.encodeIfPresent(NextToken, forKey: "NextToken")
        try c.encodeIfPresent(ApproximateTotalCount, forKey: "ApproximateTotalCount")
        try c.encodeIfPresent(LastModifiedTime, forKey: "LastModifiedTime")
        try c.encodeIfPresent(LastModifiedRegion, forKey: "LastModifiedRegion")
    }

    public var items: [Kind.Item] { list ?? [] }
    public var nextToken: String? { NextToken }
}

// MARK: - The rest

/// `DescribeInstance` (its response has a second member, `ReplicationConfiguration`).
public struct DescribeInstanceRequest: ConnectReadRequest {
    public typealias Response = DescribeInstanceResponse
    public static var operation: ConnectOperation { .describeInstance }
    public var InstanceId: String
    public init(instanceId: String) { InstanceId = instanceId }
}

/// `ListTagsForResource` (lower-case member, as in the model).
public struct ListTagsForResourceRequest: ConnectReadRequest {
    public typealias Response = ListTagsForResourceResponse
    public static var operation: ConnectOperation { .listTagsForResource }
    public var resourceArn: String
    public init(resourceArn: String) { self.resourceArn = resourceArn }
}
