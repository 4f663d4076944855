import Model

/// The manifest language's key tables: the single source the loader checks keys against and
/// the JSON Schema (`schemas/patchbay.schema.json`) and docs are generated from. The tables of
/// each kind are in its reader (`Kinds/`); the top level lists the global keys, then the
/// sections of `ManifestKinds.sections`.
public enum ManifestSchema {
    static let name = FieldShape.string(minLength: 1, maxLength: 127)
    static let description = FieldShape.string(minLength: 1, maxLength: 250)
    static let tags = FieldShape.map(.string(maxLength: 256))
    static let renamedFrom = FieldSpec("renamedFrom", .list(name),
                                       "Former names: rename the live resource in place instead of delete + create.")
    static let tagsField = FieldSpec("tags", tags, "Tags for this resource (added to the top-level tags).")
    static let descriptionField = FieldSpec("description", description, "Free text.")

    public static let instance = ObjectSpec("instance", "The Connect instance to manage.", [
        FieldSpec("id", .string(minLength: 1), "Instance id (UUID) or instance ARN."),
        FieldSpec("region", .string(pattern: "^[a-z]{2}(-[a-z]+)+-[0-9]+$"), "AWS region, e.g. us-east-1."),
    ])

    public static let environment = ObjectSpec("environment", "One deployment target selected with --env NAME.", [
        FieldSpec("instance", .object(instance), "Overrides the top-level instance."),
        FieldSpec("variables", .map(.string()), "Override the top-level variables."),
        FieldSpec("promptBucket", promptBucket, "Overrides the top-level promptBucket."),
    ])

    static let promptBucket = FieldShape.string(pattern: "^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$")

    /// An `external: true` declaration.
    public static let external = ObjectSpec("external", "A resource managed elsewhere: referenced, never changed.", [
        FieldSpec("external", .trueLiteral, required: true, "Declares the resource as managed elsewhere."),
    ])

    /// The keys that are not resource sections.
    static let globals = [
        FieldSpec("stack", .string(pattern: "^[A-Za-z0-9 _.:/=+@-]{1,256}$"), "Ownership tag value (default \"default\")."),
        FieldSpec("instance", .object(instance), "The Connect instance to manage."),
        FieldSpec("environments", .map(.object(environment)), "Named environments, selected with --env NAME."),
        FieldSpec("variables", .map(.string()), "Default values for ${var:NAME}."),
        FieldSpec("tags", tags, "Tags added to every managed resource."),
        FieldSpec("promptBucket", promptBucket,
                  "s3://BUCKET/PREFIX/ where prompts' audio files are uploaded (as PREFIX/SHA256.wav); Connect must be able to read the bucket."),
    ]

    public static let topLevel = ObjectSpec("manifest", "A Patchbay manifest file.",
                                            globals + ManifestKinds.sections.map(\.field))
}
