import Crypto
import Foundation
import Model
import Yams

/// The checks Connect's prompt rules allow offline, on an `audio:` file: it exists, is a .wav or
/// .mp3 whose bytes are that format, is under 50 MB, and a .wav is at most 8 minutes long. Connect
/// plays .wav prompts correctly only as 8 kHz mono µ-law ("You must use .wav files that are 8KHz,
/// and mono channel audio with U-Law encoding. Otherwise, the prompt won't play correctly.",
/// Admin Guide, Play prompt block): anything else is a warning.
enum PromptAudioCheck {
    /// "Amazon Connect supports prompts that are less than 50MB" (Admin Guide).
    static let maxBytes = 50 * 1024 * 1024
    /// Eight minutes, for .wav (design.md §3b, issue #10).
    static let maxWavSeconds = 8 * 60

    static func check(path: String, resolved: String, node: Node, owner: String, context: ReadContext) -> PromptAudio? {
        let what = "audio file '\(path)' of \(owner)"
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = PromptAudio.Format(rawValue: ext) else {
            context.error("\(what) must be a .wav or .mp3 file (Connect's prompt formats)", at: node)
            return nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            context.error("\(what) does not exist (paths are relative to the manifest that names them)", at: node)
            return nil
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.size] as? Int, size >= maxBytes {
            context.error("\(what) is \(size) bytes; Connect accepts prompts under 50 MB", at: node)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            context.error("\(what) cannot be read", at: node)
            return nil
        }
        switch format {
        case .wav:
            guard checkWav(data, what: what, node: node, context: context) else { return nil }
        case .mp3:
            guard isMP3(data) else {
                context.error("\(what) is not an MP3 file (no ID3 tag or MPEG audio frame at its start)", at: node)
                return nil
            }
        }
        let hex = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return PromptAudio(path: path, resolvedPath: resolved, sha256: hex, format: format, byteCount: data.count)
    }

    /// RIFF/WAVE with a `fmt ` chunk and a `data` chunk; duration = data bytes / byte rate.
    static func checkWav(_ data: Data, what: String, node: Node, context: ReadContext) -> Bool {
        guard let info = WavInfo(data) else {
            context.error("\(what) is not a WAV file (expected a RIFF/WAVE header with 'fmt ' and 'data' chunks)", at: node)
            return false
        }
        if info.byteRate > 0, info.dataBytes / info.byteRate > maxWavSeconds {
            context.error("\(what) is \(info.dataBytes / info.byteRate) s long; Connect accepts .wav prompts of at most 8 minutes", at: node)
            return false
        }
        if info.format != 7 || info.channels != 1 || info.sampleRate != 8000 {
            let encoding = info.format == 7 ? "µ-law" : info.format == 1 ? "PCM" : "format \(info.format)"
            context.warning("\(what) is \(info.sampleRate) Hz, \(info.channels) channel(s), \(encoding); Connect plays .wav prompts correctly only as 8 kHz mono µ-law",
                            at: node)
        }
        return true
    }

    static func isMP3(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(3))
        guard bytes.count == 3 else { return false }
        if bytes == Array("ID3".utf8) { return true }
        return bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0
    }
}

/// The parts of a WAV header the checks need.
struct WavInfo {
    var format: Int
    var channels: Int
    var sampleRate: Int
    var byteRate: Int
    var dataBytes: Int

    init?(_ data: Data) {
        let b = [UInt8](data.prefix(1 << 16))
        func u32(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func tag(_ i: Int) -> String { String(decoding: b[i..<i + 4], as: UTF8.self) }
        guard b.count >= 12, tag(0) == "RIFF", tag(8) == "WAVE" else { return nil }
        var i = 12
        var fmt: (Int, Int, Int, Int)?
        while i + 8 <= b.count {
            let size = u32(i + 4)
            if tag(i) == "fmt ", i + 8 + 16 <= b.count {
                fmt = (u16(i + 8), u16(i + 10), u32(i + 12), u32(i + 16))
            } else if tag(i) == "data", let fmt {
                (format, channels, sampleRate, byteRate) = fmt
                // A streaming writer may leave the size 0 or 0xFFFFFFFF: the rest of the file is the data.
                dataBytes = size == 0 || size == 0xFFFF_FFFF ? max(0, data.count - i - 8) : size
                return
            }
            i += 8 + size + (size & 1)
        }
        return nil
    }
}
