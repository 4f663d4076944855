import Foundation
import Manifest
import Model
import Testing

@Suite struct ManifestLoaderTests {
    private func load(_ files: [String: String], environment: String? = nil,
                      env: [String: String] = [:]) throws -> (ManifestLoadResult, String) {
        let dir = try TestSupport.write(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        return (ManifestLoader.load(path: dir.path, environment: environment, processEnvironment: env), dir.path + "/")
    }

    @Test func quickstartLoadsWithoutDiagnostics() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("examples/quickstart").path
        let result = ManifestLoader.load(path: path, processEnvironment: [:])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let desired = try #require(result.desired)
        #expect(desired.stack == "acme-quickstart")
        #expect(desired.hoursOfOperation.map(\.name) == ["Business Hours", "Weekend Hours"])
        #expect(desired.queues.map(\.name) == ["Billing", "Support", "Weekend"])
        #expect(desired.routingProfiles.map(\.name) == ["Billing Specialists", "Tier 1"])
        #expect(desired.users.count == 5)
        #expect(desired.userHierarchy.levels == ["Region", "Site"])
        #expect(desired.userHierarchy.groups.map(\.pathString)
                == ["Americas", "Americas/Austin", "Americas/New York", "Europe", "Europe/London"])
        let flow = try #require(desired.flows.first)
        #expect(flow.content.references == [ResourceAddress(.hoursOfOperation, "Business Hours"), ResourceAddress(.queue, "Support")])
        #expect(flow.content.text.contains("${queue:Support}"))
        let hours = try #require(desired.hoursOfOperation.first)
        #expect(hours.schedule[.friday]?.map(\.description) == ["08:00-12:00", "13:00-17:00"])
        #expect(hours.schedule[.saturday] == nil)
        let graph = desired.dependencyGraph()
        let order = try graph.topologicalOrder().get()
        #expect(order.firstIndex(of: ResourceAddress(.queue, "Support"))! < order.firstIndex(of: ResourceAddress(.routingProfile, "Tier 1"))!)
        #expect(order.firstIndex(of: ResourceAddress(.routingProfile, "Tier 1"))! < order.firstIndex(of: ResourceAddress(.user, "jdoe"))!)
    }

    @Test func multiEnvironmentSelectsInstanceAndVariables() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("examples/multi-environment").path
        let staging = ManifestLoader.load(path: path, environment: "staging", processEnvironment: [:])
        let production = ManifestLoader.load(path: path, environment: "production", processEnvironment: [:])
        #expect(staging.diagnostics.isEmpty && production.diagnostics.isEmpty)
        let s = try #require(staging.desired), p = try #require(production.desired)
        #expect(s.instance == InstanceTarget(id: "11111111-2222-3333-4444-555555555555", region: "us-east-1"))
        #expect(p.instance == InstanceTarget(id: "66666666-7777-8888-9999-000000000000", region: "us-west-2"))
        #expect(s.queues[0].maxContacts == 5 && p.queues[0].maxContacts == 100)
        #expect(s.queues[0].outboundCallerId?.number == "+15550101")
        #expect(p.routingProfiles[0].concurrency == [.voice: 1, .chat: 3])
        #expect(s.tags == ["team": "sales"])
        #expect(s.externals == [ResourceAddress(.securityProfile, "Escalations Team")])
        let typo = ManifestLoader.load(path: path, environment: "prod", processEnvironment: [:])
        #expect(typo.diagnostics.map(\.description)
                == ["error: unknown environment 'prod'; the manifests declare 'production', 'staging'; did you mean 'production'?"])
    }

    @Test func envWithoutEnvironmentsIsAnError() throws {
        let (result, _) = try load(["m.yaml": "stack: x\n"], environment: "staging")
        #expect(result.diagnostics.map(\.description) == ["error: --env staging was given but the manifests declare no 'environments'"])
    }

    @Test func scalarsAreTakenAsWritten() throws {
        let (result, _) = try load(["m.yaml": """
            queues:
              NO:
                hoursOfOperation: Basic Hours
                description: on
              "1e3":
                hoursOfOperation: Basic Hours
                description: 08:00
            securityProfiles:
              yes: { description: 1e3, permissions: [on, off, NO] }
            """])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let desired = try #require(result.desired)
        #expect(desired.queues.map(\.name) == ["1e3", "NO"])
        #expect(desired.queues.map(\.description) == ["08:00", "on"])
        #expect(desired.securityProfiles[0].name == "yes")
        #expect(desired.securityProfiles[0].description == "1e3")
        #expect(desired.securityProfiles[0].permissions == ["NO", "off", "on"])
    }

    @Test func kindsMergeAcrossFilesAndDirectoriesAreWalkedSorted() throws {
        let (result, prefix) = try load([
            "b/queues.yaml": "queues:\n  Support: { hoursOfOperation: Business Hours }\n",
            "a/hours.yml": "hoursOfOperation:\n  Business Hours: { timeZone: UTC }\n",
            "z.yaml": "queues:\n  Billing: { hoursOfOperation: Basic Hours }\n",
            ".git/ignored.yaml": "this: is: not: read\n",
            "notes.txt": "not a manifest",
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(result.files.map { String($0.dropFirst(prefix.count)) } == ["a/hours.yml", "b/queues.yaml", "z.yaml"])
        #expect(result.desired?.queues.map(\.name) == ["Billing", "Support"])
        #expect(result.desired?.declarations[ResourceAddress(.queue, "Support")]
                == SourceLocation(file: prefix + "b/queues.yaml", line: 2, column: 3))
    }

    @Test func substitutionEscapesAndEnvironmentVariables() throws {
        let (result, _) = try load(["m.yaml": """
            variables: { team: support }
            stack: ${var:team}-${env:STAGE}
            queues:
              Support:
                hoursOfOperation: Basic Hours
                description: "literal $${var:team} and ${var:team}; cost $5"
            """], env: ["STAGE": "prod"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.desired?.stack == "support-prod")
        #expect(result.desired?.queues[0].description == "literal ${var:team} and support; cost $5")
    }

    @Test func variablesMayUseEnvironmentVariablesAndEnvironmentsOverrideFirst() throws {
        let files = ["m.yaml": """
            variables: { prefix: "${env:PREFIX}", region: "${env:ONLY_FOR_DEFAULT}" }
            environments:
              staging: { variables: { region: eu-west-1 }, instance: { region: "${var:region}" } }
            stack: ${var:prefix}-stack
            """]
        // The top-level 'region' needs ONLY_FOR_DEFAULT, but staging overrides it, so it is never resolved.
        let (staging, _) = try load(files, environment: "staging", env: ["PREFIX": "acme"])
        #expect(staging.diagnostics.isEmpty, "\(staging.diagnostics.map(\.description))")
        #expect(staging.desired?.stack == "acme-stack")
        #expect(staging.desired?.instance?.region == "eu-west-1")
        let (plain, _) = try load(files, env: ["PREFIX": "acme"])
        #expect(plain.diagnostics.map(\.message) == ["environment variable 'ONLY_FOR_DEFAULT' is not set"])
    }

    @Test func passwordsNeverAppearInDescriptions() throws {
        let secret = "Sup3rSecretPassw0rd"
        let (result, _) = try load(["m.yaml": """
            users:
              jdoe:
                password: ${env:JDOE_PASSWORD}
                routingProfile: Basic Routing Profile
                securityProfiles: [Agent]
            """], env: ["JDOE_PASSWORD": secret])
        #expect(result.diagnostics.isEmpty)
        let desired = try #require(result.desired)
        #expect(desired.users[0].password?.revealedValue() == secret)
        var dumped = ""
        dump(desired, to: &dumped)
        #expect(!dumped.contains(secret))
        #expect(!String(describing: desired).contains(secret))
        #expect(!String(reflecting: desired).contains(secret))
        #expect(String(describing: desired.users[0].password!) == "(sensitive)")
    }

    @Test func literalPasswordErrorsNeverEchoThePassword() throws {
        let (result, _) = try load(["m.yaml": """
            users:
              jdoe:
                password: alllowercase1
                routingProfile: Basic Routing Profile
                securityProfiles: [Agent]
            """])
        #expect(result.diagnostics.count == 2)
        #expect(!result.diagnostics.contains { $0.message.contains("alllowercase1") })
    }

    /// Issue 16 item 7: a password from `${env:…}` is held to Connect's policy when the variable is
    /// set (validate, not CreateUser half-way through apply), and the value is never echoed.
    @Test func substitutedPasswordsAreCheckedWithoutEchoingThem() throws {
        let files = ["m.yaml": """
            users:
              jdoe:
                password: "${env:JDOE_PASSWORD}"
                routingProfile: Basic Routing Profile
                securityProfiles: [Agent]
            """]
        let (weak, _) = try load(files, env: ["JDOE_PASSWORD": "weakpass"])
        #expect(weak.diagnostics.map(\.message) == ["'password' in user 'jdoe' (the value of '${env:JDOE_PASSWORD}') must contain an upper-case letter"])
        #expect(weak.diagnostics.first?.location?.line == 3)
        #expect(!weak.diagnostics.contains { $0.message.contains("weakpass") })
        let (strong, _) = try load(files, env: ["JDOE_PASSWORD": "Str0ngEnough"])
        #expect(strong.diagnostics.isEmpty, "\(strong.diagnostics.map(\.description))")
    }

    @Test func externalResourcesCanBeReferenced() throws {
        let (result, _) = try load(["m.yaml": """
            hoursOfOperation:
              Corporate Hours: { external: true }
            queues:
              Support: { hoursOfOperation: Corporate Hours, quickConnects: [Front Desk] }
            quickConnects:
              Front Desk: { external: true }
            """])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.desired?.externals.map(\.description) == ["hours.Corporate Hours", "quickConnect.Front Desk"])
        #expect(result.desired?.hoursOfOperation.isEmpty == true)
    }

    @Test func tenThousandUsersValidateQuickly() throws {
        var yaml = """
            routingProfiles:
              Agents: { description: All agents, defaultOutboundQueue: BasicQueue, concurrency: { voice: 1, chat: 2 },
                        queues: [ { queue: BasicQueue, channels: [voice, chat] } ] }
            userHierarchy:
              levels: [Region, Site]
              groups: { Americas: { New York: {} } }
            users:

            """
        for i in 0..<10_000 {
            yaml += """
                  agent\(i):
                    firstName: Agent
                    lastName: Number\(i)
                    email: agent\(i)@example.com
                    routingProfile: Agents
                    securityProfiles: [Agent]
                    hierarchyGroup: Americas/New York
                    phone: { type: SOFT_PHONE, autoAccept: false, afterContactWorkSeconds: 30 }

                """
        }
        let dir = try TestSupport.write(["users.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: dir) }
        // Thread CPU time, not wall time: the CI machine is shared, and the load runs on this thread.
        func cpuSeconds() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        let clock = ContinuousClock()
        var result: ManifestLoadResult!
        let cpuStart = cpuSeconds()
        let elapsed = clock.measure { result = ManifestLoader.load(path: dir.path, processEnvironment: [:]) }
        let cpu = cpuSeconds() - cpuStart
        print("validated 10,000 users (\(yaml.utf8.count) bytes): \(String(format: "%.2f", cpu)) s CPU, \(elapsed) wall (debug build)")
        #expect(result.diagnostics.isEmpty)
        #expect(result.desired?.users.count == 10_000)
        // A sanity bound against accidental quadratic work, not a benchmark (release: ~0.6 s;
        // see Fixtures/benchmark/release-benchmark.sh).
        #expect(cpu < 15, "10,000 users took \(cpu) s of CPU")
    }

    @Test func flowCycleThroughContentIsBreakableButReported() throws {
        let flow = { (target: String) in
            """
            { "Version": "2019-10-30", "StartAction": "t",
              "Actions": [ { "Identifier": "t", "Type": "TransferToFlow", "Parameters": { "ContactFlowId": "${flow:\(target)}" },
                             "Transitions": {} } ] }
            """
        }
        let (result, _) = try load([
            "m.yaml": "flows:\n  A: { type: CONTACT_FLOW, content: a.json }\n  B: { type: CONTACT_FLOW, content: b.json }\n",
            "a.json": flow("B"), "b.json": flow("A"),
        ])
        #expect(result.diagnostics.isEmpty)
        let graph = try #require(result.desired).dependencyGraph()
        #expect(graph.findCycle()?.description == "flow.A → flow.B → flow.A")
        #expect(graph.findCycle(includingBreakable: false) == nil)
    }
}

@Suite struct MergeKeyTests {
    @Test func mergeKeysShareDefaultsAndExplicitKeysWin() throws {
        let dir = try TestSupport.write(["m.yaml": """
            users:
              jdoe: &agent
                firstName: Jane
                routingProfile: Basic Routing Profile
                securityProfiles: [Agent]
              asmith:
                <<: *agent
                firstName: Alex
            """])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = ManifestLoader.load(path: dir.path, processEnvironment: [:])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let users = try #require(result.desired).users
        #expect(users.map(\.username) == ["asmith", "jdoe"])
        #expect(users.map(\.firstName) == ["Alex", "Jane"])
        #expect(users[0].routingProfile == "Basic Routing Profile")
    }

    @Test func mergeOfAScalarIsAnError() throws {
        let dir = try TestSupport.write(["m.yaml": "queues:\n  Support:\n    <<: nonsense\n    hoursOfOperation: Basic Hours\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = ManifestLoader.load(path: dir.path, processEnvironment: [:])
        #expect(TestSupport.render(result.diagnostics, removing: dir.path + "/")
                == ["m.yaml:3:9: error: '<<' in queue 'Support' must merge a mapping or a list of mappings, found 'nonsense'"])
    }
}
