import ConnectAPI
import ConnectHTTP
import Foundation
import PatchbayTestSupport
import Testing

/// `--env`: the environment picks the instance (no --instance-id) and the variables.
@Suite struct EnvironmentTests {
    static let example = Paths.packageRoot.appendingPathComponent("examples/multi-environment").path

    @Test func environmentPicksInstanceAndVariables() async throws {
        let emu = try await TestEmulator(instanceId: "11111111-2222-3333-4444-555555555555")
        do {
            let args = ["--endpoint-url", emu.url.absoluteString, "--rate-limit", "off"]
            // The example refers to a security profile managed elsewhere (external: true).
            _ = try await emu.client.write(.createSecurityProfile, ["InstanceId": emu.instanceId], CreateSecurityProfileRequest(
                SecurityProfileName: "Escalations Team", Permissions: ["BasicAgentAccess"]))
            // Its staging caller id number, claimed as a user would (Patchbay never claims numbers).
            let number = try await emu.claimPhoneNumber("+15550101")
            let apply = try await patchbay(["apply", Self.example, "--env", "staging", "--auto-approve"] + args)
            #expect(apply.exitCode == 0, "\(apply)")
            let plan = try await patchbay(["plan", Self.example, "--env", "staging", "--detailed-exitcode"] + args)
            #expect(plan.exitCode == 0, "\(plan)")
            let s = try await InstanceSnapshot.read(emu.client, instanceId: emu.instanceId)
            let sales = try #require(s.queue("Sales"))
            #expect(sales.MaxContacts == 5)
            #expect(sales.Description == "Inbound sales (sales)")
            #expect(sales.OutboundCallerConfig?.OutboundCallerIdNumberId == number.id)
            #expect(sales.Tags?["patchbay:stack"] == "acme-sales")

            // Production names another instance (and region): not this endpoint's; a clear error.
            let production = try await patchbay(["plan", Self.example, "--env", "production"] + args)
            #expect(production.exitCode == 1, "\(production)")
            #expect(production.stderr.contains("error"), "\(production)")
            await emu.stop()
        } catch {
            await emu.stop()
            throw error
        }
    }
}
