import Foundation

/// Phone numbers, from a fake, deterministic pool, so that tests and users can set numbers up
/// the way they would in Connect: SearchAvailablePhoneNumbers, ClaimPhoneNumber,
/// ReleasePhoneNumber, ListPhoneNumbersV2, DescribePhoneNumber, UpdatePhoneNumberMetadata,
/// Associate/DisassociatePhoneNumberContactFlow and ListFlowAssociations (VOICE_PHONE_NUMBER).
/// What each does is quoted from the API reference below; docs/emulator.md ("Phone numbers")
/// says what the emulator adds where the reference is silent.
///
/// The pool: every E.164 number (`\+[1-9]\d{1,14}`, the model's `PhoneNumber` pattern) whose
/// dial code is in `countries` is claimable unless it is claimed already; a number starting
/// with a North American toll-free code (+1800, +1888, …) is TOLL_FREE, any other DID.
/// SearchAvailablePhoneNumbers lists the free numbers of `searchBase` in order.
/// Phone-number ARNs have no instance segment: `arn:aws:connect:{region}:{account}:phone-number/{id}`.
enum PhoneNumberKind {
    /// Dial code → country code, and the first number Search offers per type.
    static let countries: [(dial: String, country: String)] = [
        ("+1", "US"), ("+44", "GB"), ("+49", "DE"), ("+33", "FR"), ("+61", "AU"), ("+81", "JP"),
    ]
    static let tollFreeCodes = ["+1800", "+1888", "+1877", "+1866", "+1855", "+1844", "+1833"]
    static let searchBase: [String: (did: String, tollFree: String)] = [
        "US": ("+15550100", "+18005550"), "GB": ("+4420790", "+448000"), "DE": ("+493012", "+49800"),
        "FR": ("+33140", "+33800"), "AU": ("+61290", "+611800"), "JP": ("+81312", "+81120"),
    ]
    /// The model's `PhoneNumber` pattern, `\\+[1-9]\\d{1,14}$`.
    static func isE164(_ number: String) -> Bool {
        let digits = number.utf8.dropFirst()
        return number.hasPrefix("+") && (2...15).contains(digits.count) && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
            && digits.first != 48
    }

    static let handler = KindHandler(
        kind: .phoneNumber, hasLastModified: false, deletable: false, genericOperations: false, quota: { _ in Int.max },
        operations: [
            "SearchAvailablePhoneNumbers": { s, c in try s.searchAvailableNumbers(c) },
            "ClaimPhoneNumber": { s, c in try s.claimNumber(c) },
            "ReleasePhoneNumber": { s, c in
                // "Releases a phone number previously claimed to an Amazon Connect instance"; its
                // flow association goes with it.
                let r = try s.claimedNumber(c.label("PhoneNumberId"))
                s.state.remove(.phoneNumber, r.id)
                return nil
            },
            "ListPhoneNumbersV2": { s, c in try s.listNumbers(c) },
            "DescribePhoneNumber": { s, c in
                let r = try s.claimedNumber(c.label("PhoneNumberId"))
                return ["ClaimedPhoneNumberSummary": s.numberSummary(r, full: true)]
            },
            "UpdatePhoneNumberMetadata": { s, c in
                // "Updates a phone number’s metadata" (PhoneNumberDescription, 0–500 characters).
                var r = try s.claimedNumber(c.label("PhoneNumberId"))
                if let d = c.string("PhoneNumberDescription") {
                    try s.validateDescription(d, max: 500, field: "PhoneNumberDescription")
                    r.attrs["PhoneNumberDescription"] = .string(d)
                }
                s.touch(.phoneNumber, &r)
                return nil
            },
            "AssociatePhoneNumberContactFlow": { s, c in
                // "Associates a flow with a phone number claimed to your Amazon Connect instance."
                try s.checkInstance(c)
                var r = try s.claimedNumber(c.label("PhoneNumberId"), inInstance: true)
                let flow = try s.require(.contactFlow, try c.requiredString("ContactFlowId"))
                r.hidden["ContactFlowId"] = .string(flow.id)
                s.touch(.phoneNumber, &r)
                return nil
            },
            "DisassociatePhoneNumberContactFlow": { s, c in
                // "Removes the flow association from a phone number claimed to your Amazon Connect
                // instance." The reference is silent on a number without one: accepted.
                // InstanceId is the `instanceId` query member here (the model's binding).
                var query = c
                query.params["InstanceId"] = c.queryValue("instanceId") ?? ""
                try s.checkInstance(query)
                var r = try s.claimedNumber(c.label("PhoneNumberId"), inInstance: true)
                r.hidden["ContactFlowId"] = nil
                s.touch(.phoneNumber, &r)
                return nil
            },
            "ListFlowAssociations": { s, c in try s.listFlowAssociations(c) },
        ],
        references: { r in r.hidden["ContactFlowId"]?.stringValue.map { [ResourceRef(kind: .contactFlow, id: $0)] } ?? [] })

