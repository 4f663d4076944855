/// One page of a List* or Search* response.
public protocol ConnectPage: Sendable {
    associatedtype Item: Sendable
    var items: [Item] { get }
    var nextToken: String? { get }
}

/// The pages of a List* (query `nextToken`/`maxResults`) or Search* (body
/// `NextToken`/`MaxResults`) operation, fetched lazily one request at a time.
///
/// Iteration stops when a page has no `NextToken` (an empty string counts as none).
/// A token the service already returned ends iteration with `ConnectPaginationError`
/// instead of looping forever.
public struct ConnectPages<Page: ConnectPage>: AsyncSequence, Sendable {
    public typealias Element = Page
    public typealias Fetch = @Sendable (_ nextToken: String?, _ pageSize: Int) async throws -> Page

    public let operation: String
    public let pageSize: Int
    let fetch: Fetch

    public init(operation: String, pageSize: Int, fetch: @escaping Fetch) {
        self.operation = operation
        self.pageSize = pageSize
        self.fetch = fetch
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pages: ConnectPages
        var nextToken: String?
        var seen: Set<String> = []
        var finished = false

        public mutating func next() async throws -> Page? {
            if finished { return nil }
            let page: Page
            do {
                page = try await pages.fetch(nextToken, pages.pageSize)
            } catch {
                finished = true
                throw error
            }
            if let token = page.nextToken, !token.isEmpty {
                if !seen.insert(token).inserted || token == nextToken {
                    finished = true
                    throw ConnectPaginationError(operation: pages.operation, token: token)
                }
                nextToken = token
            } else {
                finished = true
            }
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self)
    }

    /// The items of every page, in order.
    public var items: ConnectItems<Page> { ConnectItems(pages: self) }

    /// Fetches every page and returns all items.
    public func collect() async throws -> [Page.Item] {
        var all: [Page.Item] = []
        for try await page in self { all += page.items }
        return all
    }
}

/// The items of `ConnectPages`, flattened.
public struct ConnectItems<Page: ConnectPage>: AsyncSequence, Sendable {
    public typealias Element = Page.Item
    let pages: ConnectPages<Page>

    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: ConnectPages<Page>.AsyncIterator
        var buffer: [Page.Item] = []
        var index = 0

        public mutating func next() async throws -> Page.Item? {
            while index >= buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.items
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    public func collect() async throws -> [Page.Item] { try await pages.collect() }
}

/// Default page sizes: the maximum each operation accepts.
public enum ConnectPageSize {
    /// List* operations (`maxResults` 1–1000).
    public static let list = 1000
    /// ListRoutingProfileQueues and ListQueueQuickConnects (1–100).
    public static let listSmall = 100
    /// ListInstances (1–10).
    public static let listInstances = 10
    /// SearchUsers, SearchQueues, SearchRoutingProfiles (1–500).
    public static let searchLarge = 500
    /// The other Search* operations (1–100).
    public static let search = 100
}
