import Foundation
import Testing
@testable import ConnectEmulator

@Suite("Emulator building blocks")
struct EmulatorUnitTests {
    @Test("SHA-256 matches known vectors")
    func sha256() {
        #expect(SHA256Digest.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(Array(String(repeating: "a", count: 1000).utf8))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("router: percent-decoded labels, encoded ARNs stay whole, repeated query keys")
    func router() {
        let arn = "arn:aws:connect:us-east-1:1:instance/i/queue/q"
        let encoded = arn.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(Router.match(method: "GET", rawPath: "/tags/\(encoded)")?.1["resourceArn"] == arn)
        #expect(Router.match(method: "GET", rawPath: "/contact-flows/i/f%3A%24SAVED")?.1["ContactFlowId"] == "f:$SAVED")
        #expect(Router.match(method: "GET", rawPath: "/quick-connects/i")?.0 == "ListQuickConnects")
        #expect(Router.match(method: "GET", rawPath: "/quick-connects/i/q")?.0 == "DescribeQuickConnect")
        #expect(Router.match(method: "PATCH", rawPath: "/queues/i") == nil)
        #expect(Router.parseQuery("tagKeys=a&tagKeys=b%20c&x=")["tagKeys"] == ["a", "b c"])
        #expect(Set(Router.operations).count == Router.operations.count)
    }

    @Test("flow validator: structure problems and references")
    func flowValidator() {
        #expect(FlowValidator.structuralProblems(FlowValidator.minimalContent(identifier: "a")).isEmpty)
        #expect(!FlowValidator.structuralProblems("[]").isEmpty)
        let dup = #"{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"T"},{"Identifier":"a","Type":"T"}]}"#
        #expect(FlowValidator.structuralProblems(dup).contains { $0.contains("more than one") })
        let badId = #"{"Version":"2019-10-30","StartAction":"a:b","Actions":[{"Identifier":"a:b","Type":"T"}]}"#
        #expect(FlowValidator.structuralProblems(badId).contains { $0.contains("forbidden") })
        let refs = FlowValidator.references(#"{"Actions":[{"Parameters":{"QueueId":"arn:aws:connect:us-east-1:1:instance/i/queue/q","ContactFlowId":"11111111-2222-4333-8444-555555555555","Text":"$.Attributes.x"}}]}"#)
        #expect(refs.map(\.kind) == [.contactFlow, .queue])
        #expect(refs.last?.instanceId == "i")
    }

    @Test("token bucket refills at its rate")
    func tokenBucket() {
        let t0 = Date(timeIntervalSince1970: 1000)
        var b = TokenBucket(rate: 2, burst: 5, now: t0)
        var results: [Bool] = []
        for _ in 0..<6 { results.append(b.take(now: t0)) }
        results.append(b.take(now: t0.addingTimeInterval(0.5)))
        results.append(b.take(now: t0.addingTimeInterval(0.5)))
        #expect(results == [true, true, true, true, true, false, true, false])
    }

    @Test("seeded randomness is repeatable and ids are UUIDs")
    func random() {
        var a = EmulatorRandom(seed: 9), b = EmulatorRandom(seed: 9)
        #expect(a.uuid() == b.uuid())
        #expect(a.uuid().range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
    }

    @Test("the emulator imports none of Model, Manifest or Reconciler")
    func moduleBoundary() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ConnectEmulator")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("import ") || t.hasPrefix("@testable import ") || t.contains(" import ") else { continue }
                for forbidden in ["Model", "Manifest", "Reconciler", "ConnectAPI", "AWSClient"] {
                    #expect(!t.hasSuffix(" \(forbidden)"), "\(file): \(t)")
                }
            }
        }
    }
}
