import Model
import Yams

/// `users:` — users by username.
struct UserReader: ManifestKindReader {
    let kind = ResourceKind.user
    let summary = "Users by username."

    static let usernameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@+")
    static let phone = ObjectSpec("phone", "Phone settings.", [
        FieldSpec("type", .enumeration(PhoneType.allCases.map(\.rawValue)), required: true, "SOFT_PHONE or DESK_PHONE."),
        FieldSpec("autoAccept", .boolean, "Accept contacts automatically (default false)."),
        FieldSpec("afterContactWorkSeconds", .integer(minimum: 0, maximum: 2_000_000), "After-contact work timeout (default 0)."),
        FieldSpec("deskPhoneNumber", .string(pattern: "^\\+[0-9]{6,15}$"), "E.164 number, required for DESK_PHONE."),
    ])
    let spec = ObjectSpec("user", "A user; the key is the username.", [
        FieldSpec("firstName", .string(minLength: 1, maxLength: 100), "First name."),
        FieldSpec("lastName", .string(minLength: 1, maxLength: 100), "Last name."),
        FieldSpec("email", .string(minLength: 3), "E-mail address."),
        FieldSpec("secondaryEmail", .string(minLength: 3), "Secondary e-mail address."),
        FieldSpec("mobile", .string(pattern: "^\\+[0-9]{6,15}$"), "Mobile number (E.164)."),
        FieldSpec("password", .string(minLength: 1),
                  "Initial password, used on create only; use \"${env:NAME}\". 8-64 characters with upper, lower and digit."),
        FieldSpec("routingProfile", ManifestSchema.name, required: true, "Routing profile by name."),
        FieldSpec("securityProfiles", .list(ManifestSchema.name, minItems: 1, maxItems: 10), required: true,
                  "1 to 10 security profiles by name."),
        FieldSpec("hierarchyGroup", .string(minLength: 1), "Hierarchy group path, e.g. Americas/New York."),
        FieldSpec("phone", .object(UserReader.phone), "Phone settings (default: soft phone, no auto-accept, no after-contact work)."),
        FieldSpec("proficiencies", .map(.map(.integer(minimum: 1, maximum: 5))),
                  "Routing proficiencies: predefined attribute → value → level 1–5 (at most 10); absent: not managed."),
        ManifestSchema.tagsField,
        FieldSpec("renamedFrom", .list(ManifestSchema.name),
                  "Former usernames. Connect cannot rename a user: the old user is deleted and the new one created (a replace, flagged in the plan)."),
    ])

    /// Connect-managed usernames: at most 20 characters (instead of 127), a narrow alphabet.
    func nameProblem(_ name: String) -> String? {
        if name.count > 20 { return "username '\(name)' is \(name.count) characters long; Connect allows at most 20" }
        guard let bad = name.first(where: { !Self.usernameCharacters.contains($0) }) else { return nil }
        return "username '\(name)' contains '\(bad)'; usernames may contain letters, digits and . _ - @ +"
    }

    func read(_ body: ResourceBody) -> User? {
        let mobile = body.phoneNumber("mobile").flatMap { $0.valid ? $0.value : nil }
        let password = readPassword(body)
        let routingProfile = body.reference("routingProfile", to: .routingProfile)
        var securityProfiles: [String]?
        if let node = body["securityProfiles"], let unique = body.references("securityProfiles", to: .securityProfile) {
            if unique.isEmpty || unique.count > 10 {
                body.context.error("\(body.owner) must have 1 to 10 security profiles, found \(unique.count)", at: node)
            } else {
                securityProfiles = unique
            }
        }
        let hierarchyGroup = body.reference("hierarchyGroup", to: .hierarchyGroup)
        let phone = body["phone"] == nil ? PhoneConfig() : readPhone(body)
        let proficiencies = readProficiencies(body)
        let user = User(username: body.name, routingProfile: routingProfile ?? "", securityProfiles: securityProfiles ?? []) {
            $0.firstName = body.limitedString("firstName")
            $0.lastName = body.limitedString("lastName")
            $0.email = email(body, "email")
            $0.secondaryEmail = email(body, "secondaryEmail")
            $0.mobile = mobile
            $0.password = password
            $0.hierarchyGroup = hierarchyGroup
            $0.phone = phone ?? PhoneConfig()
            $0.proficiencies = proficiencies ?? nil
            $0.tags = body.tags
            $0.renamedFrom = body.renamedFrom
        }
        guard routingProfile != nil, securityProfiles != nil, phone != nil, proficiencies != .some(nil) else { return nil }
        return user
    }

