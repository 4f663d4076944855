import Foundation

/// A stored resource's address: its kind and id.
struct ResourceRef: Hashable, Sendable {
    var kind: ResourceKind
    var id: String
}

/// One kind's resources: by id, an index by name, and the (name, id) order that List and
/// Search return. Every write is O(log n) plus one array move; nothing is sorted per request.
struct ResourceTable: Sendable {
    private(set) var byId: [String: StoredResource] = [:]
    /// Names can repeat (agent queues have none), so a name maps to a set of ids.
    private var idsByName: [String: Set<String>] = [:]
    /// (name, id) keys in ascending order.
    private var order: [SortKey] = []

    struct SortKey: Comparable, Sendable {
        var name: String
        var id: String
        static func < (a: SortKey, b: SortKey) -> Bool { (a.name, a.id) < (b.name, b.id) }
    }

    var count: Int { byId.count }

    subscript(id: String) -> StoredResource? { byId[id] }

    /// All resources in (name, id) order.
    var sorted: [StoredResource] { order.compactMap { byId[$0.id] } }

    /// The same order as a view: a page of it costs its own size plus a binary search,
    /// not the whole table (List without a filter). `order` and `byId` always hold the same ids.
    var ordered: LazyMapCollection<[SortKey], StoredResource> {
        let byId = byId
        return order.lazy.map { byId[$0.id]! }
    }

    func named(_ name: String) -> [StoredResource] {
        (idsByName[name] ?? []).compactMap { byId[$0] }
    }

    /// Inserts or replaces; returns the previous version.
    @discardableResult
    mutating func put(_ r: StoredResource) -> StoredResource? {
        let old = byId.updateValue(r, forKey: r.id)
        if let old, old.name == r.name { return old }
        if let old { unindex(old) }
        idsByName[r.name, default: []].insert(r.id)
        let key = SortKey(name: r.name, id: r.id)
        order.insert(key, at: insertionIndex(key))
        return old
    }

    @discardableResult
    mutating func remove(_ id: String) -> StoredResource? {
        guard let old = byId.removeValue(forKey: id) else { return nil }
        unindex(old)
        return old
    }

    private mutating func unindex(_ r: StoredResource) {
        idsByName[r.name]?.remove(r.id)
        if idsByName[r.name]?.isEmpty == true { idsByName[r.name] = nil }
        let key = SortKey(name: r.name, id: r.id)
        let i = insertionIndex(key)
        if i < order.count, order[i] == key { order.remove(at: i) }
    }

    /// The first position whose key is not less than `key` (binary search).
    private func insertionIndex(_ key: SortKey) -> Int {
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if order[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Who refers to whom (e.g. user → routing profile), kept up to date on every write so
/// in-use checks and counts (NumberOfAssociatedUsers) never scan a table.
struct ReferenceIndex: Sendable {
    /// target → referring kind → referring ids.
    private var referrers: [ResourceRef: [ResourceKind: Set<String>]] = [:]

    func referrers(of target: ResourceRef, kind: ResourceKind) -> Set<String> {
        referrers[target]?[kind] ?? []
    }

    mutating func update(from source: ResourceRef, old: [ResourceRef], new: [ResourceRef]) {
        let oldSet = Set(old), newSet = Set(new)
        for t in oldSet.subtracting(newSet) {
            referrers[t]?[source.kind]?.remove(source.id)
            if referrers[t]?[source.kind]?.isEmpty == true { referrers[t]?[source.kind] = nil }
            if referrers[t]?.isEmpty == true { referrers[t] = nil }
        }
        for t in newSet.subtracting(oldSet) {
            referrers[t, default: [:]][source.kind, default: []].insert(source.id)
        }
    }
}
