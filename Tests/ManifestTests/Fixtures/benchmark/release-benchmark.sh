#!/usr/bin/env bash
# Times ManifestLoader.load on a generated manifest of N users (default 10,000) in an
# optimised build of Yams + Model + Manifest only (no need to build the whole package in release).
# Usage (from the package root, after `swift build` has fetched the checkouts):
#   Tests/ManifestTests/Fixtures/benchmark/release-benchmark.sh [N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../../.." && pwd)"
Y="$ROOT/.build/checkouts/Yams/Sources"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
cd "$OUT"
for f in "$Y"/CYaml/src/*.c; do
  clang -O2 -fPIC -c "$f" -I "$Y/CYaml/include" -I "$Y/CYaml/src" -DYAML_VERSION_MAJOR=0 -DYAML_VERSION_MINOR=2 \
    -DYAML_VERSION_PATCH=5 '-DYAML_VERSION_STRING="0.2.5"' -o "$(basename "$f" .c).o"
done
swiftc -O -parse-as-library -module-name Yams -emit-module -emit-library -static -D SWIFT_PACKAGE -I "$Y/CYaml/include" "$Y"/Yams/*.swift -o libYams.a
swiftc -O -parse-as-library -module-name Model -emit-module -emit-library -static "$ROOT"/Sources/Model/*.swift -o libModel.a
swiftc -O -parse-as-library -module-name Manifest -emit-module -emit-library -static -I . -I "$Y/CYaml/include" "$ROOT"/Sources/Manifest/*.swift -o libManifest.a
cat > main.swift <<'EOF'
import Foundation
import Manifest
import Yams

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 10_000
var yaml = """
routingProfiles:
  Agents: { description: All agents, defaultOutboundQueue: BasicQueue, concurrency: { voice: 1, chat: 2 },
            queues: [ { queue: BasicQueue, channels: [voice, chat] } ] }
userHierarchy:
  levels: [Region, Site]
  groups: { Americas: { New York: {} } }
users:

"""
for i in 0..<count {
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
let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid())")
try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
try! Data(yaml.utf8).write(to: dir.appendingPathComponent("users.yaml"))
let clock = ContinuousClock()
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
for run in 1...3 {
    var result: ManifestLoadResult!
    let cpu0 = cpuSeconds()
    let t = clock.measure { result = ManifestLoader.load(path: dir.path, processEnvironment: [:]) }
    let cpu = cpuSeconds() - cpu0
    print("run \(run): \(count) users, \(yaml.utf8.count) bytes, \(result.diagnostics.count) diagnostics, "
          + "\(result.desired?.users.count ?? -1) loaded: \(String(format: "%.3f", cpu)) s CPU, \(t) wall")
}
let cpu0 = cpuSeconds()
_ = try! Parser(yaml: yaml, resolver: .basic, encoding: .utf8).nextRoot()
print("of which Yams compose alone: \(String(format: "%.3f", cpuSeconds() - cpu0)) s CPU")
try? FileManager.default.removeItem(at: dir)
EOF
swiftc -O main.swift -I . -I "$Y/CYaml/include" -L . -lManifest -lModel -lYams ./*.o -o bench
./bench "${1:-10000}"
