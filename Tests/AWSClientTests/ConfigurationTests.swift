import AWSClient
import Foundation
import Testing

@Suite("endpoint and region resolution")
struct ConfigurationTests {
    func withConfigFile<T>(_ text: String, _ body: ([String: String]) throws -> T) async throws -> T {
        try await withTemporaryDirectory { dir in
            try write(text, to: dir.appendingPathComponent("config"))
            return try body(["HOME": dir.path, "AWS_CONFIG_FILE": dir.appendingPathComponent("config").path])
        }
    }

    static let config = """
        [default]
        region = eu-west-1
        endpoint_url = http://localhost:1000
        services = local
        [services local]
        connect =
          endpoint_url = http://127.0.0.1:2000/base
        [profile plain]
        region = ap-south-1
        endpoint_url = https://profile.example.com
        [profile ignoring]
        endpoint_url = https://profile.example.com
        ignore_configured_endpoint_urls = true
        """

    /// Issue 16 item 6: `AWS_CONFIG_FILE=/dev/null` (and an empty credentials file) is no error, as in boto3.
    @Test func devNullAndEmptyConfigFilesAreEmpty() async throws {
        try await withConfigFile("") { base in
            var env = base
            env["AWS_CONFIG_FILE"] = "/dev/null"
            env["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null"
            env["AWS_REGION"] = "eu-central-1"
            let files = try SharedConfigFiles.load(environment: env)
            #expect(files.profiles.isEmpty)
            let c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.region == "eu-central-1")
            env["AWS_CONFIG_FILE"] = base["AWS_CONFIG_FILE"]  // an empty file
            #expect(try SharedConfigFiles.load(environment: env).profiles.isEmpty)
        }
    }