    private func email(_ body: ResourceBody, _ key: String) -> String? {
        guard let node = body[key], let value = body.string(key) else { return nil }
        if !Self.isEmail(value) {
            body.context.error("'\(key)' in \(body.owner) is not an e-mail address: '\(value)'", at: node)
            return nil
        }
        return value
    }

    private func readPassword(_ body: ResourceBody) -> SensitiveValue? {
        guard let node = body["password"] else { return nil }
        guard case .scalar(let scalar) = node else {
            body.context.error("'password' in \(body.owner) must be a string, found \(body.context.describe(node))", at: node)
            return nil
        }
        let literal = !ReadContext.mayContainSubstitution(scalar.string)
        guard let value = body.context.text(node, what: body.what("password"))?.text else { return nil }
        if literal {
            if let problem = Self.passwordProblem(value) {
                body.context.error("'password' in \(body.owner) \(problem)", at: node)
            }
            body.context.warning("'password' in \(body.owner) is written in the manifest; use \"${env:NAME}\" to keep it out of Git", at: node)
        } else if let problem = Self.passwordProblem(value) {
            // A substituted password is checked too (else CreateUser fails half-way through apply);
            // the message names where the value came from, never the value.
            body.context.error("'password' in \(body.owner) (the value of '\(scalar.string)') \(problem)", at: node)
        }
        return SensitiveValue(value)
    }

    /// The phone settings; nil when they have errors.
    private func readPhone(_ body: ResourceBody) -> PhoneConfig? {
        guard let p = body.object("phone", spec: Self.phone) else { return nil }
        var phone = PhoneConfig()
        var ok = true
        if let type = p.enumeration("type", as: PhoneType.self) { phone.type = type } else { ok = false }
        if p["autoAccept"] != nil {
            if let value = p.boolean("autoAccept") { phone.autoAccept = value } else { ok = false }
        }
        if p["afterContactWorkSeconds"] != nil {
            if let seconds = p.integer("afterContactWorkSeconds", minimum: 0, maximum: 2_000_000) {
                phone.afterContactWorkSeconds = seconds
            } else { ok = false }
        }
        if let desk = p.phoneNumber("deskPhoneNumber") {
            if desk.valid { phone.deskPhoneNumber = desk.value } else { ok = false }
        }
        if phone.type == .deskPhone && p["deskPhoneNumber"] == nil && ok {
            body.context.error("\(p.owner) has type DESK_PHONE and needs a 'deskPhoneNumber'", at: p.node)
            ok = false
        }
        return ok ? phone : nil
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "<" || $0 == ">" })
    }

    /// Connect's password policy: 8-64 characters with an upper-case letter, a lower-case letter and a digit.
    static func passwordProblem(_ password: String) -> String? {
        if password.count < 8 || password.count > 64 { return "must be 8 to 64 characters long" }
        if !password.contains(where: \.isUppercase) { return "must contain an upper-case letter" }
        if !password.contains(where: \.isLowercase) { return "must contain a lower-case letter" }
        if !password.contains(where: \.isNumber) { return "must contain a digit" }
        return nil
    }

    func store(_ resources: [User], into desired: inout DesiredState) {
        desired.users = resources.sortedByName()
    }
}