    /// The country and type of a claimable number; nil when the pool has no such number.
    static func classify(_ number: String) -> (country: String, type: String)? {
        guard isE164(number),
              let country = countries.filter({ number.hasPrefix($0.dial) }).max(by: { $0.dial.count < $1.dial.count }) else { return nil }
        return (country.country, tollFreeCodes.contains { number.hasPrefix($0) } ? "TOLL_FREE" : "DID")
    }
}

extension ConnectService {
    var phoneNumberArnPrefix: String {
        "arn:aws:connect:\(state.region):\(state.accountId):phone-number/"
    }

    /// The claimed number with this id (or ARN); with `inInstance`, claimed to this instance.
    func claimedNumber(_ id: String, inInstance: Bool = false) throws -> StoredResource {
        let key = id.hasPrefix(phoneNumberArnPrefix) ? String(id.dropFirst(phoneNumberArnPrefix.count)) : id
        guard let r = state.get(.phoneNumber, key), !inInstance || r.attrs["InstanceId"]?.stringValue == state.instanceId else {
            throw ConnectError.notFound("Phone number \(id) not found")
        }
        return r
    }

    /// "You must enter InstanceId or TargetArn" (ClaimPhoneNumber, SearchAvailablePhoneNumbers):
    /// exactly one, naming this instance.
    func numberTarget(_ c: ServiceCall) throws {
        let iid = c.string("InstanceId"), target = c.string("TargetArn")
        guard (iid == nil) != (target == nil) else {
            throw ConnectError.invalidParameter("Exactly one of InstanceId or TargetArn is required")
        }
        guard iid == state.instanceId || iid == state.instanceArn || target == state.instanceArn else {
            throw ConnectError.notFound("Instance \(iid ?? target ?? "") not found")
        }
    }

    func numberSummary(_ r: StoredResource, full: Bool) -> JSONValue {
        var o = r.attrs
        o["PhoneNumberId"] = .string(r.id)
        o["PhoneNumberArn"] = .string(r.arn)
        o["PhoneNumber"] = .string(r.name)
        if full {
            o["Tags"] = .object(r.tags.mapValues { .string($0) })
            o["PhoneNumberStatus"] = ["Status": "CLAIMED"]
        }
        return .object(o)
    }

    /// "Searches for available phone numbers that you can claim": the pool's free numbers of
    /// the country and type, from `searchBase`, filtered by `PhoneNumberPrefix`; MaxResults 1–10.
    func searchAvailableNumbers(_ c: ServiceCall) throws -> JSONValue {
        try numberTarget(c)
        let country = try c.requiredString("PhoneNumberCountryCode"), type = try c.requiredString("PhoneNumberType")
        guard let base = PhoneNumberKind.searchBase[country] else {
            throw ConnectError.invalidParameter("The emulator's pool has no numbers in \(country)")
        }
        let stem = type == "TOLL_FREE" ? base.tollFree : (type == "DID" ? base.did : nil)
        let claimed = Set(state.all(.phoneNumber).map(\.name))
        var free: [String] = []
        if let stem {
            let prefix = c.string("PhoneNumberPrefix").map { $0.hasPrefix("+") ? $0 : "+" + $0 }
            for n in 0..<1000 {
                let number = stem + String(format: "%03d", n)
                if !claimed.contains(number), prefix.map(number.hasPrefix) ?? true { free.append(number) }
            }
        }
        let (page, next) = try paginate(free, key: { [$0] }, call: c, token: c.string("NextToken"), maxResults: try c.int("MaxResults"),
                                        limit: 10, defaultSize: 10, scope: "\(country)|\(type)|\(c.string("PhoneNumberPrefix") ?? "")")
        var o: [String: JSONValue] = ["AvailableNumbersList": .array(page.map {
            ["PhoneNumber": .string($0), "PhoneNumberCountryCode": .string(country), "PhoneNumberType": .string(type)]
        })]
        if let next { o["NextToken"] = .string(next) }
        return .object(o)
    }

