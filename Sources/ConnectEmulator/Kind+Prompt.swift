import Foundation

/// Prompts: Create, Describe, Update, Delete, List, Search (so flows may reference prompts).
enum PromptKind {
    static let handler = KindHandler(
        kind: .prompt, quota: { $0.promptsPerInstance },
        operations: [
            "CreatePrompt": KindHandler.create(.prompt, maxDescription: nil) { s, c, attrs, hidden in
                let uri = try c.requiredString("S3Uri")
                guard uri.hasPrefix("s3://") || uri.hasPrefix("https://") else {
                    throw ConnectError.invalidParameter("S3Uri must be an s3:// or https:// URI")
                }
                if let d = c.string("Description") { attrs["Description"] = .string(d) }
                hidden["S3Uri"] = .string(uri)
            },
            "UpdatePrompt": { s, c in
                let r = try s.updateOp(.prompt, c) { r in
                    try s.rename(.prompt, c, &r, maxDescription: nil)
                    if let uri = c.string("S3Uri") { r.hidden["S3Uri"] = .string(uri) }
                }
                return s.createResponse(.prompt, r)
            },
        ])
}
