import Foundation

/// The shared AWS `config` and `credentials` files (INI), parsed like botocore's
/// `raw_config_parse`: `[section]` headers, `key = value` (or `key: value`), full-line
/// comments starting with `#` or `;`, and indented sub-keys under a key with an empty
/// value (the `services` sections). Profiles are `[profile name]` (and `[default]`) in
/// `config`, `[name]` in `credentials`; credentials-file keys win over config-file keys.
public struct SharedConfigFiles: Sendable, Equatable {
    /// Profile name → keys (config and credentials merged).
    public var profiles: [String: [String: String]]
    /// `[services name]` → service → keys (`connect` → `endpoint_url`).
    public var services: [String: [String: [String: String]]]
    /// `[sso-session name]` → keys (`sso_start_url`, `sso_region`, …).
    public var ssoSessions: [String: [String: String]]
    /// Which files were read, for diagnostics.
    public var filesRead: [String]

    public init(profiles: [String: [String: String]] = [:], services: [String: [String: [String: String]]] = [:],
                ssoSessions: [String: [String: String]] = [:], filesRead: [String] = []) {
        self.profiles = profiles
        self.services = services
        self.ssoSessions = ssoSessions
        self.filesRead = filesRead
    }

    /// Path of the config file: `AWS_CONFIG_FILE`, else `~/.aws/config` (`HOME` from `environment`).
    public static func configPath(_ environment: [String: String]) -> String? {
        if let p = environment["AWS_CONFIG_FILE"], !p.isEmpty { return expandHome(p, environment) }
        return environment["HOME"].map { $0 + "/.aws/config" }
    }

    /// Path of the credentials file: `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`.
    public static func credentialsPath(_ environment: [String: String]) -> String? {
        if let p = environment["AWS_SHARED_CREDENTIALS_FILE"], !p.isEmpty { return expandHome(p, environment) }
        return environment["HOME"].map { $0 + "/.aws/credentials" }
    }

    static func expandHome(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }

    /// Reads both files; a missing file is empty, an unreadable one an error.
    public static func load(environment: [String: String]) throws -> SharedConfigFiles {
        var result = SharedConfigFiles()
        if let path = configPath(environment), let text = try readIfPresent(path) {
            result.filesRead.append(path)
            for (section, keys) in parse(text) {
                let name = section.trimmingCharacters(in: .whitespaces)
                if name == "default" {
                    result.profiles["default", default: [:]].merge(flat(keys)) { _, new in new }
                } else if name.hasPrefix("profile ") || name.hasPrefix("profile\t") {
                    let profile = name.dropFirst("profile".count).trimmingCharacters(in: .whitespaces)
                    result.profiles[profile, default: [:]].merge(flat(keys)) { _, new in new }
                } else if name.hasPrefix("sso-session ") {
                    let session = name.dropFirst("sso-session".count).trimmingCharacters(in: .whitespaces)
                    result.ssoSessions[session, default: [:]].merge(flat(keys)) { _, new in new }
                } else if name.hasPrefix("services ") {
                    let services = name.dropFirst("services".count).trimmingCharacters(in: .whitespaces)
                    var byService: [String: [String: String]] = [:]
                    for (key, value) in keys {
                        if case .nested(let sub) = value { byService[key.lowercased()] = sub }
                    }
                    result.services[services] = byService
                }
            }
        }
        if let path = credentialsPath(environment), let text = try readIfPresent(path) {
            result.filesRead.append(path)
            for (section, keys) in parse(text) {
                let name = section.trimmingCharacters(in: .whitespaces)
                result.profiles[name, default: [:]].merge(flat(keys)) { _, new in new }
            }
        }
        return result
    }

    /// The file's text; nil when it does not exist. Read as a stream, so that `/dev/null` (a common
    /// CI setting: `AWS_CONFIG_FILE=/dev/null`) and other empty or special files read as empty, as
    /// boto3 reads them.
    static func readIfPresent(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw AWSTransportError(.configuration, "cannot read \(path): permission denied or not a file")
            }
            defer { try? handle.close() }
            let data = try handle.readToEnd() ?? Data()
            guard let text = String(data: data, encoding: .utf8) else {
                throw AWSTransportError(.configuration, "cannot read \(path): not UTF-8 text")
            }
            return text
        } catch let error as AWSTransportError {
            throw error
        } catch {
            throw AWSTransportError(.configuration, "cannot read \(path): \(error.localizedDescription)")
        }
    }

    public enum Value: Sendable, Equatable {
        case string(String)
        case nested([String: String])
    }

    static func flat(_ keys: [String: Value]) -> [String: String] {
        keys.compactMapValues { if case .string(let s) = $0 { return s } else { return nil } }
    }

    /// Parses INI text into sections of keys, in file order of sections (later duplicates merge).
    public static func parse(_ text: String) -> [(String, [String: Value])] {
        var sections: [(String, [String: Value])] = []
        var index: [String: Int] = [:]
        var current: Int?
        var lastKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("["), let close = trimmed.lastIndex(of: "]") {
                let name = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]).trimmingCharacters(in: .whitespaces)
                if let i = index[name] {
                    current = i
                } else {
                    sections.append((name, [:]))
                    current = sections.count - 1
                    index[name] = current
                }
                lastKey = nil
                continue
            }
            guard let c = current else { continue }
            let indented = line.first == " " || line.first == "\t"
            guard let sep = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = trimmed[..<sep].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: sep)...].trimmingCharacters(in: .whitespaces)
            if indented, let parent = lastKey {
                var sub: [String: String] = [:]
                if case .nested(let existing) = sections[c].1[parent] { sub = existing }
                sub[key] = value
                sections[c].1[parent] = .nested(sub)
                continue
            }
            if value.isEmpty {
                sections[c].1[key] = .nested([:])
                lastKey = key
            } else {
                sections[c].1[key] = .string(value)
                lastKey = nil
            }
        }
        return sections
    }
}
