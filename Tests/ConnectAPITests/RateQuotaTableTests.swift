import ConnectAPI
import ConnectEmulator
import Testing

/// The client's quota table (ConnectRateQuotas) and the emulator's (`--throttle connect`) are
/// written separately — the emulator models AWS and imports none of Patchbay's client modules —
/// from the same source; they must agree, and name only operations Patchbay calls.
@Suite struct RateQuotaTableTests {
    @Test func clientAndEmulatorTablesAgree() {
        #expect(ConnectRateQuotas.tenPerSecond == ThrottleSetting.connectTenPerSecond)
        let emulator = ThrottleSetting.connect()
        #expect(Double(emulator.base.burst) == ConnectRateQuotas.defaultLimit.burst && emulator.base.rate == ConnectRateQuotas.defaultLimit.rate)
        for (operation, setting) in emulator.overrides {
            let client = ConnectRateQuotas.limit(operation)
            #expect(setting.rate == client.rate && Double(setting.burst) == client.burst, "\(operation)")
        }
        for operation in ConnectRateQuotas.tenPerSecond {
            #expect(ConnectOperation.catalog[operation] != nil, "\(operation) is not in the operations catalog")
        }
        #expect(ConnectRateQuotas.limit("DescribeUser") == (rate: 10, burst: 15))
        #expect(ConnectRateQuotas.limit("SearchUsers") == (rate: 2, burst: 5))
        #expect(ConnectRateQuotas.limit("ListSecurityProfiles") == (rate: 2, burst: 5))
    }
}
