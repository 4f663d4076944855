/// The version and commit `patchbay version` prints. A release build
/// (scripts/release-build.sh) writes `ReleaseStamp.swift` beside this file with the version,
/// the commit and the date, and compiles with `-DPATCHBAY_RELEASE`; any other build is a
/// development build and says so.
public enum BuildInfo {
    /// The version this source tree will be released as.
    public static let baseVersion = "0.1.0"

    #if PATCHBAY_RELEASE
    public static let version = ReleaseStamp.version
    public static let commit: String? = ReleaseStamp.commit
    public static let buildDate: String? = ReleaseStamp.date
    #else
    public static let version = baseVersion + "-dev"
    public static let commit: String? = nil
    public static let buildDate: String? = nil
    #endif

    /// `patchbay 0.1.0 (commit 0123456789ab, built 2026-12-02)` or
    /// `patchbay 0.1.0-dev (development build: no commit recorded; scripts/release-build.sh records it)`
    public static var description: String {
        if let commit {
            return "patchbay \(version) (commit \(commit)" + (buildDate.map { ", built \($0)" } ?? "") + ")"
        }
        return "patchbay \(version) (development build: no commit recorded; scripts/release-build.sh records it)"
    }
}
