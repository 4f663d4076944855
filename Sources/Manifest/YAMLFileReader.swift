import Foundation
import Model
import Yams

/// Reads manifest files: size limit, UTF-8 and binary checks, tab indentation, nesting depth,
/// duplicate keys (pointing at the second occurrence), YAML syntax errors and alias bombs.
enum YAMLFileReader {
    static func read(path: String, diagnostics: inout [Diagnostic]) -> ParsedYAMLFile? {
        let fileStart = SourceLocation(file: path, line: 1, column: 1)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > ManifestLimits.maxFileBytes {
            diagnostics.append(.error(
                "file is too large (\(size) bytes); manifests are limited to \(ManifestLimits.maxFileBytes) bytes (10 MiB)",
                at: fileStart))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(.error("cannot read file", at: fileStart))
            return nil
        }
        return parse(data: data, path: path, diagnostics: &diagnostics)
    }

    /// The file's text (without a byte order mark) once it passes the checks made before parsing:
    /// size, text bytes, not empty, nesting and indentation, complex keys when it has anchors.
    private static func checkedText(data: Data, path: String,
                                    diagnostics: inout [Diagnostic]) -> (bytes: [UInt8], source: SourceText)? {
        let fileStart = SourceLocation(file: path, line: 1, column: 1)
        if data.count > ManifestLimits.maxFileBytes {
            diagnostics.append(.error(
                "file is too large (\(data.count) bytes); manifests are limited to \(ManifestLimits.maxFileBytes) bytes (10 MiB)",
                at: fileStart))
            return nil
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let problem = TextCheck.firstProblem(in: bytes) {
            diagnostics.append(.error(problem.message, at: SourceLocation(file: path, line: problem.line, column: problem.column)))
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let source = SourceText(path: path, text: text)
        if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) || isOnlyComments(source) {
            diagnostics.append(.error("file is empty; a manifest needs at least one top-level key", at: fileStart))
            return nil
        }
        if let problem = TextCheck.structureProblem(in: source) {
            diagnostics.append(.error(problem.message, at: source.location(line: problem.line, column: problem.column)))
            return nil
        }
        if bytes.contains(UInt8(ascii: "&")), let problem = TextCheck.complexKeyProblem(in: source) {
            diagnostics.append(.error(problem.message, at: source.location(line: problem.line, column: problem.column)))
            return nil
        }
        return (bytes, source)
    }

    static func parse(data: Data, path: String, diagnostics: inout [Diagnostic]) -> ParsedYAMLFile? {
        let fileStart = SourceLocation(file: path, line: 1, column: 1)
        guard let checked = checkedText(data: data, path: path, diagnostics: &diagnostics) else { return nil }
        let bytes = checked.bytes, source = checked.source
        var currentText = source.text
        var skipped: Set<Position> = []
        var renamed = 0
        while true {
            do {
                let parser = try Parser(yaml: currentText, resolver: .basic, encoding: .utf8)
                var documents: [Node] = []
                while let node = try parser.nextRoot() {
                    // An empty document (`---` alone) holds nothing; skip it.
                    if case .scalar(let scalar) = node, ReadContext.isNull(scalar) { continue }
                    documents.append(node)
                }
                if documents.isEmpty {
                    diagnostics.append(.error("file is empty; a manifest needs at least one top-level key", at: fileStart))
                    return nil
                }
                // Without an anchor there can be no alias, so no expansion to bound.
                let hasAnchors = bytes.contains(UInt8(ascii: "&"))
                for document in documents where hasAnchors {
                    if let bomb = AliasBudget.check(document) {
                        diagnostics.append(.error(
                            "aliases expand this document to more than \(bomb) nodes; refusing it (an alias bomb?)",
                            at: document.mark.map { source.location(line: $0.line, column: $0.column) } ?? fileStart))
                        return nil
                    }
                }
                return ParsedYAMLFile(source: source, documents: documents, skippedKeys: skipped)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let scanner = DuplicateKeyScanner(source: SourceText(path: path, text: currentText))
                guard renamed < ManifestLimits.maxDuplicateKeysPerFile,
                      let found = scanner.findDuplicate(keys: Set(duplicates), mappingStart: context.mark) else {
                    let mark = context.mark
                    diagnostics.append(.error("duplicate key '\(duplicates.first ?? "")'",
                                              at: source.location(line: mark.line, column: mark.column)))
                    return nil
                }
                diagnostics.append(.error(
                    "duplicate key '\(found.key)'; the first is on line \(found.first.line)",
                    at: source.location(line: found.second.line, column: found.second.column),
                    notes: [.init("first '\(found.key)' is here", at: source.location(line: found.first.line, column: found.first.column))]))
                guard let replaced = scanner.renaming(found, uniqueIndex: renamed) else { return nil }
                currentText = replaced
                skipped.insert(found.second)
                renamed += 1
            } catch let error as YamlError {
                diagnostics.append(describe(error, source: source))
                return nil
            } catch {
                diagnostics.append(.error("invalid YAML: \(error)", at: fileStart))
                return nil
            }
        }
    }

    private static func isOnlyComments(_ source: SourceText) -> Bool {
        // Cheap pre-test before splitting into lines.
        guard source.text.utf8.count < 1_000_000, source.text.contains("#") else { return false }
        return source.lines.allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.first == "#" || (trimmed.count >= 3 && String(String.UnicodeScalarView(trimmed.prefix(3))) == "---")
        }
    }

    /// Turns a Yams/libyaml error into a diagnostic at its position.
    static func describe(_ error: YamlError, source: SourceText) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { source.location(line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let lines = source.lines
            if mark.line >= 1, mark.line <= lines.count {
                let line = lines[mark.line - 1]
                if mark.column >= 1, mark.column <= line.count, line[mark.column - 1] == "\t" {
                    return .error("tab character used for indentation; YAML allows only spaces", at: at(mark))
                }
                if let tab = line.firstIndex(of: "\t"), line[..<tab].allSatisfy({ $0 == " " }) {
                    return .error("tab character used for indentation; YAML allows only spaces",
                                  at: source.location(line: mark.line, column: tab + 1))
                }
            }
            var notes: [Diagnostic.Note] = []
            if let context, !context.text.isEmpty, context.mark.line != mark.line || context.mark.column != mark.column {
                notes.append(.init(context.text, at: at(context.mark)))
            }
            return .error("invalid YAML: \(problem)", at: at(mark), notes: notes)
        case let .reader(problem, offset, _, _):
            let position = offset.map { TextCheck.position(ofByteOffset: $0, in: source.text) } ?? (1, 1)
            return .error("invalid YAML: \(problem)", at: source.location(line: position.0, column: position.1))
        default:
            return .error("invalid YAML: \(error)", at: source.location(line: 1, column: 1))
        }
    }
}