    /// "Claims an available phone number to your Amazon Connect instance": a number of the pool
    /// not claimed already (else InvalidParameterException; the reference is silent on which error).
    func claimNumber(_ c: ServiceCall) throws -> JSONValue {
        try numberTarget(c)
        let number = try c.requiredString("PhoneNumber")
        guard let (country, type) = PhoneNumberKind.classify(number) else {
            throw ConnectError.invalidParameter("PhoneNumber \(number) is not an available phone number")
        }
        guard state.byName(.phoneNumber, number).isEmpty else {
            throw ConnectError.invalidParameter("PhoneNumber \(number) is already claimed")
        }
        if let d = c.string("PhoneNumberDescription") { try validateDescription(d, max: 500, field: "PhoneNumberDescription") }
        let id = newId()
        var r = StoredResource(id: id, arn: phoneNumberArnPrefix + id, name: number, tags: try parseTags(c.body["Tags"]),
                               created: now, modified: now)
        r.attrs = ["PhoneNumberCountryCode": .string(country), "PhoneNumberType": .string(type),
                   "TargetArn": .string(state.instanceArn), "InstanceId": .string(state.instanceId)]
        if let d = c.string("PhoneNumberDescription") { r.attrs["PhoneNumberDescription"] = .string(d) }
        state.put(.phoneNumber, r)
        return ["PhoneNumberId": .string(r.id), "PhoneNumberArn": .string(r.arn)]
    }

    /// "Lists phone numbers claimed to your Amazon Connect instance or traffic distribution group",
    /// in number order, filtered by InstanceId / TargetArn, country codes, types and prefix.
    func listNumbers(_ c: ServiceCall) throws -> JSONValue {
        if let iid = c.string("InstanceId"), iid != state.instanceId, iid != state.instanceArn {
            throw ConnectError.notFound("Instance \(iid) not found")
        }
        if let target = c.string("TargetArn"), target != state.instanceArn { throw ConnectError.notFound("Target \(target) not found") }
        let countries = try c.stringList("PhoneNumberCountryCodes") ?? [], types = try c.stringList("PhoneNumberTypes") ?? []
        let prefix = c.string("PhoneNumberPrefix").map { $0.hasPrefix("+") ? $0 : "+" + $0 }
        let numbers = state.all(.phoneNumber).filter { r in
            (countries.isEmpty || countries.contains(r.attrs["PhoneNumberCountryCode"]?.stringValue ?? ""))
                && (types.isEmpty || types.contains(r.attrs["PhoneNumberType"]?.stringValue ?? ""))
                && (prefix.map(r.name.hasPrefix) ?? true)
        }
        let scope = [countries.joined(separator: ","), types.joined(separator: ","), prefix ?? ""].joined(separator: "|")
        let (page, next) = try paginate(numbers, key: Self.nameKey, call: c, token: c.string("NextToken"),
                                        maxResults: try c.int("MaxResults"), limit: 1000, scope: scope)
        var o: [String: JSONValue] = ["ListPhoneNumbersSummaryList": .array(page.map { numberSummary($0, full: false) })]
        if let next { o["NextToken"] = .string(next) }
        return .object(o)
    }

    /// ListFlowAssociations: `ResourceId` and `FlowId` are ARNs. Only VOICE_PHONE_NUMBER
    /// associations are modelled; another `ResourceType` lists none.
    func listFlowAssociations(_ c: ServiceCall) throws -> JSONValue {
        try checkInstance(c)
        let type = c.queryValue("ResourceType")
        let associated: [(StoredResource, StoredResource)] = type == nil || type == "VOICE_PHONE_NUMBER"
            ? state.all(.phoneNumber).compactMap { r in
                r.hidden["ContactFlowId"]?.stringValue.flatMap { state.get(.contactFlow, $0) }.map { (r, $0) }
            } : []
        return .object(try listPage(c, associated, key: { Self.nameKey($0.0) }, render: { number, flow in
            ["ResourceId": .string(number.arn), "FlowId": .string(flow.arn), "ResourceType": "VOICE_PHONE_NUMBER"]
        }, member: "FlowAssociationSummaryList", scope: type ?? ""))
    }
}
