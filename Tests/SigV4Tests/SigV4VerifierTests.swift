import Foundation
import SigV4
import Testing

@Suite("SigV4 verification")
struct SigV4VerifierTests {
    let credentials = SigV4Credentials(accessKeyId: "AKIDV", secretAccessKey: "verify-secret", sessionToken: "tok")
    let date = SigV4Signer.parseAmzDate("20260115T093000Z")!
    let path = "/tags/arn%3Aaws%3Aconnect%3Aus-east-1%3A1%3Ainstance%2Fi"
    let query = [(name: "tagKeys", value: "a b"), (name: "tagKeys", value: "c")]
    let body = Data(#"{"tags":{}}"#.utf8)

    func signedHeaders() -> [(name: String, value: String)] {
        let base: [(name: String, value: String)] = [(name: "Host", value: "127.0.0.1:4566"), (name: "Content-Type", value: "application/json")]
        let s = SigV4Signer(credentials: credentials, region: "us-east-1", service: "connect")
            .sign(method: "POST", path: path, query: query, headers: base, body: body, date: date)
        return base + s.headersToAdd + [(name: "User-Agent", value: "x"), (name: "amz-sdk-request", value: "attempt=1; max=3")]
    }

    func verify(headers: [(name: String, value: String)], body: Data? = nil, now: Date? = nil) -> SigV4Verifier.Result {
        SigV4Verifier.verify(method: "POST", path: path, query: query, headers: headers, body: body ?? self.body,
                             secretAccessKey: { $0 == "AKIDV" ? "verify-secret" : nil }, service: "connect", now: now)
    }

    @Test func validSignature() {
        #expect(verify(headers: signedHeaders(), now: date.addingTimeInterval(60)) == .valid(accessKeyId: "AKIDV"))
    }

    @Test func rejections() {
        var h = signedHeaders()
        #expect(verify(headers: h, body: Data("{}".utf8)) == .invalid(code: "InvalidSignatureException", message: "The request signature we calculated does not match the signature you provided."))
        #expect(verify(headers: h, now: date.addingTimeInterval(3600)).isInvalid("InvalidSignatureException"))
        #expect(verify(headers: h.filter { $0.name != "Authorization" }).isInvalid("MissingAuthenticationToken"))
        h = h.map { $0.name == "Authorization" ? (name: $0.name, value: $0.value.replacingOccurrences(of: "AKIDV", with: "AKIDX")) : $0 }
        #expect(verify(headers: h).isInvalid("UnrecognizedClientException"))
        let tampered = signedHeaders().map { $0.name == "Content-Type" ? (name: $0.name, value: "text/plain") : $0 }
        #expect(verify(headers: tampered).isInvalid("InvalidSignatureException"))
    }
}

extension SigV4Verifier.Result {
    func isInvalid(_ code: String) -> Bool {
        if case .invalid(let c, _) = self { return c == code }
        return false
    }
}
