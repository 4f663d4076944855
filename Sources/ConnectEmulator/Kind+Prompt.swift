import Foundation

/// Prompts: Create, Describe, Update, Delete, List, Search (so flows may reference prompts).
enum PromptKind {
    static let handler = KindHandler(
        kind: .prompt, quota: { $0.promptsPerInstance },
        operations: [
            "CreatePrompt": KindHandler.create(.prompt, maxDescription: nil) { s, c, attrs, hidden in
                let uri = try c.requiredString("S3Uri")
                try PromptKind.checkObject(s, uri)
                if let d = c.string("Description") { attrs["Description"] = .string(d) }
                hidden["S3Uri"] = .string(uri)
            },
            "UpdatePrompt": { s, c in
                let r = try s.updateOp(.prompt, c) { r in
                    try s.rename(.prompt, c, &r, maxDescription: nil)
                    if let uri = c.string("S3Uri") {
                        try PromptKind.checkObject(s, uri)
                        r.hidden["S3Uri"] = .string(uri)
                    }
                }
                return s.createResponse(.prompt, r)
            },
        ])
}

extension PromptKind {
    /// The model's S3Uri pattern (`s3://\\S+/.+|https://…\\.s3\\.…\\.amazonaws\\.com/…`), and, with
    /// `promptObjects: .required` (the default), an `s3://` object the emulator's S3 must hold.
    /// The API reference does not say how Connect answers a missing object; the emulator answers
    /// InvalidParameterException (one of CreatePrompt's documented errors), and
    /// `--prompt-objects any` turns the check off for URIs of buckets outside the emulator.
    static func checkObject(_ s: ConnectService, _ uri: String) throws {
        guard uri.hasPrefix("s3://") || uri.hasPrefix("https://") else {
            throw ConnectError.invalidParameter("S3Uri must be an s3:// or https:// URI")
        }
        if s.configuration.promptObjects == .required, uri.hasPrefix("s3://"), !s.holdsObject(s3Uri: uri) {
            throw ConnectError.invalidParameter("S3Uri \(uri): the object does not exist (or is not readable)")
        }
    }
}
