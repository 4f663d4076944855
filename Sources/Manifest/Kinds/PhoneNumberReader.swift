import Model

/// `phoneNumbers:` — numbers already claimed in the instance, by E.164 (design.md §3b): the
/// flow each rings and its description. Patchbay never claims or releases a number.
struct PhoneNumberReader: ManifestKindReader {
    let kind = ResourceKind.phoneNumber
    let summary = "Phone numbers already claimed in the instance, by E.164 number (never claimed or released by Patchbay)."

    let spec = ObjectSpec("phoneNumber", "A claimed phone number.", [
        FieldSpec("flow", ManifestSchema.name, "The flow a call to the number runs, by name; absent leaves it as it is."),
        FieldSpec("description", .string(maxLength: 500), "The number's description; absent leaves it as it is."),
    ])

    func nameProblem(_ name: String) -> String? {
        ResourceBody.isE164(name) ? nil : "phone number '\(name)' must be an E.164 number like +15550100 (quote it in YAML)"
    }

    func read(_ body: ResourceBody) -> PhoneNumber? {
        let flow = body.reference("flow", to: .flow)
        let description = body.limitedString("description")
        return PhoneNumber(number: body.name) { $0.flow = flow; $0.description = description }
    }

    func store(_ resources: [PhoneNumber], into desired: inout DesiredState) {
        desired.phoneNumbers = resources.sortedByName()
    }
}