    @Test func endpointPrecedence() async throws {
        try await withConfigFile(Self.config) { base in
            var env = base
            env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:3000"
            env["AWS_ENDPOINT_URL_CONNECT"] = "http://127.0.0.1:4000"
            var c = try AWSClientConfiguration.resolve(endpointURL: "http://[::1]:5000", environment: env)
            #expect(c.endpoint.description == "http://[::1]:5000" && c.endpointSource == "--endpoint-url")
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.endpoint.description == "http://127.0.0.1:4000" && c.endpointSource == "AWS_ENDPOINT_URL_CONNECT")
            env["AWS_ENDPOINT_URL_CONNECT"] = nil
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.endpoint.description == "http://127.0.0.1:3000")
            env["AWS_ENDPOINT_URL"] = nil
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.endpoint.description == "http://127.0.0.1:2000/base")
            #expect(c.endpoint.basePath == "/base")
            c = try AWSClientConfiguration.resolve(profile: "plain", environment: env)
            #expect(c.endpoint.description == "https://profile.example.com" && c.region == "ap-south-1")
            c = try AWSClientConfiguration.resolve(region: "us-east-1", profile: "ignoring", environment: env)
            #expect(c.endpoint.description == "https://connect.us-east-1.amazonaws.com" && c.endpointSource == "default")
            env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true"
            env["AWS_ENDPOINT_URL_CONNECT"] = "http://127.0.0.1:4000"
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.endpoint.description == "https://connect.eu-west-1.amazonaws.com")
            // The flag still wins.
            c = try AWSClientConfiguration.resolve(endpointURL: "http://localhost:6000/", environment: env)
            #expect(c.endpoint.description == "http://localhost:6000")
        }
    }

    @Test func regionPrecedence() async throws {
        try await withConfigFile(Self.config) { base in
            var env = base
            env["AWS_REGION"] = "us-east-1"
            env["AWS_DEFAULT_REGION"] = "us-east-2"
            var c = try AWSClientConfiguration.resolve(region: "ca-central-1", manifestRegion: "sa-east-1", environment: env)
            #expect(c.region == "ca-central-1" && c.regionSource == "--region")
            c = try AWSClientConfiguration.resolve(manifestRegion: "sa-east-1", environment: env)
            #expect(c.region == "sa-east-1" && c.regionSource == "manifest")
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.region == "us-east-1")
            env["AWS_REGION"] = nil
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.region == "us-east-2")
            env["AWS_DEFAULT_REGION"] = nil
            c = try AWSClientConfiguration.resolve(environment: env)
            #expect(c.region == "eu-west-1" && c.regionSource == "profile 'default' region")
        }
        try await withTemporaryDirectory { dir in
            let error = #expect(throws: AWSTransportError.self) { try AWSClientConfiguration.resolve(environment: ["HOME": dir.path]) }
            #expect(error?.message.contains("no AWS region") == true)
        }
    }

    @Test func defaultEndpointAndSigningRegion() throws {
        let c = try AWSClientConfiguration.resolve(region: "eu-west-2", environment: ["HOME": "/nonexistent"])
        #expect(c.endpoint.description == "https://connect.eu-west-2.amazonaws.com")
        #expect(c.endpoint.hostHeader == "connect.eu-west-2.amazonaws.com")
        #expect(c.service == "connect")
        #expect(c.retryPolicy.maxAttempts == 3)
    }

    @Test func fipsAndDualStack() throws {
        let home = ["HOME": "/nonexistent"]
        func endpoint(_ env: [String: String], region: String = "us-east-1") throws -> String {
            try AWSClientConfiguration.resolve(region: region, environment: home.merging(env) { $1 }).endpoint.description
        }
        #expect(try endpoint(["AWS_USE_FIPS_ENDPOINT": "true"]) == "https://connect-fips.us-east-1.amazonaws.com")
        #expect(try endpoint(["AWS_USE_FIPS_ENDPOINT": "true"], region: "us-gov-west-1") == "https://connect.us-gov-west-1.amazonaws.com")
        #expect(try endpoint(["AWS_USE_DUALSTACK_ENDPOINT": "true"]) == "https://connect.us-east-1.api.aws")
        #expect(try endpoint(["AWS_USE_DUALSTACK_ENDPOINT": "true", "AWS_USE_FIPS_ENDPOINT": "true"]) == "https://connect-fips.us-east-1.api.aws")
        #expect(throws: AWSTransportError.self) {
            try endpoint(["AWS_USE_FIPS_ENDPOINT": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:1"])
        }
    }

    @Test func plainHTTPOnlyForLoopback() throws {
        for ok in ["http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:4566/path", "http://[::1]:9000", "https://example.com"] {
            #expect(throws: Never.self) { try AWSEndpoint(ok) }
        }
        for bad in ["http://example.com", "http://10.0.0.1:8080", "http://169.254.169.254", "ftp://127.0.0.1", "not a url", "https://h/?q=1"] {
            #expect(throws: AWSTransportError.self, "\(bad)") { try AWSEndpoint(bad) }
        }
        let error = #expect(throws: AWSTransportError.self) {
            try AWSClientConfiguration.resolve(endpointURL: "http://connect.example.com", region: "us-east-1", environment: [:])
        }
        #expect(error?.message.contains("loopback") == true)
        #expect(try AWSEndpoint("https://h:443/a/b/").hostHeader == "h")
        #expect(try AWSEndpoint("http://127.0.0.1:80").hostHeader == "127.0.0.1")
        #expect(try AWSEndpoint("https://h:8443").hostHeader == "h:8443")
    }

    @Test func maxAttemptsFromEnvironmentAndProfile() async throws {
        try await withConfigFile("[default]\nmax_attempts = 7\nregion = eu-west-1\n") { env in
            let fromProfile = try AWSClientConfiguration.resolve(environment: env).retryPolicy.maxAttempts
            #expect(fromProfile == 7)
            var e = env
            e["AWS_MAX_ATTEMPTS"] = "2"
            let fromEnv = try AWSClientConfiguration.resolve(environment: e).retryPolicy.maxAttempts
            #expect(fromEnv == 2)
            e["AWS_MAX_ATTEMPTS"] = "lots"
            #expect(throws: AWSTransportError.self) { try AWSClientConfiguration.resolve(environment: e) }
        }
    }

    @Test func retryModeFromEnvironmentAndProfile() async throws {
        try await withConfigFile("[default]\nretry_mode = standard\nregion = eu-west-1\n") { env in
            let fromProfile = try AWSClientConfiguration.resolve(environment: env)
            #expect(fromProfile.retryPolicy.mode == .standard)
            #expect(fromProfile.rateLimits.adaptive.enabled == false)
            var e = env
            e["AWS_RETRY_MODE"] = "adaptive"
            let fromEnv = try AWSClientConfiguration.resolve(environment: e)
            #expect(fromEnv.retryPolicy.mode == .adaptive)
            #expect(fromEnv.rateLimits.adaptive.enabled == true)
            e["AWS_RETRY_MODE"] = "legacy"
            #expect(try AWSClientConfiguration.resolve(environment: e).retryPolicy.mode == .standard)
            e["AWS_RETRY_MODE"] = "turbo"
            let error = try #require(throws: AWSTransportError.self) { try AWSClientConfiguration.resolve(environment: e) }
            #expect(error.message.contains("AWS_RETRY_MODE / retry_mode must be standard or adaptive"))
        }
        // Unset: adaptive, as before the setting existed.
        #expect(try RetryPolicy.fromEnvironment([:]).mode == .adaptive)
    }
}
