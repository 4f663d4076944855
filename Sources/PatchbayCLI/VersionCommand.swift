import ArgumentParser

/// `patchbay version`: the version and the commit it was built from.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version and the commit this binary was built from.",
        discussion: "A release binary (scripts/release-build.sh) records its commit; a development build (swift build) says it is one.")

    func run() throws {
        Terminal.write(BuildInfo.description + "\n")
    }
}
