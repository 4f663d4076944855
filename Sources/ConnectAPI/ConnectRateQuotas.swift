/// Connect's default API rate quotas, per operation. They are per account and per Region,
/// shared by every instance and principal ("The throttling limits are defined for each API
/// separately at the AWS account level", API Reference, Best practices for using Amazon Connect
/// APIs).
///
/// Rates: Service Quotas, service code `connect`, "Rate of <Operation> API requests" (a listing
/// of the adjustable quotas with their defaults, as published in gruntwork-io/terraform-aws-utilities
/// `docs/quotas.md`; Admin Guide, "Amazon Connect service quotas → API throttling quotas",
/// https://docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html).
/// Every operation Patchbay calls that is not listed here is at 2 requests per second (all
/// of them are listed at 2.0 there). Bursts: Service Quotas lists only rates; the documented
/// pair for 2/s is a burst of 5 ("a RateLimit of 2 per second, and a BurstLimit of 5"), and for
/// the 10/s operations we take 15 (the same 1.5× headroom above 10, and the pair Connect's
/// quota console shows for them is not published): `--rate-limit DescribeUser=10:15` and the
/// emulator's `--throttle` override it.
public enum ConnectRateQuotas {
    /// The operations Patchbay calls whose default rate is 10 requests per second.
    public static let tenPerSecond: Set<String> = [
        "DescribeUser", "ListUsers", "DescribeQueue", "ListQueues", "ListQueueQuickConnects",
        "DescribeRoutingProfile", "ListRoutingProfiles", "ListRoutingProfileQueues",
        "DescribeHoursOfOperation", "ListHoursOfOperations", "DescribeUserHierarchyGroup", "ListUserHierarchyGroups",
        "DescribeUserHierarchyStructure", "DescribeQuickConnect", "ListQuickConnects",
        "DescribeAgentStatus", "ListAgentStatuses", "DescribePrompt", "ListPrompts",
    ]

    /// The default for every other operation.
    public static let defaultLimit = (rate: 2.0, burst: 5.0)

    /// `operation`'s default (rate per second, burst).
    public static func limit(_ operation: String) -> (rate: Double, burst: Double) {
        tenPerSecond.contains(operation) ? (rate: 10, burst: 15) : defaultLimit
    }

    /// Every operation with a quota other than the default, by name.
    public static var overrides: [String: (rate: Double, burst: Double)] {
        Dictionary(uniqueKeysWithValues: tenPerSecond.map { ($0, limit($0)) })
    }
}
