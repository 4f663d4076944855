import Model

/// The manifest language's key tables: the single source the loader checks keys against and
/// the JSON Schema (`schemas/patchbay.schema.json`) and docs are generated from.
public enum ManifestSchema {
    static let name = FieldShape.string(minLength: 1, maxLength: 127)
    static let description = FieldShape.string(minLength: 1, maxLength: 250)
    static let tags = FieldShape.map(.string(maxLength: 256))
    static let renamedFrom = FieldSpec("renamedFrom", .list(name),
                                       "Former names: rename the live resource in place instead of delete + create.")
    static let tagsField = FieldSpec("tags", tags, "Tags for this resource (added to the top-level tags).")
    static let day = FieldShape.stringOrList(.string(pattern: "^[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]$"))
    static let channels = FieldShape.enumeration(Channel.allCases.map(\.rawValue))

    public static let instance = ObjectSpec("instance", "The Connect instance to manage.", [
        FieldSpec("id", .string(minLength: 1), "Instance id (UUID) or instance ARN."),
        FieldSpec("region", .string(pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$"), "AWS region, e.g. us-east-1."),
    ])

    public static let environment = ObjectSpec("environment", "One deployment target selected with --env NAME.", [
        FieldSpec("instance", .object(instance), "Overrides the top-level instance."),
        FieldSpec("variables", .map(.string()), "Override the top-level variables."),
    ])

    public static let hours = ObjectSpec("hoursOfOperation", "Hours of operation.", [
        FieldSpec("timeZone", .string(minLength: 1), required: true, "IANA time zone, e.g. America/New_York."),
        FieldSpec("description", description, "Free text."),
        FieldSpec("schedule", .object(ObjectSpec("schedule", "Open ranges per weekday; days not listed are closed.",
            Weekday.allCases.map { FieldSpec($0.rawValue, day, "\"HH:MM-HH:MM\" or a list of them.") })),
                  "Open ranges per weekday; days not listed are closed."),
        tagsField, renamedFrom,
    ])

    public static let outboundCallerId = ObjectSpec("outboundCallerId", "Outbound caller configuration.", [
        FieldSpec("name", .string(minLength: 1, maxLength: 255), "Caller id name."),
        FieldSpec("number", .string(minLength: 1), "Caller id number (E.164), claimed in the instance."),
        FieldSpec("flow", name, "Outbound whisper flow (type OUTBOUND_WHISPER) by name."),
    ])

    public static let queue = ObjectSpec("queue", "A standard queue.", [
        FieldSpec("hoursOfOperation", name, required: true, "Hours of operation by name."),
        FieldSpec("description", description, "Free text."),
        FieldSpec("maxContacts", .integer(minimum: 0), "Maximum contacts in queue; absent = no limit."),
        FieldSpec("status", .enumeration(Queue.Status.allCases.map(\.rawValue)), "ENABLED (default) or DISABLED."),
        FieldSpec("outboundCallerId", .object(outboundCallerId), "Outbound caller configuration."),
        FieldSpec("quickConnects", .list(name), "Quick connects by name (declared or external)."),
        tagsField, renamedFrom,
    ])

    public static let routingProfileQueue = ObjectSpec("routingProfileQueue", "One queue of a routing profile.", [
        FieldSpec("queue", name, required: true, "Queue by name."),
        FieldSpec("channels", .list(channels, minItems: 1), required: true, "Channels this queue serves."),
        FieldSpec("priority", .integer(minimum: 1, maximum: 99), "1 (highest, default) to 99."),
        FieldSpec("delay", .integer(minimum: 0, maximum: 9999), "Seconds before contacts route to agents, 0 (default) to 9999."),
    ])

    public static let concurrency = ObjectSpec("concurrency", "Enabled channels and their concurrency.", [
        FieldSpec("voice", .integer(minimum: 1, maximum: 1), "Always 1."),
        FieldSpec("chat", .integer(minimum: 1, maximum: 10), "1 to 10."),
        FieldSpec("task", .integer(minimum: 1, maximum: 10), "1 to 10."),
        FieldSpec("email", .integer(minimum: 1, maximum: 10), "1 to 10."),
    ])

    public static let routingProfile = ObjectSpec("routingProfile", "A routing profile.", [
        FieldSpec("description", description, required: true, "Required by Connect, 1 to 250 characters."),
        FieldSpec("defaultOutboundQueue", name, required: true, "Queue by name (declared, default or external)."),
        FieldSpec("concurrency", .object(concurrency), required: true, "Channels listed are enabled."),
        FieldSpec("queues", .list(.object(routingProfileQueue)), "Queues and their channels, priority and delay."),
        tagsField, renamedFrom,
    ])

    public static let flow = ObjectSpec("flow", "A contact flow.", [
        FieldSpec("type", .enumeration(FlowType.allCases.map(\.rawValue)), required: true, "Connect's flow type."),
        FieldSpec("description", description, "Free text."),
        FieldSpec("content", .string(minLength: 1), required: true, "Flow language JSON file, relative to this manifest."),
        FieldSpec("status", .enumeration(FlowStatus.allCases.map(\.rawValue)), "PUBLISHED (default) or SAVED."),
        FieldSpec("state", .enumeration(FlowState.allCases.map(\.rawValue)), "ACTIVE (default) or ARCHIVED."),
        tagsField, renamedFrom,
    ])

    public static let flowModule = ObjectSpec("flowModule", "A flow module.", [
        FieldSpec("description", description, "Free text."),
        FieldSpec("content", .string(minLength: 1), required: true, "Flow language JSON file, relative to this manifest."),
        FieldSpec("status", .enumeration(FlowStatus.allCases.map(\.rawValue)), "PUBLISHED (default) or SAVED."),
        FieldSpec("state", .enumeration(FlowState.allCases.map(\.rawValue)), "ACTIVE (default) or ARCHIVED."),
        tagsField, renamedFrom,
    ])

    public static let securityProfile = ObjectSpec("securityProfile", "A security profile.", [
        FieldSpec("description", description, "Free text."),
        FieldSpec("permissions", .list(.string(minLength: 1)), "Permission names as Connect spells them."),
        tagsField,
    ])

    public static let userHierarchy = ObjectSpec("userHierarchy", "Hierarchy levels and the group tree.", [
        FieldSpec("levels", .list(.string(minLength: 1, maxLength: 50), minItems: 1, maxItems: 5), "Level names, top first (1 to 5)."),
        FieldSpec("groups", .groupTree, "Group tree; a group is addressed by its path \"Americas/New York\"."),
    ])

    public static let phone = ObjectSpec("phone", "Phone settings.", [
        FieldSpec("type", .enumeration(PhoneType.allCases.map(\.rawValue)), required: true, "SOFT_PHONE or DESK_PHONE."),
        FieldSpec("autoAccept", .boolean, "Accept contacts automatically (default false)."),
        FieldSpec("afterContactWorkSeconds", .integer(minimum: 0, maximum: 2_000_000), "After-contact work timeout (default 0)."),
        FieldSpec("deskPhoneNumber", .string(pattern: "^\\+[0-9]{6,15}$"), "E.164 number, required for DESK_PHONE."),
    ])

    public static let user = ObjectSpec("user", "A user; the key is the username.", [
        FieldSpec("firstName", .string(minLength: 1, maxLength: 100), "First name."),
        FieldSpec("lastName", .string(minLength: 1, maxLength: 100), "Last name."),
        FieldSpec("email", .string(minLength: 3), "E-mail address."),
        FieldSpec("secondaryEmail", .string(minLength: 3), "Secondary e-mail address."),
        FieldSpec("mobile", .string(pattern: "^\\+[0-9]{6,15}$"), "Mobile number (E.164)."),
        FieldSpec("password", .string(minLength: 1),
                  "Initial password, used on create only; use \"${env:NAME}\". 8-64 characters with upper, lower and digit."),
        FieldSpec("routingProfile", name, required: true, "Routing profile by name."),
        FieldSpec("securityProfiles", .list(name, minItems: 1, maxItems: 10), required: true, "1 to 10 security profiles by name."),
        FieldSpec("hierarchyGroup", .string(minLength: 1), "Hierarchy group path, e.g. Americas/New York."),
        FieldSpec("phone", .object(phone), "Phone settings (default: soft phone, no auto-accept, no after-contact work)."),
        tagsField,
        FieldSpec("renamedFrom", .list(name),
                  "Former usernames. Connect cannot rename a user: the old user is deleted and the new one created (a replace, flagged in the plan)."),
    ])

    /// An `external: true` declaration.
    public static let external = ObjectSpec("external", "A resource managed elsewhere: referenced, never changed.", [
        FieldSpec("external", .trueLiteral, required: true, "Declares the resource as managed elsewhere."),
    ])

    /// Placeholders for kinds that can only be declared external for now.
    public static let externalOnly = ObjectSpec("externalOnly", "Only `external: true` declarations are supported.", [])

    public static let topLevel = ObjectSpec("manifest", "A Patchbay manifest file.", [
        FieldSpec("stack", .string(pattern: "^[A-Za-z0-9 _.:/=+@-]{1,256}$"), "Ownership tag value (default \"default\")."),
        FieldSpec("instance", .object(instance), "The Connect instance to manage."),
        FieldSpec("environments", .map(.object(environment)), "Named environments, selected with --env NAME."),
        FieldSpec("variables", .map(.string()), "Default values for ${var:NAME}."),
        FieldSpec("tags", tags, "Tags added to every managed resource."),
        FieldSpec("hoursOfOperation", .resources(hours), "Hours of operation by name."),
        FieldSpec("queues", .resources(queue), "Queues by name."),
        FieldSpec("routingProfiles", .resources(routingProfile), "Routing profiles by name."),
        FieldSpec("flows", .resources(flow), "Contact flows by name."),
        FieldSpec("flowModules", .resources(flowModule), "Flow modules by name."),
        FieldSpec("securityProfiles", .resources(securityProfile), "Security profiles by name."),
        FieldSpec("userHierarchy", .object(userHierarchy), "Hierarchy levels and groups."),
        FieldSpec("users", .resources(user), "Users by username."),
        FieldSpec("quickConnects", .resources(externalOnly), "Quick connects (external declarations only, for now)."),
        FieldSpec("prompts", .resources(externalOnly), "Prompts (external declarations only, for now)."),
    ])
}
