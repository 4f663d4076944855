import Foundation
import SigV4
import Testing

/// Connect-specific signing cases with values recorded from botocore 1.43.11
/// (scripts/oracle/sigv4_botocore.py), so they run even without Python.
@Suite("SigV4 for Connect")
struct SigV4ConnectTests {
    let tag = ConnectSigningCase.all[0]
    let untag = ConnectSigningCase.all[1]

    func sign(_ c: ConnectSigningCase) -> SigV4Signature {
        SigV4Signer(credentials: SigV4Credentials(accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey,
                                                  sessionToken: c.sessionToken),
                    region: c.region, service: "connect")
            .sign(method: c.method, path: c.path, query: c.query, headers: c.headers, body: Data(c.body.utf8),
                  date: SigV4Signer.parseAmzDate(c.timestamp)!)
    }

    @Test func arnLabelIsDoubleEncodedAndTokenSigned() {
        let s = sign(tag)
        #expect(s.canonicalRequest == """
            POST
            /tags/arn%253Aaws%253Aconnect%253Aeu-west-2%253A123456789012%253Ainstance%252F0c4e8e4a-6e4c-4bbd-9a5e-2f6a1c1e3a11%252Fqueue%252F8f2b9a0e-3a55-4c8e-b0a7-5b1f3f0d2c77

            content-type:application/json
            host:connect.eu-west-2.amazonaws.com
            x-amz-date:20260115T093000Z
            x-amz-security-token:IQoJb3JpZ2luX2VjEHYaCWV1LXdlc3QtMiJHMEUCIQD+/test==

            content-type;host;x-amz-date;x-amz-security-token
            99e5934fd41e51e01a9371ee077faaf824ce02a2a02f4c1eba7d730dff0d99a5
            """)
        #expect(s.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260115/eu-west-2/connect/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=3e7028438b216d02ed8e4e3ae9d4e48248457e23d5a2ac08b86405e54e57a4f2")
        #expect(s.headersToAdd.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(s.headersToAdd[1].value == tag.sessionToken)
        #expect(!s.signedHeaders.contains("user-agent"))
        #expect(!s.signedHeaders.contains("x-amz-content-sha256"))
    }

    @Test func repeatedQueryKeysSortedByValue() {
        let s = sign(untag)
        #expect(s.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == "tagKeys=a%2Fb&tagKeys=cost%20center&tagKeys=team")
        #expect(s.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260115/eu-west-2/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=4b2dccc47767723d493e7cdf8e64b2a2a95ee4fd215823d3d102bb251377fdf2")
        #expect(s.headersToAdd.map(\.name) == ["X-Amz-Date", "Authorization"])
    }

    @Test func savedFlowLabel() {
        let s = sign(ConnectSigningCase.all[3])
        #expect(s.canonicalRequest.contains("/contact-flows/0c4e8e4a-6e4c-4bbd-9a5e-2f6a1c1e3a11/3f0e2f55-1b07-4a0e-9f3b-0e7c2a8d1b44%253A%2524SAVED\n"))
    }

    @Test func knownSessionTokenVector() {
        // get-vanilla-with-session-token (aws-c-auth suite; connect-api.md §7).
        let signer = SigV4Signer(
            credentials: SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                          sessionToken: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"),
            region: "us-east-1", service: "service")
        let s = signer.sign(method: "GET", path: "/", query: [], headers: [(name: "Host", value: "example.amazonaws.com")],
                            body: Data(), date: SigV4Signer.parseAmzDate("20150830T123600Z")!)
        #expect(s.signature == "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8")
    }

    @Test func existingDateAndAuthorizationHeadersAreReplaced() {
        let signer = SigV4Signer(credentials: SigV4Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                 region: "us-east-1", service: "service")
        let s = signer.sign(method: "GET", path: "/", query: [],
                            headers: [(name: "Host", value: "example.amazonaws.com"), (name: "X-Amz-Date", value: "19990101T000000Z"),
                                      (name: "Authorization", value: "stale")],
                            body: Data(), date: SigV4Signer.parseAmzDate("20150830T123600Z")!)
        #expect(s.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func credentialsNeverPrintSecrets() {
        let c = SigV4Credentials(accessKeyId: "AKIAEXAMPLE", secretAccessKey: "SECRETSECRET", sessionToken: "TOKENTOKEN")
        var dumped = ""
        dump(c, to: &dumped)
        for text in [c.description, c.debugDescription, "\(c)", String(reflecting: c), dumped, "\([c])"] {
            #expect(!text.contains("SECRETSECRET"))
            #expect(!text.contains("TOKENTOKEN"))
            #expect(text.contains("AKIAEXAMPLE"))
        }
    }

    @Test func amzDateRoundTrips() {
        for s in ["20150830T123600Z", "20280229T120000Z", "19700101T000000Z", "20991231T235959Z"] {
            #expect(SigV4Signer.amzDate(SigV4Signer.parseAmzDate(s)!) == s)
        }
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: 1_440_938_160)) == "20150830T123600Z")
        #expect(SigV4Signer.parseAmzDate("2015-08-30T12:36:00Z") == nil)
    }

    @Test func authorizationHeaderParses() throws {
        let a = try #require(SigV4Authorization(header: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa0"))
        #expect(a == SigV4Authorization(accessKeyId: "AKIDEXAMPLE", dateStamp: "20150830", region: "us-east-1",
                                        service: "service", signedHeaders: ["host", "x-amz-date"], signature: "5fa0"))
        #expect(a.scope == "20150830/us-east-1/service/aws4_request")
        #expect(SigV4Authorization(header: "Basic abc") == nil)
        #expect(SigV4Authorization(header: "AWS4-HMAC-SHA256 Credential=A/B, SignedHeaders=host, Signature=x") == nil)
    }

    @Test func pathNormalisation() {
        #expect(SigV4Signer.normalizePath("") == "/")
        #expect(SigV4Signer.normalizePath("//example//") == "/example/")
        #expect(SigV4Signer.normalizePath("/a/./b/../c") == "/a/c")
        #expect(SigV4Signer.canonicalURI("/tags/arn%3Aaws") == "/tags/arn%253Aaws")
    }
}
